/**
 * The pages' labels in one language, made from its locale file (src/locales/): the placeholders filled, dates in
 * words through `Intl.DateTimeFormat` in that language. A language without a locale file gets English's.
 */
import { en } from '../locales/en.js';
import { type LocaleText, localeOf } from '../locales/index.js';

/** A locale file's words for the renderers: its templates made functions, its dates written in words. */
export interface Labels extends Omit<LocaleText, 'intl' | 'lists' | 'notFound' | 'dates' | 'types'> {
  lists: Omit<LocaleText['lists'], 'page'> & { page: (n: number, of: number) => string };
  notFound: Omit<LocaleText['notFound'], 'text'> & { text: (site: string) => string };
  /** Date and time in words, of a wall-clock time read with `getUTC…`. */
  dateTime: (wall: Date) => string;
  date: (wall: Date) => string;
  /** A schema.org type of a source in words. */
  type: (name: string) => string;
}

const made = new Map<LocaleText, Labels>();

/** The labels for a BCP 47 tag: French for `fr`, `fr-CA`…; English for a language without a locale file. */
export function labelsFor(language: string): Labels {
  const text = localeOf(language) ?? en;
  let labels = made.get(text);
  if (labels === undefined) {
    labels = labelsOf(text);
    made.set(text, labels);
  }
  return labels;
}

/** Whether the pages of `language` are labelled in it (else in English). */
export function hasLabels(language: string): boolean {
  return localeOf(language) !== undefined;
}

/** `template` with each `{name}` replaced by its value. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

function labelsOf(text: LocaleText): Labels {
  const dayMonthYear = new Intl.DateTimeFormat(text.intl, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const clock = new Intl.DateTimeFormat(text.intl, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  });
  const { firstDay, time } = text.dates;
  const date = (wall: Date): string =>
    dayMonthYear
      .formatToParts(wall)
      .map((part) => (part.type === 'day' && firstDay !== undefined && wall.getUTCDate() === 1 ? firstDay : part.value))
      .join('');
  const timeOf = (wall: Date): string =>
    time === undefined
      ? clock.format(wall)
      : fill(time, { h: wall.getUTCHours(), mm: String(wall.getUTCMinutes()).padStart(2, '0') });
  return {
    ...text,
    lists: { ...text.lists, page: (n, count) => fill(text.lists.page, { n, count }) },
    notFound: { ...text.notFound, text: (site) => fill(text.notFound.text, { site }) },
    dateTime: (wall) => fill(text.dates.dateTime, { date: date(wall), time: timeOf(wall) }),
    date,
    type: (name) => text.types[name] ?? name.replace(/(?<=[a-z0-9])(?=[A-Z])/g, ' ').toLowerCase(),
  };
}
