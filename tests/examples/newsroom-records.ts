/**
 * examples/newsroom's records and settings as the `yaml` package reads them, never through depeche's loader,
 * and the streams they should make: the home page's, then each section's, tag's and declared author's, each
 * with its records newest first. The tests compare what the build wrote with these.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

export const EXAMPLE = join(import.meta.dirname, '../../examples/newsroom');

export interface ExampleSettings {
  url: string;
  title: string;
  language: string;
  publisher: string;
  pageSize: number;
  feedLimit: number;
  feedStreams: string[];
  /** Declared authors by id. */
  authors: Map<string, { name: string; slug: string }>;
}

export interface ExampleRecord {
  file: string;
  url: string;
  title: string;
  description: string;
  datePublished: string;
  /** The newest of `datePublished`, `dateModified` and the corrections' dates, in ms. */
  lastChange: number;
  section?: string;
  tags: string[];
  /** Declared author ids, in the record's order. */
  authorIds: string[];
  /** Every author's name as feeds credit them: the publisher's when the record names none. */
  authorNames: string[];
}

export interface Expected {
  kind: 'home' | 'sections' | 'tags' | 'authors';
  /** As the stream's title shows it; none for the home page. */
  name?: string;
  /** Absolute URL of its first page, with a trailing slash. */
  url: string;
  /** Newest first. */
  records: ExampleRecord[];
}

interface RawRecord {
  title: string;
  description: string;
  datePublished: string;
  dateModified?: string;
  slug?: string;
  section?: string;
  tags?: string[];
  authors?: (string | { name: string })[];
  corrections?: { date: string }[];
}

export function readExample(dir = EXAMPLE): {
  contentDir: string;
  settings: ExampleSettings;
  records: ExampleRecord[];
} {
  const contentDir = join(dir, 'content');
  const site = parseYaml(readFileSync(join(contentDir, 'site.yaml'), 'utf8')) as {
    url: string;
    title: string;
    language: string;
    publisher: { name: string };
    pages: { size: number };
    feed: { limit: number };
    feeds: { streams: string[] };
    authors: Record<string, { name: string; slug: string }>;
  };
  const settings: ExampleSettings = {
    url: site.url,
    title: site.title,
    language: site.language,
    publisher: site.publisher.name,
    pageSize: site.pages.size,
    feedLimit: site.feed.limit,
    feedStreams: site.feeds.streams,
    authors: new Map(Object.entries(site.authors).map(([id, { name, slug }]) => [id, { name, slug }])),
  };
  const folder = join(contentDir, 'articles');
  const records = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .map((name): ExampleRecord => {
      const text = readFileSync(join(folder, name), 'utf8');
      const [, frontMatter = ''] = /^---\n([\s\S]*?)\n---\n/.exec(text) ?? [];
      const raw = parseYaml(frontMatter) as RawRecord;
      const authors = raw.authors ?? [];
      const changes = [raw.datePublished, raw.dateModified, ...(raw.corrections ?? []).map((c) => c.date)];
      return {
        file: join(folder, name),
        url: `${settings.url}articles/${raw.slug ?? name.slice(0, -'.md'.length)}/`,
        title: raw.title,
        description: raw.description,
        datePublished: raw.datePublished,
        lastChange: Math.max(...changes.flatMap((date) => (date === undefined ? [] : [Date.parse(date)]))),
        ...(raw.section === undefined ? {} : { section: raw.section }),
        tags: raw.tags ?? [],
        authorIds: authors.filter((author) => typeof author === 'string'),
        authorNames:
          authors.length === 0
            ? [settings.publisher]
            : authors.map((author) =>
                typeof author === 'string' ? (settings.authors.get(author)?.name ?? author) : author.name,
              ),
      };
    })
    .sort((a, b) => Date.parse(b.datePublished) - Date.parse(a.datePublished));
  return { contentDir, settings, records };
}

/** A slug as the records documentation describes it: accents folded, apostrophes dropped, other signs a hyphen. */
export function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The home page's stream, then the sections' and tags' (by slug) and the declared authors' (as declared). */
export function expectedStreams({ settings, records }: ReturnType<typeof readExample>): Expected[] {
  const named = (kind: 'sections' | 'tags', names: (record: ExampleRecord) => string[]): Expected[] => {
    const bySlug = new Map<string, Expected>();
    // Oldest first: a stream is named as the record published first spells it.
    for (const record of [...records].reverse()) {
      for (const name of new Set(names(record))) {
        const slug = slugOf(name);
        const stream = bySlug.get(slug) ?? { kind, name, url: `${settings.url}${kind}/${slug}/`, records: [] };
        stream.records.unshift(record);
        bySlug.set(slug, stream);
      }
    }
    return [...bySlug.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, stream]) => stream);
  };
  return [
    { kind: 'home', url: settings.url, records },
    ...named('sections', (record) => (record.section === undefined ? [] : [record.section])),
    ...named('tags', (record) => record.tags),
    ...[...settings.authors].map(
      ([id, author]): Expected => ({
        kind: 'authors',
        name: author.name,
        url: `${settings.url}authors/${author.slug}/`,
        records: records.filter((record) => record.authorIds.includes(id)),
      }),
    ),
  ];
}
