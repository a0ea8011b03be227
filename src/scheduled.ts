/**
 * Scheduling: a record whose `datePublished` is after the build's "now" is under embargo, left out of
 * every output as a draft is, unless future records are asked for (`--future`). The build reports
 * them, so that a cron or CI schedule can build again when the next one is due.
 */
import type { Problem } from './errors.js';
import type { Article } from './model.js';

/** A record left out because it is dated after the build's "now". */
export interface ScheduledRecord {
  /** The record's file, as problems name it. */
  file: string;
  /** Its `datePublished`, as written (ISO 8601 with its offset). */
  datePublished: string;
  /** The same instant, in milliseconds since the epoch. */
  epochMs: number;
}

/** Whether the article is published after `now` (ms since the epoch): then it is scheduled. */
export function isScheduled(article: Pick<Article, 'datePublished'>, now: number): boolean {
  return article.datePublished.epochMs > now;
}

/** The scheduled records, soonest first (ties by file), and the date of the next one due, if any. */
export function schedule(records: readonly ScheduledRecord[]): { scheduled: ScheduledRecord[]; nextDue?: string } {
  const scheduled = [...records].sort((a, b) => a.epochMs - b.epochMs || (a.file < b.file ? -1 : 1));
  const next = scheduled[0];
  return next === undefined ? { scheduled } : { scheduled, nextDue: next.datePublished };
}

/** The problem of a content folder whose records are all left out: drafts, or scheduled after now. */
export function nothingPublished(articlesDir: string, scheduled: boolean): Problem {
  return {
    file: articlesDir,
    field: '(folder)',
    message: scheduled
      ? 'expected at least one article published by now, found only drafts and scheduled records ' +
        '(build them with --future, --drafts)'
      : 'expected at least one article that is not a draft, found only drafts (build them with --drafts)',
  };
}
