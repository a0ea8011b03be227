/**
 * Whether a value fits a property's `rangeIncludes`, and how to say what the range expects.
 * schema.org's data types are literals: URL is a subtype of Text, Integer of Number, Distance of Quantity.
 */
import { describeValue } from '../errors.js';
import { enumerationsOf, isDataType, isSubtypeOf } from '../vocabulary/index.js';
import {
  isAbsoluteHttpUrl,
  isDate,
  isDateTime,
  isDateTimeWithoutOffset,
  isDuration,
  isQuantity,
  isTime,
} from './literals.js';
import { schemaNameOfIri } from './jsonld-terms.js';

type Range = readonly string[];

/** Which literals a range accepts, worked out once per range. */
interface LiteralKinds {
  /** Any string: Text or a subtype of it other than URL. */
  text: boolean;
  url: boolean;
  date: boolean;
  dateTime: boolean;
  time: boolean;
  duration: boolean;
  /** Distance, Mass, Energy: `<number> <unit>`. */
  quantity: boolean;
  number: boolean;
  /** Numbers must be whole: every numeric type in the range is Integer. */
  integer: boolean;
  boolean: boolean;
}

const kindsByRange = new WeakMap<Range, LiteralKinds>();

function literalKinds(range: Range): LiteralKinds {
  const known = kindsByRange.get(range);
  if (known !== undefined) return known;
  const has = (name: string): boolean => range.some((type) => isSubtypeOf(type, name));
  const numeric = range.filter((type) => isSubtypeOf(type, 'Number'));
  const kinds: LiteralKinds = {
    text: range.some((type) => type !== 'URL' && isSubtypeOf(type, 'Text')),
    url: has('URL'),
    date: has('Date'),
    dateTime: has('DateTime'),
    time: has('Time'),
    duration: has('Duration'),
    quantity: range.some((type) => type !== 'Duration' && isSubtypeOf(type, 'Quantity')),
    number: numeric.length > 0,
    integer: numeric.length > 0 && numeric.every((type) => type === 'Integer'),
    boolean: has('Boolean'),
  };
  kindsByRange.set(range, kinds);
  return kinds;
}

/** Whether a node of one of `types` fits the range (one of them is a subtype of a range type). */
export function fitsRange(types: readonly string[], range: Range): boolean {
  return types.some((type) => range.some((rangeType) => isSubtypeOf(type, rangeType)));
}

/** Whether the range takes URLs, so that an IRI outside the document is a fitting value. */
export function acceptsUrl(range: Range): boolean {
  return literalKinds(range).url;
}

/** What is wrong with a literal (string, number, boolean, null) as a value of the range, if anything. */
export function literalProblem(value: unknown, range: Range): string | undefined {
  const kinds = literalKinds(range);
  if (typeof value === 'string') {
    if (stringFits(value, kinds) || memberFits(value, range)) return undefined;
    const note = (kinds.date || kinds.dateTime) && isDateTimeWithoutOffset(value) ? ' without a UTC offset' : '';
    return `expected ${describeRange(range)}, found ${describeValue(value)}${note}`;
  }
  if (typeof value === 'number') {
    if (kinds.number && (!kinds.integer || Number.isInteger(value))) return undefined;
    return `expected ${describeRange(range)}, found the number ${value}`;
  }
  if (typeof value === 'boolean' && kinds.boolean) return undefined;
  return `expected ${describeRange(range)}, found ${describeValue(value)}`;
}

function stringFits(value: string, kinds: LiteralKinds): boolean {
  return (
    kinds.text ||
    (kinds.url && isAbsoluteHttpUrl(value)) ||
    (kinds.date && isDate(value)) ||
    (kinds.dateTime && isDateTime(value)) ||
    (kinds.time && isTime(value)) ||
    (kinds.duration && isDuration(value)) ||
    (kinds.quantity && isQuantity(value))
  );
}

/** An enumeration member written as its IRI (`https://schema.org/InStock`) where its enumeration fits. */
export function memberFits(iri: string, range: Range): boolean {
  const member = schemaNameOfIri(iri);
  return member !== undefined && fitsRange(enumerationsOf(member), range);
}

const phrases: Readonly<Record<string, string>> = {
  URL: 'an absolute http(s) URL',
  Date: 'a Date (YYYY-MM-DD)',
  DateTime: 'a DateTime with a UTC offset (Z or ±HH:MM)',
  Time: 'a Time (hh:mm:ss)',
  Number: 'a Number',
  Float: 'a Number',
  Integer: 'an Integer',
  Boolean: 'a Boolean',
  Duration: 'an ISO 8601 Duration (PT1H30M)',
  Distance: 'a Distance ("600 px", "7 ft")',
  Mass: 'a Mass ("7 kg")',
  Energy: 'an Energy ("100 kcal")',
};

/** The range in words: `Organization or Person (a node or an @id reference)`, `a Date (YYYY-MM-DD) or …`. */
export function describeRange(range: Range): string {
  const words = range.map(describeType);
  const listed = words.length <= 1 ? (words[0] ?? 'nothing') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
  const onlyNodes = range.every((type) => !isDataType(type) && !isSubtypeOf(type, 'Enumeration'));
  return onlyNodes ? `${listed} (a node or an @id reference)` : listed;
}

function describeType(type: string): string {
  if (Object.hasOwn(phrases, type)) return phrases[type] ?? type;
  return isSubtypeOf(type, 'Enumeration') ? `a member of ${type} (https://schema.org/<member>)` : type;
}
