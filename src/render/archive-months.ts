/**
 * The months of the archived feeds (render/archives.ts) and where their documents are: what the
 * subscription feeds need to link the newest of them, apart from the archives' renderers.
 */
import type { Article, Site } from '../model.js';

/** One month of the history: `2024-02`, its articles newest first, and whether it is over. */
export interface ArchiveMonth {
  month: string;
  articles: Article[];
  closed: boolean;
}

/** The files of a month's archive, relative to the site root. */
export function archivePaths(month: string): { rss: string; atom: string; json: string } {
  const base = `feeds/archive/${month.replace('-', '/')}`;
  return { rss: `${base}.xml`, atom: `${base}.atom`, json: `${base}.json` };
}

/** The UTC month of an instant: `2024-02`. */
export function monthOf(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 7);
}

function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

/**
 * Every month from the oldest article's to now's (or to the newest article's, when a build with
 * `future` holds later ones), oldest first.
 */
export function archiveMonths(site: Pick<Site, 'articles' | 'now'>): ArchiveMonth[] {
  const byMonth = new Map<string, Article[]>();
  // `site.articles` is newest first, and so is each month.
  for (const article of site.articles) {
    const month = monthOf(article.datePublished.epochMs);
    const articles = byMonth.get(month);
    if (articles === undefined) byMonth.set(month, [article]);
    else articles.push(article);
  }
  const oldest = site.articles[site.articles.length - 1];
  const newest = site.articles[0];
  if (oldest === undefined || newest === undefined) return [];
  const current = monthOf(Math.max(site.now, newest.datePublished.epochMs));
  const months: ArchiveMonth[] = [];
  for (let month = monthOf(oldest.datePublished.epochMs); month <= current; month = nextMonth(month)) {
    months.push({ month, articles: byMonth.get(month) ?? [], closed: month < monthOf(site.now) });
  }
  return months;
}

/**
 * The newest month of the history: what the subscription feeds link as `prev-archive`; none for a
 * stream's view of the site (`archived: false`), whose feeds have no archives.
 */
export function newestArchive(site: Pick<Site, 'articles' | 'now' | 'archived'>): string | undefined {
  const newest = site.articles[0];
  return newest === undefined || site.archived === false
    ? undefined
    : monthOf(Math.max(site.now, newest.datePublished.epochMs));
}
