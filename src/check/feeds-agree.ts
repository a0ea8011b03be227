/**
 * The three feeds carry the same articles: a reader subscribed to RSS and one subscribed to JSON Feed
 * must see the same items, with the same ids, titles, links and publication instants. Where two
 * feeds agree and the third does not, the third is reported; with no majority, each feed that
 * differs from the first.
 */
import { withoutControls } from './feed-text.js';
import { error, type Finding, type Place } from './finding.js';

/** One item as a feed states it. */
export interface FeedItem {
  id: string;
  title?: string;
  url?: string;
  /** The publication instant, in milliseconds since the epoch. */
  published?: number;
  place: Place;
}

export interface FeedItems {
  /** `RSS`, `Atom`, `JSON Feed`. */
  format: string;
  /** As findings show the file (`dist/feed.xml`). */
  shown: string;
  items: FeedItem[];
}

type Field = 'title' | 'url' | 'published';
const FIELDS: ReadonlyArray<readonly [Field, string]> = [
  ['title', 'title'],
  ['url', 'link'],
  ['published', 'publication date'],
];

export function compareFeeds(feeds: readonly FeedItems[]): Finding[] {
  if (feeds.length < 2) return [];
  const findings: Finding[] = [];
  const byFeed = feeds.map((feed) => new Map(feed.items.map((item) => [item.id, item] as const)));
  const ids = [...new Set(feeds.flatMap((feed) => feed.items.map((item) => item.id)))];
  for (const id of ids) {
    const present = feeds.filter((_, index) => byFeed[index]?.has(id));
    feeds.forEach((feed, index) => {
      if (byFeed[index]?.has(id)) return;
      findings.push(
        error(
          'feeds-agree',
          { file: feed.shown, field: '' },
          `item ${JSON.stringify(id)} is in ${present.map((other) => other.shown).join(' and ')} but not in ` +
            `${feed.shown}`,
        ),
      );
    });
    const items = feeds.map((_, index) => byFeed[index]?.get(id));
    for (const [field, name] of FIELDS) findings.push(...disagreements(feeds, items, field, name));
  }
  return findings;
}

function disagreements(
  feeds: readonly FeedItems[],
  items: ReadonlyArray<FeedItem | undefined>,
  field: Field,
  name: string,
): Finding[] {
  const values = items.map((item) => (item === undefined ? undefined : normalise(item[field])));
  const stated = values.filter((value): value is string => value !== undefined);
  if (new Set(stated).size <= 1) return [];
  const majority =
    stated.find((value) => stated.filter((other) => other === value).length * 2 > stated.length) ?? stated[0];
  const findings: Finding[] = [];
  items.forEach((item, index) => {
    const value = values[index];
    if (item === undefined || value === undefined || value === majority) return;
    const agreeing = feeds.filter((_, other) => values[other] === majority).map((feed) => feed.shown);
    findings.push(
      error(
        'feeds-agree',
        item.place,
        `item ${JSON.stringify(item.id)}: ${name} ${shown(item[field], field)} differs from ` +
          `${agreeing.join(' and ')} (${shown(original(items, values, majority, field), field)})`,
      ),
    );
  });
  return findings;
}

/**
 * Titles compare with their white space collapsed and without control characters (each feed reports
 * those itself, as `control-characters` warnings naming the element); instants to the second (RSS
 * dates have no milliseconds).
 */
function normalise(value: string | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return String(Math.floor(value / 1000));
  return withoutControls(value).replace(/\s+/g, ' ').trim();
}

function original(
  items: ReadonlyArray<FeedItem | undefined>,
  values: ReadonlyArray<string | undefined>,
  wanted: string | undefined,
  field: Field,
): string | number | undefined {
  const index = values.indexOf(wanted);
  return index < 0 ? undefined : items[index]?.[field];
}

function shown(value: string | number | undefined, field: Field): string {
  if (value === undefined) return 'nothing';
  if (field === 'published' && typeof value === 'number') return new Date(value).toISOString();
  return JSON.stringify(value);
}
