/**
 * `depeche import`: a raw article, as copied from a web page, → a record. The first paragraph is the
 * description, the trailing URL (or the one given) the source (`isBasedOn` and a `NewsArticle`
 * citation), repeated lines are dropped, quotations with their speakers become `quotes`, and the
 * dates found in the text are offered as hints. Pure: text, URL and "now" in; record text out.
 */
import { slugify } from '../new/slug.js';
import { formatLocalDateTime, type LocalTime, yamlScalar } from '../new/record.js';
import { frenchDates, type DateHint } from './dates.js';
import { proseToMarkdown } from './markdown.js';
import { findQuotes, type ImportedQuote } from './quotes.js';
import { readArticleText } from './text.js';
import { titleFromUrl } from './title.js';
import { canParseUrl } from '../content/url.js';

export interface ImportOptions {
  /** The source's URL, when the text does not end with it (or to replace the one it ends with). */
  url?: string;
  /** "now", for `datePublished`. */
  now: LocalTime;
}

export interface ImportedArticle {
  /** The record's text: front matter and Markdown body. */
  record: string;
  slug: string;
  title: string;
  /** Where the title comes from: the text's first line, the URL's slug, or the first sentence. */
  titleFrom: 'headline' | 'url' | 'first sentence';
  description: string;
  /** The Markdown body, ending with a newline. */
  body: string;
  sourceUrl?: string;
  quotes: ImportedQuote[];
  dates: DateHint[];
  /** Lines dropped because they repeat. */
  repeated: string[];
}

/** Throws when the text has no paragraph at all. */
export function importArticle(raw: string, options: ImportOptions): ImportedArticle {
  const text = readArticleText(raw);
  const [first, ...rest] = text.paragraphs;
  if (first === undefined) throw new Error('expected the text of an article, found no paragraph');
  const sourceUrl = options.url ?? text.sourceUrl;
  const prose = text.paragraphs.join('\n\n');
  const description = first.replace(/\s+/g, ' ');
  const fromUrl = sourceUrl === undefined ? undefined : titleFromUrl(sourceUrl, prose);
  const [title, titleFrom]: [string, ImportedArticle['titleFrom']] =
    text.headline !== undefined
      ? [text.headline, 'headline']
      : fromUrl !== undefined
        ? [fromUrl, 'url']
        : [firstSentence(description), 'first sentence'];
  const body = `${[first, ...rest].map(proseToMarkdown).join('\n\n')}\n`;
  const quotes = findQuotes(text.paragraphs);
  const dates = frenchDates(prose);
  const article = {
    slug: slugify(title),
    title,
    titleFrom,
    description,
    body,
    quotes,
    dates,
    repeated: text.repeated,
    ...(sourceUrl === undefined ? {} : { sourceUrl }),
  };
  return { ...article, record: recordText(article, options.now, looksFrench(prose)) };
}

function recordText(article: Omit<ImportedArticle, 'record'>, now: LocalTime, french: boolean): string {
  const { title, description, sourceUrl, quotes, dates, body } = article;
  const lines = ['---', `title: ${yamlScalar(title)}`, `description: ${yamlScalar(description)}`];
  if (dates.length > 0) {
    lines.push(
      `# Dates in the text: ${dates.map((hint) => `${hint.date} (${hint.text})`).join(', ')}. Set datePublished to ` +
        `when the article was published.`,
    );
  }
  lines.push(`datePublished: ${formatLocalDateTime(now)}`);
  if (sourceUrl !== undefined) {
    const host = canParseUrl(sourceUrl) ? new URL(sourceUrl).hostname : sourceUrl;
    lines.push(
      `isBasedOn: ${yamlScalar(sourceUrl)}`,
      'citations:',
      '  - type: NewsArticle',
      `    name: ${yamlScalar(title)}`,
      `    url: ${yamlScalar(sourceUrl)}`,
      `    # publisher: the name of ${host}`,
      ...(french ? ['    inLanguage: fr'] : []),
    );
  }
  if (quotes.length > 0) {
    lines.push('quotes:');
    for (const quote of quotes) {
      const { name, jobTitle, affiliation } = quote.spokenBy;
      lines.push(`  - text: ${yamlScalar(quote.text)}`, '    spokenBy:', `      name: ${yamlScalar(name)}`);
      if (jobTitle !== undefined) lines.push(`      jobTitle: ${yamlScalar(jobTitle)}`);
      if (affiliation !== undefined) lines.push(`      affiliation: ${yamlScalar(affiliation)}`);
    }
  }
  lines.push(
    '# Imported: check the title, the description, the quotes and the date, then remove the next line to publish.',
    'draft: true',
    '---',
  );
  return `${lines.join('\n')}\n${body}`;
}

function firstSentence(text: string): string {
  const sentence = /^.+?[.!?…](?=\s|$)/u.exec(text)?.[0] ?? text;
  return sentence.replace(/[.]$/, '');
}

const FRENCH_WORDS = new Set([
  'le',
  'la',
  'les',
  'des',
  'du',
  'de',
  'et',
  'est',
  'une',
  'un',
  'que',
  'qui',
  'dans',
  'pour',
  'pas',
  'sur',
  'au',
  'aux',
  'avec',
]);

/** Whether the text reads as French: a tenth of its words or more are common French function words. */
function looksFrench(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.length > 0 && words.filter((word) => FRENCH_WORDS.has(word)).length * 10 >= words.length;
}
