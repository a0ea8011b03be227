/**
 * Source files → validated Articles, with every problem of every record. Checks that span records
 * (two articles with one slug or one id) run here, after each record has been checked alone.
 */
import type { SiteConfig } from '../config.js';
import type { Problem } from '../errors.js';
import type { Article } from '../model.js';
import { articleSchema, SLUG, type ArticleRecord } from './article-schema.js';
import { parseFrontMatter } from './frontmatter.js';
import { quickRecord } from './quick-record.js';
import { recordWarnings } from './record-warnings.js';
import type { SourceFile } from './load.js';
import { type ImageProblem, imageOfRecord } from './local-image.js';
import { resolveArticle } from './resolve.js';
import { recordHints } from './record-hints.js';
import { validateYaml } from './validate.js';
import { languageOf, languagePath } from '../languages.js';
import { offsetOf } from './yaml-position.js';

export function readArticles(
  config: SiteConfig,
  sources: readonly SourceFile[],
): { articles: Article[]; problems: Problem[]; warnings: Problem[] } {
  const schema = articleSchema(new Set(config.authors.keys()), config.ownFields);
  const across = crossRecordChecks(config.url, articleFolders(config));
  const articles: Article[] = [];
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  for (const source of sources) {
    const modelled = modelRecord(config, schema, source);
    if ('problems' in modelled) {
      problems.push(...modelled.problems);
      continue;
    }
    problems.push(...across(source, modelled.record));
    articles.push(modelled.article);
    warnings.push(...modelled.warnings);
  }
  return { articles, problems, warnings };
}

/** A record checked alone and resolved into its article, or its problems. Pure. */
export function modelRecord(
  config: SiteConfig,
  schema: ReturnType<typeof articleSchema>,
  source: SourceFile,
): { record: ArticleRecord; article: Article; warnings: Problem[] } | { problems: Problem[] } {
  const checked = checkRecord(source, schema);
  if ('problems' in checked) return checked;
  const { lang } = checked.value;
  if (config.languages !== undefined && lang !== undefined && languageOf(config.languages, lang) === undefined) {
    const tags = config.languages.map((language) => language.tag).join(', ');
    const message = `expected one of the site's languages (${tags}), found ${JSON.stringify(lang)}`;
    const hint = 'add it to languages in site.yaml';
    return { problems: [{ file: source.file, line: lineOfField(source, 'lang'), field: 'lang', message, hint }] };
  }
  const image = checked.value.image && imageOfRecord(config, checked.value.image);
  if (image !== undefined && 'problems' in image) return { problems: imageProblems(source, image.problems) };
  const { article, warnings } = resolveArticle(
    config,
    source.file,
    checked.defaultSlug,
    checked.value,
    checked.body,
    bodyLine(source.text, checked.body),
    image?.image,
  );
  return { record: checked.value, article, warnings: [...checked.warnings, ...warnings] };
}

