/**
 * The articles' authors, tags and sections, shared across the site: each article comes from a worker's
 * message or from the cache's JSON with its own copy of each of its authors (name, URLs, `sameAs`) and of
 * each tag, which the model keeps for every article of the site (the streams read them). Equal ones become
 * one object, one string, in place: the values stay equal, only their copies go.
 */
import type { Article, Person } from '../model.js';

/** A function that shares an article's authors, tags and section with those of the articles given before. */
export function nameSharer(): (article: Article) => void {
  const persons = new Map<string, Person>();
  const strings = new Map<string, string>();
  const shared = (text: string): string => {
    const known = strings.get(text);
    if (known !== undefined) return known;
    strings.set(text, text);
    return text;
  };
  return (article) => {
    article.authors = article.authors.map((person) => {
      const key = JSON.stringify(person);
      const known = persons.get(key);
      if (known !== undefined) return known;
      persons.set(key, person);
      return person;
    });
    article.tags = article.tags.map(shared);
    if (article.section !== undefined) article.section = shared(article.section);
  };
}
