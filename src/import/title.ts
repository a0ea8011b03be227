/**
 * A headline guessed from the source URL's slug
 * (`…/le-partenariat-entre-microsoft-et-mistral-ai-agace-bruxelles….N2209051`),
 * its words spelt as the article spells them: accents and capitals come back from the body
 * (`microsoft` → `Microsoft`, `ai` → `AI`, `geant` → `géant`), and elided articles are joined
 * again (`l integration` → `l’intégration`). Pure.
 */
import { slugify } from '../new/slug.js';
import { canParseUrl } from '../content/url.js';

/** The words of the URL's last path segment, without its extension or trailing article number. */
export function slugWords(url: string): string[] {
  if (!canParseUrl(url)) return [];
  const segments = new URL(url).pathname.split('/').filter((segment) => segment !== '');
  let last = '';
  try {
    last = decodeURIComponent(segments.at(-1) ?? '');
  } catch {
    last = segments.at(-1) ?? '';
  }
  const stem = last
    .replace(/\.(?:s?html?|php|aspx?)$/i, '')
    .replace(/\.N\d+$/i, '')
    .replace(/[-_]\d{5,}$/, '')
    .replace(/^\d{5,}[-_]/, '');
  const words = stem.split(/[-_+\s]+/).filter((word) => word !== '');
  return words.length >= 2 && words.some((word) => /\p{L}/u.test(word)) ? words : [];
}

const ELIDED = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu']);

/** The headline from the slug's words, spelt as in `body`; undefined when the URL has no wordy slug. */
export function titleFromUrl(url: string, body: string): string | undefined {
  const words = slugWords(url);
  if (words.length === 0) return undefined;
  const spellings = spellingsIn(body);
  const spelt = words.map((word) => spellings.get(slugify(word)) ?? word.toLowerCase());
  let title = '';
  spelt.forEach((word, index) => {
    const previous = words[index - 1]?.toLowerCase();
    const elision = previous !== undefined && ELIDED.has(previous) && /^[aeiouyhàâéèêëîïôûœ]/iu.test(word);
    title += index === 0 ? word : elision ? `’${word}` : ` ${word}`;
  });
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/**
 * For each word of the body, folded as a slug is, its most frequent spelling inside sentences (the
 * first word of a sentence says nothing about its case); a word seen only at a sentence's start
 * is taken in lowercase.
 */
function spellingsIn(body: string): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  const initial = new Map<string, string>();
  for (const sentence of body.split(/(?<=[.!?…»])\s+|\n+/)) {
    const words = sentence.match(/[\p{L}\p{N}]+/gu) ?? [];
    words.forEach((word, index) => {
      const key = slugify(word);
      if (key === '') return;
      if (index === 0) {
        if (!initial.has(key)) initial.set(key, word.toLowerCase());
        return;
      }
      const spellings = counts.get(key) ?? new Map<string, number>();
      spellings.set(word, (spellings.get(word) ?? 0) + 1);
      counts.set(key, spellings);
    });
  }
  const chosen = new Map(initial);
  for (const [key, spellings] of counts) {
    const [best] = [...spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0] ?? [];
    if (best !== undefined) chosen.set(key, best);
  }
  return chosen;
}
