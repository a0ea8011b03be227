/**
 * A seeded pseudo-random number generator for the benchmark corpus: the same seed gives the same
 * sequence on every machine and every Node version (no `Math.random`, no clock).
 */

/** A stream of random choices; every method draws from one seeded sequence. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** `count` distinct elements of a list, in the list's order of drawing. */
  sample<T>(items: readonly T[], count: number): T[];
}

/** 32-bit FNV-1a of a string: turns `(seed, index, stream)` into a generator seed. */
export function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: small, fast, and good enough to make text look varied. */
export function createRandom(seed: number | string): Random {
  let state = typeof seed === 'number' ? seed >>> 0 : hash32(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  const sample = <T>(items: readonly T[], count: number): T[] => {
    if (count > items.length) throw new Error(`cannot draw ${count} distinct items from ${items.length}`);
    const pool = [...items];
    const drawn: T[] = [];
    for (let index = 0; index < count; index++) {
      const [item] = pool.splice(Math.floor(next() * pool.length), 1) as [T];
      drawn.push(item);
    }
    return drawn;
  };
  return { next, int, chance: (p) => next() < p, pick, sample };
}
