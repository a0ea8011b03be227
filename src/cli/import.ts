/**
 * `depeche import FILE.txt [--url SOURCE]`: writes the record (or prints it), and says what it found;
 * `depeche import --from hugo|jekyll FOLDER`: the posts of another publisher's site (`migrate.ts`).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { importArticle, type ImportedArticle } from '../import/index.js';
import { flag, type Io, type OptionValues, stringOption, UsageError } from './io.js';
import { localNow } from './local-time.js';
import { migrate } from './migrate.js';
import { chosenSlug, writeRecord } from './new.js';
import { coloursFor, count } from './output.js';
import { formatProblems } from './problems.js';

export async function run(values: OptionValues, positionals: readonly string[], io: Io): Promise<number> {
  const file = positionals[0] ?? '';
  const from = stringOption(values, 'from');
  if (from !== undefined) return migrate(from, file, stringOption(values, 'content') ?? 'content', io);
  const url = stringOption(values, 'url');
  if (url !== undefined && !/^https?:\/\/[^/\s]+\S*$/i.test(url))
    throw new UsageError(`--url expects an absolute http(s) URL, found ${JSON.stringify(url)}`);
  let raw: string;
  try {
    raw = await readFile(resolve(io.cwd, file), 'utf8');
  } catch {
    throw new UsageError(`expected a text file to import, found nothing readable at ${file}`);
  }
  const contentDir = stringOption(values, 'content') ?? 'content';
  const now = await localNow(io, contentDir);
  if (Array.isArray(now)) {
    io.stderr.write(formatProblems(now, coloursFor(io.stderr, io.env)));
    return 1;
  }
  let article: ImportedArticle;
  try {
    article = importArticle(raw, {
      now,
      ...(url === undefined ? {} : { url }),
    });
  } catch (error) {
    io.stderr.write(`depeche import: ${file}: ${(error as Error).message}\n`);
    return 1;
  }
  const hints = describe(article);
  if (flag(values, 'print')) {
    io.stdout.write(article.record);
    io.stderr.write(hints.map((hint) => `  ${hint}\n`).join(''));
    return 0;
  }
  const slug = chosenSlug(stringOption(values, 'slug'), article.title);
  const written = await writeRecord(io, contentDir, slug, article.record);
  if (written === undefined) return 1;
  const colours = coloursFor(io.stdout, io.env);
  io.stdout.write(`depeche: wrote ${colours.bold(written)}\n${hints.map((hint) => `  ${hint}\n`).join('')}`);
  return 0;
}

/** What the importer decided, for the editor to check. */
function describe(article: ImportedArticle): string[] {
  const titleFrom = {
    headline: 'the first line',
    url: 'the source URL (check its spelling)',
    'first sentence': 'the first sentence (write a better one)',
  }[article.titleFrom];
  return [
    `title from ${titleFrom}: ${article.title}`,
    article.sourceUrl === undefined ? 'no source URL found (give one with --url)' : `source: ${article.sourceUrl}`,
    `${count(article.quotes.length, 'quote')}${
      article.quotes.length === 0 ? '' : `: ${article.quotes.map((quote) => quote.spokenBy.name).join(', ')}`
    }`,
    ...(article.repeated.length === 0
      ? []
      : [
          `${count(article.repeated.length, 'repeated line')} dropped ` +
            `(${JSON.stringify(short(article.repeated[0] ?? ''))}…)`,
        ]),
    ...(article.dates.length === 0
      ? []
      : [
          `dates in the text: ${article.dates.map((hint) => `${hint.date} (${hint.text})`).join(', ')}; ` +
            `datePublished is set to now`,
        ]),
  ];
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
