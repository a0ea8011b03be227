/**
 * A Hugo or Jekyll post → a depeche record: `date` → `datePublished` (in the site's time zone when it
 * has no offset), `lastmod` / `last_modified_at` → `dateModified`, the first of `categories` →
 * `section` and the others with `tags` → `tags`, `summary` / `excerpt` / `description` → `description`,
 * `draft: true` / `published: false` → `draft: true`. Everything else is listed as not mapped, with
 * the shortcodes and Liquid tags of the body. Pure: the post's text in, the record's text out.
 */
import { parseDocument, stringify } from 'yaml';
import { SLUG } from '../content/article-schema.js';
import { isLanguageTag } from '../content/language.js';
import { splitFrontMatter } from '../content/frontmatter.js';
import { slugify } from '../new/slug.js';
import { migratedDate, type OffsetAt } from './dates.js';

export type Generator = 'hugo' | 'jekyll';

export interface MigratedPost {
  slug: string;
  /** The record's text: front matter and the body as it was. */
  record: string;
  /** What could not be mapped, or was guessed, one line each. */
  notes: string[];
}

/** Fields read into the record; any other is reported as not mapped. */
const MAPPED = new Set([
  'title',
  'date',
  'lastmod',
  'last_modified_at',
  'categories',
  'category',
  'tags',
  'summary',
  'excerpt',
  'description',
  'draft',
  'published',
  'slug',
  'author',
  'authors',
  'lang',
]);

/** `file`: the post's path in the site folder (`content/posts/x.md`, `_posts/2024-02-28-x.md`). */
export function migratePost(
  generator: Generator,
  file: string,
  text: string,
  offsetAt: OffsetAt,
): MigratedPost | { error: string } {
  if (text.startsWith('+++')) return { error: 'TOML front matter (+++) is not read: convert it to YAML (---) first' };
  const parts = splitFrontMatter(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  if (typeof parts === 'string') return { error: 'expected YAML front matter between --- lines, found none' };
  // Failsafe: every scalar stays the text it was (a date keeps its offset, `draft: yes` its spelling).
  const document = parseDocument(parts.yamlText, { schema: 'failsafe' });
  const data: unknown = document.errors.length > 0 ? undefined : document.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return {
      error: `expected a mapping of fields in the front matter, found ${document.errors[0]?.message ?? 'none'}`,
    };
  const fields = data as Record<string, unknown>;
  const notes: string[] = [];
  const record: Record<string, unknown> = {};
  const named = fileName(generator, file);

  const title = textOf(fields.title);
  if (title === undefined) notes.push(`no title: "${named.name}", from the file name`);
  record.title = title ?? named.name;

  const description = textOf(fields.summary) ?? textOf(fields.excerpt) ?? textOf(fields.description);
  if (description === undefined) notes.push('no summary: the description is the first paragraph, check it');
  record.description = description ?? firstParagraph(parts.body) ?? record.title;

  const written = textOf(fields.date) ?? named.date;
  const datePublished = written === undefined ? undefined : migratedDate(written, offsetAt);
  if (datePublished === undefined) return { error: `expected a date, found ${JSON.stringify(written ?? null)}` };
  record.datePublished = datePublished;
  const modified = textOf(fields.lastmod) ?? textOf(fields.last_modified_at);
  if (modified !== undefined) {
    const dateModified = migratedDate(modified, offsetAt);
    if (dateModified === undefined) notes.push(`not mapped: lastmod ${JSON.stringify(modified)}, not a date`);
    else if (dateModified !== datePublished) record.dateModified = dateModified;
  }

  const authors = listOf(fields.authors ?? fields.author);
  if (authors.length > 0) record.authors = authors.map((name) => ({ name }));
  const slug = textOf(fields.slug);
  if (slug !== undefined && SLUG.test(slug)) record.slug = slug;
  else if (slug !== undefined)
    notes.push(`not mapped: slug ${JSON.stringify(slug)}, not lowercase letters and hyphens`);
  const lang = textOf(fields.lang);
  if (lang !== undefined && isLanguageTag(lang)) record.lang = lang;
  else if (lang !== undefined) notes.push(`not mapped: lang ${JSON.stringify(lang)}, not a BCP 47 tag`);

  const categories = listOf(fields.categories ?? fields.category, generator === 'jekyll');
  const [section, ...otherCategories] = categories;
  if (section !== undefined) record.section = section;
  if (otherCategories.length > 0)
    notes.push(
      `categories: the section is "${section}", ${otherCategories.map((name) => `"${name}"`).join(', ')} tags`,
    );
  const tags = [...new Set([...otherCategories, ...listOf(fields.tags, generator === 'jekyll')])];
  if (tags.length > 0) record.tags = tags;
  if (isTrue(fields.draft) || textOf(fields.published) === 'false') record.draft = true;

  for (const [key, value] of Object.entries(fields))
    if (!MAPPED.has(key)) notes.push(`not mapped: ${key} ${JSON.stringify(value)}`);
  notes.push(...templateTags(parts.body, lineOfBody(text)));
  const front = stringify(record, { lineWidth: 0 });
  return { slug: (record.slug as string | undefined) ?? named.slug, record: `---\n${front}---\n${parts.body}`, notes };
}

/** The slug, title and (Jekyll's `YYYY-MM-DD-`) date of a post's file name; a page bundle's is its folder's. */
function fileName(generator: Generator, file: string): { slug: string; name: string; date?: string } {
  const segments = file.split('/');
  let base = (segments.at(-1) ?? file).replace(/\.(?:md|markdown)$/i, '');
  if (generator === 'hugo' && base === 'index') base = segments.at(-2) ?? base;
  const dated = generator === 'jekyll' ? /^(\d{4}-\d{2}-\d{2})-(.+)$/.exec(base) : null;
  const name = dated?.[2] ?? base;
  return { slug: slugify(name.replaceAll('-', ' ')), name, ...(dated?.[1] === undefined ? {} : { date: dated[1] }) };
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A list, or a text: Jekyll's `tags: a b` is a list of words, else one item. */
function listOf(value: unknown, wordsAreItems = false): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => textOf(item) ?? []);
  const single = textOf(value);
  if (single === undefined) return [];
  return wordsAreItems ? single.split(/\s+/) : [single];
}

function isTrue(value: unknown): boolean {
  return typeof value === 'string' && /^(?:true|yes|on)$/i.test(value.trim());
}

/** The first paragraph of prose, its Markdown links and emphasis taken out. */
function firstParagraph(body: string): string | undefined {
  const paragraph = body
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .find((block) => block !== '' && !/^(?:#|\{\{|\{%|!\[|<|```|>|[-*] )/.test(block));
  if (paragraph === undefined) return undefined;
  return paragraph
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ');
}

/** The file's line where the body starts (after the closing fence). */
function lineOfBody(text: string): number {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const closing = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  return closing + 2;
}

/** Hugo shortcodes (`{{< youtube x >}}`) and Liquid tags (`{% include x %}`), left in the body as text. */
function templateTags(body: string, firstLine: number): string[] {
  const notes: string[] = [];
  for (const [index, line] of body.split('\n').entries()) {
    for (const tag of line.match(/\{\{[<%].*?[%>]\}\}|\{%.*?%\}|\{\{.*?\}\}/g) ?? [])
      notes.push(`line ${firstLine + index}: ${tag} is left as text`);
  }
  return notes;
}
