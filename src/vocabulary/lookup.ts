/**
 * Questions about schema.org types and properties, answered from the shipped index. Ancestor sets are
 * computed once per type, on first use, so `isSubtypeOf` is a set lookup when it runs per article.
 */
import { type PropertyDefinition, vocabulary } from './load.js';

const ancestorSets = new Map<string, ReadonlySet<string>>();

/** Whether `name` is a schema.org type (a class or a data type, such as `NewsArticle` or `URL`). */
export function isType(name: string): boolean {
  return vocabulary().supertypes.has(name);
}

/** The type itself and all its supertypes, transitively; empty for an unknown name. */
export function ancestorsOf(type: string): ReadonlySet<string> {
  const known = ancestorSets.get(type);
  if (known !== undefined) return known;
  const { supertypes } = vocabulary();
  const ancestors = new Set<string>();
  const pending = supertypes.has(type) ? [type] : [];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (ancestors.has(next)) continue;
    ancestors.add(next);
    pending.push(...(supertypes.get(next) ?? []));
  }
  ancestorSets.set(type, ancestors);
  return ancestors;
}

/** Whether `type` is `ancestor` or one of its subtypes (`isSubtypeOf('NewsArticle', 'Thing')`). */
export function isSubtypeOf(type: string, ancestor: string): boolean {
  return ancestorsOf(type).has(ancestor);
}

/** Whether `name` is `CreativeWork` or one of its subtypes (`Report`, `Legislation`, `WebPage`…). */
export function isCreativeWorkType(name: string): boolean {
  return isSubtypeOf(name, 'CreativeWork');
}

/**
 * Whether `name` is a data type: one of `dataTypes` (`Text`, `Date`, `DateTime`, `Number`, `Boolean`,
 * `Time`, `Quantity`) or a subtype of one (`URL`, `Integer`, `Distance`…). Values of these are literals.
 */
export function isDataType(name: string): boolean {
  return vocabulary().dataTypes.some((dataType) => isSubtypeOf(name, dataType));
}

/** Domain, range and replacement of a schema.org property, or `undefined` when there is none. */
export function property(name: string): PropertyDefinition | undefined {
  return vocabulary().properties.get(name);
}

/** Whether a property may be used on a node of type `type` (its domain holds the type or a supertype). */
export function isPropertyOf(definition: PropertyDefinition, type: string): boolean {
  const ancestors = ancestorsOf(type);
  return definition.domain.some((domainType) => ancestors.has(domainType));
}

/** The enumeration types of a member (`Monday` → `['DayOfWeek']`); empty when it is no member. */
export function enumerationsOf(member: string): readonly string[] {
  return vocabulary().members.get(member) ?? [];
}

/** The enumeration type of a member (`InStock` → `ItemAvailability`), the first when it has several. */
export function enumerationOf(member: string): string | undefined {
  return enumerationsOf(member)[0];
}

/** The terms replacing a superseded type or enumeration member (`Code` → `['SoftwareSourceCode']`). */
export function typeSupersededBy(name: string): readonly string[] | undefined {
  return vocabulary().superseded.get(name);
}

/** Every type name, in index order (sorted). */
export function typeNames(): Iterable<string> {
  return vocabulary().supertypes.keys();
}

/** Every property name, in index order (sorted). */
export function propertyNames(): Iterable<string> {
  return vocabulary().properties.keys();
}

/** The release the vocabulary was built from (`30.0`). */
export function vocabularyVersion(): string {
  return vocabulary().version;
}
