/** "Did you mean" suggestions for misspelt names: fields, types, properties. */

/**
 * The candidate most likely meant by `name`, or `undefined` when none is close. Tried in order: a
 * case-insensitive match (`Newsarticle` → `NewsArticle`); the smallest edit distance within a third
 * of the name's length (`datePublised` → `datePublished`); the shortest candidate that starts with
 * the name (`Quot` → `Quotation`).
 */
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
