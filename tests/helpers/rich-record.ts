/**
 * A record with a table, footnotes, a YouTube iframe, a `<script>` and an `onclick` (the lines of the
 * file are counted on the right), built by tests/content/raw-html.test.ts and the Chromium test.
 */
export const RICH_RECORD = [
  '---', // 1
  'title: Un article riche', // 2
  'description: Tableau, notes et vidéo.', // 3
  'datePublished: 2024-02-28T09:00:00+01:00', // 4
  '---', // 5
  '| Ville | Votants |', // 6
  '|:--|--:|', // 7
  '| Lyon | 12 |', // 8
  '', // 9
  'Un fait[^1], et un <span onclick="alert(1)">mot</span>.', // 10
  '', // 11
  '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Le discours" width="560" height="315">' +
    '</iframe>', // 12
  '', // 13
  '<script>alert(1)</script>', // 14
  '', // 15
  '[^1]: Source : AFP.', // 16
  '',
].join('\n');
