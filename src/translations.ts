/**
 * Translation sets: an original and the articles whose `translationOf` names its id, one at most a language.
 * A translation of a translation is refused (its original is named instead), as are a translation of a missing
 * article and one in its original's language; each problem names both files. Pure, kept per list of articles.
 */
import type { Problem } from './errors.js';
import type { Article } from './model.js';

export interface Translations {
  /** Each article of a set, by id, to its set: the original first, then its translations in file order. */
  sets: ReadonlyMap<string, readonly Article[]>;
  problems: Problem[];
}

const known = new WeakMap<readonly Article[], Translations>();

export function translationsOf(articles: readonly Article[]): Translations {
  let found = known.get(articles);
  if (found === undefined) {
    found = findTranslations(articles);
    known.set(articles, found);
  }
  return found;
}

function findTranslations(articles: readonly Article[]): Translations {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const problems: Problem[] = [];
  const members = new Map<string, Article[]>();
  const ordered = [...articles].sort((a, b) => (a.sourcePath < b.sourcePath ? -1 : 1));
  for (const article of ordered) {
    const wanted = article.translationOf;
    if (wanted === undefined) continue;
    const problem = (message: string): void => {
      problems.push({ file: article.sourcePath, field: 'translationOf', message });
    };
    const original = byId.get(wanted);
    if (original === undefined || original === article) {
      problem(`expected the id of another article, found ${JSON.stringify(wanted)}, which no other article has`);
      continue;
    }
    if (original.translationOf !== undefined) {
      problem(
        `expected the id of an original, found ${JSON.stringify(wanted)} (${original.sourcePath}), itself a ` +
          `translation of ${JSON.stringify(original.translationOf)}: name that one`,
      );
      continue;
    }
    const lang = article.lang.toLowerCase();
    if (original.lang.toLowerCase() === lang) {
      problem(`expected a language other than its original's, found "${article.lang}" as ${original.sourcePath} has`);
      continue;
    }
    const set = members.get(original.id) ?? [original];
    const rival = set.find((member) => member !== original && member.lang.toLowerCase() === lang);
    if (rival !== undefined) {
      problem(
        `expected one translation a language of ${original.sourcePath}, found a second in "${article.lang}" ` +
          `(the first: ${rival.sourcePath})`,
      );
      continue;
    }
    set.push(article);
    members.set(original.id, set);
  }
  const sets = new Map<string, readonly Article[]>();
  for (const set of members.values()) for (const article of set) sets.set(article.id, set);
  return { sets, problems };
}

/** The `hreflang` alternates of an article of a set: every member, itself included, and `x-default`, the original. */
export function alternatesOf(set: readonly Article[]): { hreflang: string; href: string }[] {
  const original = set[0] as Article;
  return [
    ...set.map((article) => ({ hreflang: article.lang, href: article.url })),
    { hreflang: 'x-default', href: original.url },
  ];
}
