/**
 * The site's "last updated" date read from the records' date lines alone, before the records are
 * read whole: every page shows its year, and a build that writes each page as it is rendered must
 * know it first. A guess: the build checks it against the model at the end and, in the rare case
 * where a record writes its dates so that this line test misreads them, builds again with the date
 * it then knows.
 */
import type { DateTime } from '../model.js';
import { parseDateTime } from './datetime.js';

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const DATE_LINE = /^(datePublished|dateModified)[ \t]*:[ \t]*(["']?)([^"'\s#]+)\2[ \t]*(?:#.*)?$/gm;

/** The record's `dateModified ?? datePublished`, as far as its date lines tell. */
export function guessLastUpdated(text: string): DateTime | undefined {
  const frontMatter = FRONT_MATTER.exec(text)?.[1];
  if (frontMatter === undefined) return undefined;
  let published: DateTime | undefined;
  let modified: DateTime | undefined;
  for (const match of frontMatter.matchAll(DATE_LINE)) {
    const date = parseDateTime(match[3] ?? '');
    if (match[1] === 'dateModified') modified = date;
    else published = date;
  }
  return modified ?? published;
}

/** The newer of two dates (the first on a tie), as `createSite` picks the site's `updated`. */
export function newer(a: DateTime | undefined, b: DateTime | undefined): DateTime | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return b.epochMs > a.epochMs ? b : a;
}
