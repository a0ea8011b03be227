/** Dates written in French prose (`le 27 février 2024`, `1er mars 2024`), offered as hints. Pure. */

const MONTHS: Readonly<Record<string, number>> = {
  janvier: 1,
  février: 2,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  août: 8,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  décembre: 12,
  decembre: 12,
};

const FRENCH_DATE = new RegExp(
  String.raw`(?<![\p{L}\d])(?:le\s+)?(1er|\d{1,2})\s+(janvier|f[ée]vrier|mars|avril|` +
    String.raw`mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)\s+(\d{4})` +
    String.raw`(?!\d)`,
  'giu',
);

export interface DateHint {
  /** `2024-02-27`. */
  date: string;
  /** As written: `le 27 février 2024`. */
  text: string;
}

/** Every date of the text that exists, once each, in the order they first appear. */
export function frenchDates(text: string): DateHint[] {
  const hints: DateHint[] = [];
  for (const match of text.matchAll(FRENCH_DATE)) {
    const [written, dayText = '', monthName = '', yearText = ''] = match;
    const day = dayText === '1er' ? 1 : Number(dayText);
    const month = MONTHS[monthName.toLowerCase()] ?? 0;
    const year = Number(yearText);
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) continue;
    const date = `${yearText}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (!hints.some((hint) => hint.date === date)) hints.push({ date, text: written });
  }
  return hints;
}
