/**
 * Feed serialisation alone: our `renderRss`, `renderAtom` and `renderJsonFeed` on the model of a
 * corpus (they carry its newest `feed.limit` articles, 50), against the `feed` package (the
 * baseline) given the same items. The model is loaded once, untimed; each timed call builds and
 * serialises a whole feed, as a build does.
 *
 *   node --import tsx tests/bench/feeds.ts CONTENT_DIR [ITERATIONS]
 *
 * Prints one JSON line: `{ items, rows: [{ format, oursMs, theirsMs, oursBytes, theirsBytes }] }`,
 * times being medians over the iterations, after a warm-up.
 */
import { Feed } from 'feed';
import { loadSite } from '../../src/build.js';
import { feedArticles, type Site } from '../../src/model.js';
import { renderAtom } from '../../src/render/atom.js';
import { renderJsonFeed } from '../../src/render/jsonfeed.js';
import { renderRss } from '../../src/render/rss.js';
import { median } from './stats.js';

export interface FeedRow {
  format: 'RSS 2.0' | 'Atom' | 'JSON Feed';
  oursMs: number;
  theirsMs: number;
  oursBytes: number;
  theirsBytes: number;
}

/** The same site and items, given to the `feed` package the way its README shows. */
function baselineFeed(site: Site): Feed {
  const feed = new Feed({
    id: site.url,
    title: site.title,
    description: site.description,
    link: site.url,
    language: site.language,
    updated: new Date(site.updated.epochMs),
    generator: 'depeche',
    feedLinks: { rss: site.feeds.rss, atom: site.feeds.atom, json: site.feeds.json },
    author: { name: site.publisher.name, link: site.publisher.url },
    image: site.publisher.logo.url,
    copyright: '',
  });
  for (const article of feedArticles(site)) {
    feed.addItem({
      title: article.title,
      id: article.id,
      link: article.url,
      date: new Date((article.dateModified ?? article.datePublished).epochMs),
      published: new Date(article.datePublished.epochMs),
      description: article.description,
      content: article.contentHtml,
      author: article.authors.map((person) => ({
        name: person.name,
        ...(person.url !== undefined && { link: person.url }),
      })),
      category: article.tags.map((tag) => ({ name: tag })),
      ...(article.image !== undefined && { image: article.image.url }),
    });
  }
  return feed;
}

const byteLength = (contents: string | Uint8Array): number =>
  typeof contents === 'string' ? Buffer.byteLength(contents) : contents.byteLength;

function time(iterations: number, work: () => string | Uint8Array): { ms: number; bytes: number } {
  let bytes = 0;
  for (let warmUp = 0; warmUp < 3; warmUp++) bytes = byteLength(work());
  const samples: number[] = [];
  for (let index = 0; index < iterations; index++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return { ms: median(samples), bytes };
}

export function compareFeeds(site: Site, iterations: number): FeedRow[] {
  const pairs = [
    ['RSS 2.0', () => renderRss(site).contents, () => baselineFeed(site).rss2()],
    ['Atom', () => renderAtom(site).contents, () => baselineFeed(site).atom1()],
    ['JSON Feed', () => renderJsonFeed(site).contents, () => baselineFeed(site).json1()],
  ] as const;
  return pairs.map(([format, ours, theirs]) => {
    const mine = time(iterations, ours);
    const baseline = time(iterations, theirs);
    return { format, oursMs: mine.ms, theirsMs: baseline.ms, oursBytes: mine.bytes, theirsBytes: baseline.bytes };
  });
}

const [contentDir, iterations = '30'] = process.argv.slice(2);
if (contentDir === undefined) {
  process.stderr.write('usage: feeds.ts CONTENT_DIR [ITERATIONS]\n');
  process.exitCode = 2;
} else {
  const { site } = await loadSite(contentDir);
  const rows = compareFeeds(site, Number(iterations));
  process.stdout.write(`${JSON.stringify({ items: feedArticles(site).length, rows })}\n`);
}
