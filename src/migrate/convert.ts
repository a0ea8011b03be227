/**
 * A Hugo or Jekyll post, its front matter YAML (`---`) or TOML (`+++`, Hugo's), → a depeche record:
 * `date` → `datePublished` (in the site's time zone when it has no offset), `lastmod` / `last_modified_at`
 * → `dateModified`, the first of `categories` → `section` and the others with `tags` → `tags`,
 * `summary` / `excerpt` / `description` → `description`, `draft: true` / `published: false` → `draft: true`;
 * the body's video and figure shortcodes become embeds and figures (shortcodes.ts). Everything else is
 * listed as not mapped, with the shortcodes and Liquid tags left in the body. Pure: the post's text in,
 * the record's text out.
 */
import { parse as parseToml, TomlDate, TomlError } from 'smol-toml';
import { parseDocument, stringify } from 'yaml';
import { SLUG } from '../content/article-schema.js';
import { isLanguageTag } from '../content/language.js';
import { splitFrontMatter } from '../content/frontmatter.js';
import { slugify } from '../new/slug.js';
import { migratedDate, type OffsetAt } from './dates.js';
import { convertShortcodes } from './shortcodes.js';

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
  const front = frontMatterOf(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  if ('error' in front) return front;
  const { fields, body: source } = front;
  const notes: string[] = [];
  const record: Record<string, unknown> = {};
  const named = fileName(generator, file);

  const title = textOf(fields.title);
  if (title === undefined) notes.push(`no title: "${named.name}", from the file name`);
  record.title = title ?? named.name;

  const description = textOf(fields.summary) ?? textOf(fields.excerpt) ?? textOf(fields.description);
  if (description === undefined) notes.push('no summary: the description is the first paragraph, check it');
  record.description = description ?? firstParagraph(source) ?? record.title;

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
  const converted = convertShortcodes(source, lineOfBody(text));
  for (const { line, tag, to } of converted.notes)
    notes.push(to === undefined ? `line ${line}: ${tag} is left as text` : `line ${line}: ${tag} → ${to}`);
  const yaml = stringify(record, { lineWidth: 0 });
  return {
    slug: (record.slug as string | undefined) ?? named.slug,
    record: `---\n${yaml}---\n${converted.body}`,
    notes,
  };
}

/**
 * The front matter's fields, every scalar as text (the YAML read with the failsafe schema: a date keeps its
 * offset, `draft: yes` its spelling; a TOML value as TOML wrote it), and the body after it.
 */
function frontMatterOf(text: string): { fields: Record<string, unknown>; body: string } | { error: string } {
  if (text.startsWith('+++')) return tomlFrontMatter(text);
  const parts = splitFrontMatter(text);
  if (typeof parts === 'string') return { error: 'expected YAML front matter between --- lines, found none' };
  const document = parseDocument(parts.yamlText, { schema: 'failsafe' });
  const data: unknown = document.errors.length > 0 ? undefined : document.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return {
      error: `expected a mapping of fields in the front matter, found ${document.errors[0]?.message ?? 'none'}`,
    };
  return { fields: data as Record<string, unknown>, body: parts.body };
}

const TOML_FENCE = /^\+\+\+[ \t]*$/;

/** Hugo's TOML front matter, between `+++` lines, read with smol-toml; an error names the file's line. */
function tomlFrontMatter(text: string): { fields: Record<string, unknown>; body: string } | { error: string } {
  const lines = text.split('\n');
  const closing = lines.findIndex((line, index) => index > 0 && TOML_FENCE.test(line));
  if (!TOML_FENCE.test(lines[0] ?? '') || closing === -1)
    return { error: 'expected TOML front matter between +++ lines, found no closing +++' };
  try {
    const fields = asText(parseToml(lines.slice(1, closing).join('\n'))) as Record<string, unknown>;
    return { fields, body: lines.slice(closing + 1).join('\n') };
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const found = error.message.replace(/^Invalid TOML document: /, '').split('\n', 1)[0];
    // The TOML starts on the file's second line.
    return {
      error: `expected valid TOML front matter, found ${found} (line ${error.line + 1}, column ${error.column})`,
    };
  }
}

/** A TOML value with its scalars as text, as the YAML's failsafe reading gives them: `2024-07-01T09:00:00`, `true`. */
function asText(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(asText);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asText(item)]));
  return String(value);
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

/** The file's line where the body starts (after the closing fence, `---`, `...` or TOML's `+++`). */
function lineOfBody(text: string): number {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const closing = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.|\+\+\+)\s*$/.test(line));
  return closing + 2;
}
