/**
 * The article records behind a built site, so that `check` can report a finding of an article's
 * body at the record's file and line rather than in each output the body is copied to.
 */
import { splitFrontMatter } from '../content/frontmatter.js';
import { loadContent, shown } from '../content/load.js';

/** One record: its file as findings show it, the slug of its page (`articles/<slug>/`), its text. */
export interface RecordText {
  file: string;
  slug: string;
  text: string;
}

/**
 * The records of `contentDir/articles/`; none when the folder cannot be read. `shownAs` is how
 * findings name the content folder (default: as `contentDir` is spelled).
 */
export async function readRecords(contentDir: string, shownAs = shown(contentDir)): Promise<RecordText[]> {
  const content = await loadContent(contentDir);
  const folder = shownAs.replace(/\/+$/, '');
  return content.articles.map((source) => ({
    file: `${folder === '' ? '' : `${folder}/`}articles/${source.name}`,
    slug: slugOf(source.text) ?? source.name.slice(0, -'.md'.length),
    text: source.text,
  }));
}

/** The front matter's `slug`, when it has one. */
function slugOf(text: string): string | undefined {
  // loadContent has already dropped the BOM and normalised line ends, so the record contract's fences apply as is.
  const parts = splitFrontMatter(text);
  return typeof parts === 'object' ? /^slug:\s*["']?([a-z0-9-]+)["']?\s*$/m.exec(parts.yamlText)?.[1] : undefined;
}

/** The 1-based line of the first occurrence of `url` in a record (as a Markdown link target first), or undefined. */
export function lineOf(text: string, url: string): number | undefined {
  for (const needle of [`](${url}`, `<${url}>`, `"${url}"`, ...(url.length > 1 ? [url] : [])]) {
    const index = text.indexOf(needle);
    if (index >= 0) return text.slice(0, index).split('\n').length;
  }
  return undefined;
}
