/**
 * "Did you mean" for misspelt type and property names. Only runs on names that failed a lookup, so
 * it compares against the whole vocabulary without an index.
 */
import { closestName } from '../did-you-mean.js';
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
