/**
 * "Did you mean" for misspelt type and property names. Only runs on names that failed a lookup, so
 * it compares against the whole vocabulary without an index.
 */
import { isPropertyOf, isSubtypeOf, property, propertyNames, typeNames } from './lookup.js';

/**
 * The type most likely meant by `name`, or `undefined` when none is close.
 * Tried in order: a case-insensitive match (`Newsarticle` → `NewsArticle`); the smallest edit distance
 * within a third of the name's length (`Organisation` → `Organization`); the shortest type that starts
 * with the name (`Quot` → `Quotation`).
 * @param ancestor When given, only this type and its subtypes are candidates (`'CreativeWork'`).
 */
export function suggestType(name: string, ancestor?: string): string | undefined {
  const candidates = [...typeNames()].filter((type) => ancestor === undefined || isSubtypeOf(type, ancestor));
  return closestName(name, candidates);
}

/**
 * The property most likely meant by `name`, preferring properties that fit one of `types`
 * (`headlin` on a `NewsArticle` → `headline`), then any property; `undefined` when none is close.
 */
export function suggestProperty(name: string, types: readonly string[] = []): string | undefined {
  const all = [...propertyNames()];
  const fitting = all.filter((candidate) => {
    const definition = property(candidate);
    return definition !== undefined && types.some((type) => isPropertyOf(definition, type));
  });
  return closestName(name, fitting) ?? closestName(name, all);
}

/** The candidate closest to `name` by the rules of `suggestType`, or `undefined`. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  if (wanted.length === 0) return undefined;
  const exact = candidates.find((candidate) => candidate.toLowerCase() === wanted);
  if (exact !== undefined) return exact;

  const threshold = Math.max(1, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = threshold + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - wanted.length) >= bestDistance) continue;
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined || wanted.length < 4) return best;

  const extensions = candidates.filter((candidate) => candidate.toLowerCase().startsWith(wanted));
  return extensions.sort((a, b) => a.length - b.length)[0];
}

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of two neighbouring
 * characters (optimal string alignment), so that `Articel` is one edit from `Article`.
 */
export function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current[j] = distance;
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}
