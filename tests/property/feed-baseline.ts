/**
 * The baseline: the same built site handed to the `feed` package (jpmonette/feed, which depeche does
 * not use), whose three outputs are read back by the same independent readers as ours. Returns what
 * went wrong, one label per kind of failure, so that a test can record where `feed` fails.
 */
import { Feed } from 'feed';
import type { Site } from '../../src/model.js';
import { inXml, normalised } from './check-site.js';
import { attributes, htmlText, libxml2Reads, texts, withXml } from './read-back.js';

const ATOM = { a: 'http://www.w3.org/2005/Atom' };

/** `feed`'s RSS, Atom and JSON Feed for the site's model. */
export function feedPackageOutputs(site: Site): { rss: string; atom: string; json: string } {
  const feed = new Feed({
    title: site.title,
    description: site.description,
    id: site.url,
    link: site.url,
    language: site.language,
    updated: new Date(site.updated.epochMs),
    copyright: '',
    generator: false,
  });
  for (const article of site.articles.slice(0, site.feedLimit)) {
    feed.addItem({
      title: article.title,
      id: article.id,
      link: article.url,
      date: new Date(article.datePublished.epochMs),
      description: article.description,
      content: article.contentHtml,
      author: article.authors.map((author) => ({ name: author.name })),
      category: article.tags.map((tag) => ({ name: tag, term: tag })),
    });
  }
  return { rss: feed.rss2(), atom: feed.atom1(), json: feed.json1() };
}

/**
 * How `feed`'s outputs fail a reader for this site: labels such as "RSS: not well-formed XML" or
 * "Atom: entry title differs". The expected texts are those depeche's own outputs must carry.
 */
export function feedPackageFailures(site: Site): string[] {
  const { rss, atom, json } = feedPackageOutputs(site);
  const failures = new Set<string>();
  const articles = site.articles.slice(0, site.feedLimit);
  const differs = (label: string, actual: unknown, expected: unknown): void => {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) failures.add(label);
  };
  try {
    withXml(rss, (document) => {
      const items = document.find('/rss/channel/item');
      differs('RSS: channel title differs', texts(document, '/rss/channel/title'), [libxml2Reads(inXml(site.title))]);
      items.forEach((item, i) => {
        const article = articles[i];
        if (article === undefined) return;
        differs('RSS: item title differs', texts(item, 'title'), [libxml2Reads(inXml(article.title))]);
        differs('RSS: description differs (read as HTML)', texts(item, 'description').map(htmlText), [
          inXml(article.description),
        ]);
        differs(
          'RSS: categories differ',
          texts(item, 'category'),
          article.tags.map((tag) => libxml2Reads(inXml(tag))),
        );
      });
    });
  } catch {
    failures.add('RSS: not well-formed XML');
  }
  try {
    withXml(atom, (document) => {
      const entries = document.find('/a:feed/a:entry', ATOM);
      entries.forEach((entry, i) => {
        const article = articles[i];
        if (article === undefined) return;
        // `feed` declares the title and summary `type="html"`: a reader decodes them as HTML.
        differs('Atom: entry title differs (read as HTML)', texts(entry, 'a:title', ATOM).map(htmlText), [
          inXml(article.title),
        ]);
        differs('Atom: summary differs (read as HTML)', texts(entry, 'a:summary', ATOM).map(htmlText), [
          inXml(article.description),
        ]);
        differs(
          'Atom: category labels differ',
          attributes(entry, 'a:category', 'label', ATOM),
          article.tags.map((tag) => libxml2Reads(inXml(tag))),
        );
        differs(
          'Atom: author names differ',
          texts(entry, 'a:author/a:name', ATOM),
          article.authors.map((author) => libxml2Reads(inXml(author.name))),
        );
      });
    });
  } catch {
    failures.add('Atom: not well-formed XML');
  }
  try {
    const parsed = JSON.parse(json) as { items: { title?: string; summary?: string; tags?: string[] }[] };
    parsed.items.forEach((item, i) => {
      const article = articles[i];
      if (article === undefined) return;
      differs('JSON Feed: title differs', item.title, normalised(article.title));
      differs('JSON Feed: summary differs', item.summary, normalised(article.description));
    });
  } catch {
    failures.add('JSON Feed: does not parse');
  }
  return [...failures].sort();
}
