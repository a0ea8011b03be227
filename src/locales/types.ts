/**
 * What a locale file says: every label of the pages in one language, as plain text. Placeholders in braces
 * (`{n}`, `{site}`) are filled by render/labels.ts; each locale uses the same placeholders as English's.
 */
export interface LocaleText {
  /** The tag `Intl.DateTimeFormat` formats this language's dates with (`en-GB`: the day before the month). */
  intl: string;
  /** The skip link, the page's first element. */
  skip: string;
  /** Before the byline's names ("By"). */
  by: string;
  /** Between the byline's last two names. */
  and: string;
  published: string;
  modified: string;
  tags: string;
  quotes: string;
  sources: string;
  /** The heading of one correction notice. */
  correction: string;
  /** The colon after a label, with the space the language sets before it (French: a no-break space). */
  colon: string;
  subscribe: string;
  subscribeHint: string;
  latest: string;
  /** The name of the header's menu (`navigation`), for assistive technologies. */
  menu: string;
  /** The heading of an article's links to its translations. */
  translations: string;
  /** A link to a translation into this language, in this language ("Read in English"). */
  readIn: string;
  lists: {
    /** `{n}`: the page's number; `{count}`: how many pages. */
    page: string;
    previous: string;
    next: string;
    pages: string;
    sections: string;
    tags: string;
    authors: string;
    feeds: string;
    /** The home page's link to `feeds.opml`. */
    opml: string;
  };
  /** `{site}` in `text`: the site's title. */
  notFound: { title: string; text: string; home: string };
  feeds: { rss: string; atom: string; json: string };
  dates: {
    /** `{date}` and `{time}`: a date and time in words. */
    dateTime: string;
    /** The first of the month, when the language writes it apart ("1er" in French). */
    firstDay?: string;
    /** The time, when the language writes it otherwise than `Intl` (`{h}`: hours, `{mm}`: minutes on two digits). */
    time?: string;
  };
  /** schema.org types of sources in words (`Report` → "report"); any other is its name split at its capitals. */
  types: Readonly<Record<string, string>>;
}
