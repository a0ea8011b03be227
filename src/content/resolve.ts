/**
 * A validated record → an `Article` of the model: defaults applied, URLs absolute, dates parsed,
 * Markdown rendered, every text field cleaned (src/content/clean-text.ts). Pure. The warnings are
 * what the sanitizer removed from the body's raw HTML (src/markdown-html.ts), at their line of the file.
 */
import type { SiteConfig } from '../config.js';
import type { Problem } from '../errors.js';
import { pageWidths } from '../images/variants.js';
import { type Pictures, renderMarkdown } from '../markdown.js';
import type { Article, BodyPicture, DateTime, Image, Person } from '../model.js';
import type { ArticleRecord } from './article-schema.js';
import { cleanText } from './clean-text.js';
import { isDate, parseDateTime } from './datetime.js';
import { type FreeValue, frozenFreeValue } from './fields.js';
import { imageOfRecord, sitePathOf } from './local-image.js';
import { resolveHttpUrl } from './url.js';
import { languageOf, languagePath } from '../languages.js';

export function resolveArticle(
  config: SiteConfig,
  file: string,
  defaultSlug: string,
  record: ArticleRecord,
  body: string,
  /** The line of the record's file where `body` starts. */
  bodyLine: number,
  /** The record's image, when the caller has checked it already (content/records.ts). */
  image?: Image,
): { article: Article; warnings: Problem[] } {
  const slug = record.slug ?? defaultSlug;
  const lang = record.lang ?? config.language;
  // An article of a language other than the default at the root lives in its language's folder (`en/articles/…`).
  const path = `${languagePath(config, lang)}articles/${slug}/`;
  const url = config.url + path;
  const resolve = (reference: string): string => resolveHttpUrl(reference, config.url) ?? config.url;
  const bodyPictures = new Map<string, BodyPicture>();
  const pictures = picturesOf(config, bodyPictures);
  const rendered = renderMarkdown(body, url, {
    embedHosts: config.embedHosts,
    ...(pictures === undefined ? {} : { pictures }),
  });
  const corrections = (record.corrections ?? [])
    .map((written) => ({ date: toDateTime(written.date), text: cleanText(written.text) }))
    .sort((a, b) => a.date.epochMs - b.date.epochMs);
  // A correction modifies the article: the newest of `dateModified` and the corrections dates it.
  const dateModified = [
    ...(record.dateModified === undefined ? [] : [toDateTime(record.dateModified)]),
    ...corrections.map((correction) => correction.date),
  ].reduce<DateTime | undefined>(
    (newest, date) => (newest === undefined || date.epochMs > newest.epochMs ? date : newest),
    undefined,
  );
  const warnings = rendered.removals.map(({ line, removed }) => ({
    file,
    line: line + bodyLine - 1,
    field: 'body',
    message: `raw HTML: ${removed}`,
  }));
  const article: Article = {
    sourcePath: file,
    ...(record.draft === true ? { draft: true } : {}),
    slug,
    id: record.id ?? url,
    path,
    url,
    title: cleanText(record.title),
    description: cleanText(record.description),
    datePublished: toDateTime(record.datePublished),
    ...(dateModified === undefined ? {} : { dateModified }),
    authors: resolveAuthors(config, lang, record.authors, resolve),
    lang,
    ...(record.translationOf === undefined ? {} : { translationOf: record.translationOf }),
    ...(record.section === undefined ? {} : { section: cleanText(record.section) }),
    tags: [...new Set((record.tags ?? []).map(cleanText))],
    ...(record.image === undefined ? {} : { image: image ?? imageOf(config, record.image) }),
    citations: (record.citations ?? []).map((written) => {
      const citation = {
        ...written,
        name: cleanText(written.name),
        ...(written.publisher === undefined ? {} : { publisher: cleanText(written.publisher) }),
        ...(written.author === undefined ? {} : { author: cleanText(written.author) }),
      };
      return citation.datePublished === undefined
        ? citation
        : { ...citation, datePublished: dateOrDateTime(citation.datePublished) };
    }),
    ...(record.isBasedOn === undefined ? {} : { isBasedOn: record.isBasedOn }),
    mentions: (record.mentions ?? []).map((entity) => ({
      type: entity.type,
      name: cleanText(entity.name),
      sameAs: entity.sameAs ?? [],
    })),
    about: (record.about ?? []).map((entity) => ({
      type: entity.type,
      name: cleanText(entity.name),
      sameAs: entity.sameAs ?? [],
    })),
    quotes: (record.quotes ?? []).map((quote) => ({
      text: cleanText(quote.text),
      spokenBy: cleanSpeaker(quote.spokenBy),
    })),
    corrections,
    contentHtml: rendered.html,
    // Only those of the site: a remote image has no file to check, and every article carries this list.
    bodyImages: rendered.images
      .filter((image) => image.url.startsWith(config.url))
      .map((image) => ({ url: image.url, line: image.line + bodyLine - 1 })),
    ...(bodyPictures.size === 0 ? {} : { bodyPictures: [...bodyPictures.values()] }),
    extra: extraOf(config, record),
  };
  return { article, warnings };
}

