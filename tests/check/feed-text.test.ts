/**
 * Feed text the W3C Feed Validation Service warns about: a site built by an older version (the
 * golden seed site with three hand edits, made in a scratch folder) is flagged at the feed, element
 * and line; the current build of a record with the same kind of text checks clean.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { checkFiles } from '../../src/check/site.js';
import { readSite } from '../../src/check/read-site.js';

const root = join(import.meta.dirname, '../..');
const RULES = new Set(['rss-plain-text', 'atom-text-type', 'control-characters']);

/** Replaces `from` by `to` in `file`, failing when `from` is not there (the golden site moved on). */
function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text, `${file} holds ${from}`).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

/** The golden seed site as an older build wrote its feeds: `&amp;` in RSS, type="text" in Atom, a control. */
async function oldStyleSite(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'depeche-old-feeds-'));
  cpSync(join(root, 'tests/golden/seed'), dir, { recursive: true });
  // The golden files are text: the pictures (the logo, the default image's crops, the icons) are built again.
  for (const file of (await build({ contentDir: join(root, 'content'), write: false })).files) {
    if (/\.(png|jpg|ico)$/.test(file.path)) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.contents);
    }
  }
  edit(join(dir, 'feed.xml'), '<title>Dépêche</title>', '<title>AT&amp;T &lt;3</title>');
  edit(
    join(dir, 'atom.xml'),
    '<summary type="html">Le rapprochement de la jeune pousse française et du géant américain a provoqué un tollé ' +
      'à Bruxelles.</summary>',
    '<summary type="text">Les balises &lt;b&gt; et le rapprochement</summary>',
  );
  edit(
    join(dir, 'feed.json'),
    '"title": "Le partenariat entre Microsoft et Mistral AI agace Bruxelles mais ravit le gouvernement"',
    '"title": "Le partenariat entre Microsoft et Mistral AI agace Bruxelles mais ravit le gouvernement\\u0001"',
  );
  return dir;
}

describe('feed text the W3C validator warns about', () => {
  it('is reported as warnings on a site built by an older version', async () => {
    const dir = await oldStyleSite();
    const result = checkFiles(await readSite(dir), { folder: 'dist' });
    rmSync(dir, { recursive: true, force: true });
    expect(result.errors).toBe(0);
    expect(
      result.findings
        .filter((finding) => RULES.has(finding.rule))
        .map(({ file, line, field, severity, rule, message }) => ({ file, line, field, severity, rule, message })),
    ).toEqual([
      {
        file: 'dist/atom.xml',
        line: 32,
        field: '/feed/entry[1]/summary',
        severity: 'warning',
        rule: 'atom-text-type',
        message:
          'expected type="html" on a <summary> whose text looks like markup, found type="text" ' +
          '(W3C validator: ContainsUndeclaredHTML)',
      },
      {
        file: 'dist/feed.json',
        line: undefined,
        field: '$.items[0].title',
        severity: 'warning',
        rule: 'control-characters',
        message: 'holds the control character U+0001 (other formats drop them)',
      },
      {
        file: 'dist/feed.xml',
        line: 4,
        field: '/rss/channel/title',
        severity: 'warning',
        rule: 'rss-plain-text',
        message:
          'expected & and < as the hexadecimal references &#x26; and &#x3C; in plain text, found "&amp;" and ' +
          '"&lt;" (W3C validator: CharacterData)',
      },
    ]);
  });

  it('finds & and < in CDATA, on the line they are on, and leaves item descriptions (HTML) alone', () => {
    const seed = join(root, 'tests/golden/seed');
    const rss = readFileSync(join(seed, 'feed.xml'), 'utf8')
      .replace('<category>Mistral AI</category>', '<category>\n<![CDATA[Mistral & <AI>]]></category>')
      .replace(/<description>Le rapprochement/, '<description>&lt;b&gt; Le rapprochement');
    const files = [
      ...['atom.xml', 'feed.json'].map((path) => ({ path, contents: readFileSync(join(seed, path), 'utf8') })),
      { path: 'feed.xml', contents: rss },
    ];
    const found = checkFiles(files).findings.filter((finding) => RULES.has(finding.rule));
    expect(found.map(({ line, field, message }) => ({ line, field, message }))).toEqual([
      expect.objectContaining({ line: 28, field: '/rss/channel/item[1]/category[2]' }),
    ]);
    expect(found[0]?.message).toContain('"& in CDATA" and "< in CDATA"');
  });

  it('is not in the current build of a record holding & < and markup-looking text', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'depeche-feed-text-'));
    try {
      cpSync(join(root, 'content'), scratch, { recursive: true });
      const record = join(
        scratch,
        'articles/le-partenariat-entre-microsoft-et-mistral-ai-agace-bruxelles-mais-ravit-le-gouvernement.md',
      );
      const text = readFileSync(record, 'utf8');
      const edited = text
        .replace(/^title: .*$/m, "title: 'AT&T <3 Bouygues'")
        .replace(/^description: .*$/m, "description: 'Les balises <b> et <script> &amp; AT&T <3 expliquées'")
        .replace('  - Mistral AI', "  - 'AT&T <3'");
      expect(edited).not.toBe(text);
      writeFileSync(record, edited);
      const result = checkFiles((await build({ contentDir: scratch, write: false })).files, { folder: 'dist' });
      expect(result.errors).toBe(0);
      expect(result.findings.filter((finding) => RULES.has(finding.rule))).toEqual([]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