/** The line of `text` where `body`, its end, starts. */
function bodyLine(text: string, body: string): number {
  let line = 1;
  const end = text.length - body.length;
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

/** The problems of a record's image, each at its field's line. */
function imageProblems(source: SourceFile, problems: readonly ImageProblem[]): Problem[] {
  const frontMatter = parseFrontMatter(source.file, source.text);
  return problems.map(({ field, message }) => {
    // A missing width is shown at the line of `image`: offsetOf stops at the deepest field that exists.
    const line = Array.isArray(frontMatter)
      ? undefined
      : frontMatter.lineAt(offsetOf(frontMatter.document, ['image', field]));
    return { file: source.file, ...(line === undefined ? {} : { line }), field: `image.${field}`, message };
  });
}

/** Stands for the site's URL when site.yaml is broken: default ids are compared, never shown. */
const UNKNOWN_SITE_URL = 'https://site.invalid/';

/**
 * The problems of the records when `site.yaml` is broken, so that one run still shows everything:
 * each record is checked against what could be read of the settings. `authorIds` are the ids
 * `site.yaml` declares, or undefined when it cannot be read that far (then any id is accepted); `ownFields`
 * the fields of the newsroom's own it declares, as far as it can be read.
 */
export function checkArticles(
  authorIds: ReadonlySet<string> | undefined,
  ownFields: readonly string[],
  sources: readonly SourceFile[],
): Problem[] {
  return checkRecords(articleSchema(authorIds, ownFields), UNKNOWN_SITE_URL, sources);
}

/** Validates every record, then the slugs and ids across records. */
function checkRecords(
  schema: ReturnType<typeof articleSchema>,
  siteUrl: string,
  sources: readonly SourceFile[],
): Problem[] {
  const problems: Problem[] = [];
  const across = crossRecordChecks(siteUrl);
  for (const source of sources) {
    const result = checkRecord(source, schema);
    if ('problems' in result) {
      problems.push(...result.problems);
      continue;
    }
    problems.push(...across(source, result.value));
  }
  return problems;
}

/** A record valid on its own: its fields, its Markdown body, and the slug its file name gives. */
export interface CheckedRecord {
  value: ArticleRecord;
  body: string;
  defaultSlug: string;
  /** What the outputs will not carry of it (record-warnings.ts): the record builds, the build warns. */
  warnings: Problem[];
}

/** One record alone: its front matter, its schema, and a file name usable as a slug when it has none. */
export function checkRecord(
  source: SourceFile,
  schema: ReturnType<typeof articleSchema>,
): CheckedRecord | { problems: Problem[] } {
  const result = readRecord(source, schema);
  if ('problems' in result) return result;
  const defaultSlug = source.name.slice(0, -'.md'.length);
  if (result.value.slug === undefined && !SLUG.test(defaultSlug)) {
    return {
      problems: [
        {
          file: source.file,
          line: 1,
          field: 'slug',
          message:
            `expected a file name of lowercase letters, digits and single hyphens, or a slug field, found ` +
            `${JSON.stringify(defaultSlug)}`,
        },
      ],
    };
  }
  return { value: result.value, body: result.body, defaultSlug, warnings: recordWarnings(source, result.value) };
}

/** The folder of a record's article from the site's root, by its `lang` (languages.ts), for `crossRecordChecks`. */
export function articleFolders(
  config: Pick<SiteConfig, 'language' | 'languages'>,
): (lang: string | undefined) => string {
  return (lang) => languagePath(config, lang ?? config.language);
}

/**
 * The checks across records, given each valid record in turn (in file-name order): no two articles
 * with one slug or one id. Returns the problems of the record given. The source's `text` is read
 * only to find the line of a clash.
 */
export function crossRecordChecks(
  siteUrl: string,
  /** The folder of a language's articles from the site's root (languages.ts); the root's by default. */
  folderOf: (lang: string | undefined) => string = () => '',
): (source: SourceFile, record: Pick<ArticleRecord, 'slug' | 'id' | 'lang'>) => Problem[] {
  const bySlug = new Map<string, string>();
  const byId = new Map<string, string>();
  return (source, record) => {
    const problems: Problem[] = [];
    const slug = record.slug ?? source.name.slice(0, -'.md'.length);
    // Two languages may each have an article of one slug: each in its own folder.
    const folder = folderOf(record.lang);
    // The model's rule (src/content/resolve.ts): an article's id defaults to its URL.
    const id = record.id ?? `${siteUrl}${folder}articles/${slug}/`;
    const slugOwner = bySlug.get(folder + slug);
    if (slugOwner !== undefined) {
      problems.push({
        file: source.file,
        line: lineOfField(source, 'slug'),
        field: 'slug',
        message: `expected a slug no other article has, found ${JSON.stringify(slug)}, already used by ${slugOwner}`,
      });
    }
    const idOwner = byId.get(id);
    // An id derived from a duplicate slug is the same problem, already reported.
    if (idOwner !== undefined && slugOwner === undefined) {
      problems.push({
        file: source.file,
        line: lineOfField(source, 'id'),
        field: 'id',
        message: `expected an id no other article has, found ${JSON.stringify(id)}, already used by ${idOwner}`,
      });
    }
    bySlug.set(folder + slug, source.file);
    byId.set(id, source.file);
    return problems;
  };
}

/** One record's valid front matter and body, or its problems: the quick path first, then the slow one. */
function readRecord(
  source: SourceFile,
  schema: ReturnType<typeof articleSchema>,
): { value: ArticleRecord; body: string } | { problems: Problem[] } {
  const quick = quickRecord(source.text, schema);
  if (quick !== undefined) return quick;
  const frontMatter = parseFrontMatter(source.file, source.text);
  if (Array.isArray(frontMatter)) return { problems: frontMatter };
  const result = validateYaml(source.file, frontMatter, schema, recordHints);
  return 'problems' in result ? result : { value: result.value, body: frontMatter.body };
}

/** The line of a top-level field of a valid record, for a problem across records (read again, with positions). */
function lineOfField(source: SourceFile, field: string): number {
  const frontMatter = parseFrontMatter(source.file, source.text);
  if (Array.isArray(frontMatter)) throw new Error(`${source.file} was valid, then could not be read`);
  return frontMatter.lineAt(offsetOf(frontMatter.document, [field]));
}