/** The record's `extra:` and its fields that `site.yaml` declares, in one frozen mapping (no name is in both). */
function extraOf(config: SiteConfig, record: ArticleRecord): Readonly<Record<string, FreeValue>> {
  const extra: Record<string, FreeValue> = { ...record.extra };
  for (const name of config.ownFields) {
    const value = (record as Readonly<Record<string, unknown>>)[name];
    if (value !== undefined) extra[name] = value as FreeValue;
  }
  return frozenFreeValue(extra);
}

/** The pictures the body may show, those it shows gathered in `shown` by source. */
function picturesOf(config: SiteConfig, shown: Map<string, BodyPicture>): Pictures | undefined {
  const { images } = config;
  if (images === undefined || images.size === 0 || config.imageVariants === false) return undefined;
  return (url) => {
    const path = sitePathOf(config.url, url);
    const source = path === undefined ? undefined : images.get(path);
    if (path === undefined || source === undefined || 'problem' in source) return undefined;
    const widths = shown.get(path)?.widths ?? pageWidths(config.url, path, source);
    shown.set(path, { source: path, widths });
    return { width: source.width, height: source.height, widths };
  };
}

function imageOf(config: SiteConfig, written: NonNullable<ArticleRecord['image']>): Image {
  const checked = imageOfRecord(config, written);
  if ('problems' in checked) throw new Error(`image ${written.src} was not checked`);
  return checked.image;
}

function resolveAuthors(
  config: SiteConfig,
  lang: string,
  authors: ArticleRecord['authors'],
  resolve: (reference: string) => string,
): Person[] {
  if (authors === undefined) {
    const { publisher } = config;
    return [{ type: 'Organization', name: publisher.name, url: publisher.url, sameAs: [] }];
  }
  return authors.map((author): Person => {
    if (typeof author === 'string') {
      const declared = config.languages === undefined ? undefined : languageOf(config.languages, lang)?.authors;
      const known = (declared ?? config.authors).get(author);
      if (known === undefined) throw new Error(`author id ${author} was not validated`);
      return known;
    }
    return {
      name: cleanText(author.name),
      ...(author.url === undefined ? {} : { url: resolve(author.url) }),
      sameAs: author.sameAs ?? [],
    };
  });
}

function cleanSpeaker(speaker: NonNullable<ArticleRecord['quotes']>[number]['spokenBy']) {
  return {
    name: cleanText(speaker.name),
    ...(speaker.jobTitle === undefined ? {} : { jobTitle: cleanText(speaker.jobTitle) }),
    ...(speaker.affiliation === undefined ? {} : { affiliation: cleanText(speaker.affiliation) }),
  };
}

/** A citation's date as written, or its date-time normalised (`T09:00Z` → `T09:00:00Z`), as the model promises. */
function dateOrDateTime(text: string): string {
  return isDate(text) ? text : toDateTime(text).iso;
}

function toDateTime(text: string): DateTime {
  const parsed = parseDateTime(text);
  if (parsed === undefined) throw new Error(`date ${text} was not validated`);
  return parsed;
}
