/** `depeche new "Titre"`: writes `content/articles/<slug>.md`, never over an existing file. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { SLUG } from '../content/article-schema.js';
import { newRecord } from '../new/record.js';
import { slugify } from '../new/slug.js';
import { localNow } from './local-time.js';
import { type Io, type OptionValues, stringOption, UsageError } from './io.js';
import { coloursFor } from './output.js';
import { formatProblems } from './problems.js';

export async function run(values: OptionValues, positionals: readonly string[], io: Io): Promise<number> {
  const title = (positionals[0] ?? '').trim();
  if (title === '') throw new UsageError('expected a title, such as depeche new "Titre de l’article"');
  const slug = chosenSlug(stringOption(values, 'slug'), title);
  const contentDir = stringOption(values, 'content') ?? 'content';
  const now = await localNow(io, contentDir);
  if (Array.isArray(now)) {
    io.stderr.write(formatProblems(now, coloursFor(io.stderr, io.env)));
    return 1;
  }
  const written = await writeRecord(io, contentDir, slug, newRecord(title, now));
  if (written === undefined) return 1;
  const colours = coloursFor(io.stdout, io.env);
  io.stdout.write(
    `depeche: wrote ${colours.bold(written)}\n  fill in its description and body, then remove "draft: true" to ` +
      `publish it\n`,
  );
  return 0;
}

/** `--slug`, checked, or the slug of the title. */
export function chosenSlug(option: string | undefined, title: string): string {
  if (option !== undefined) {
    if (!SLUG.test(option))
      throw new UsageError(
        `--slug expects lowercase letters, digits and single hyphens, found ${JSON.stringify(option)}`,
      );
    return option;
  }
  const slug = slugify(title);
  if (slug === '')
    throw new UsageError(
      `expected a title with letters or digits to make a slug from, found ${JSON.stringify(title)} (or give --slug)`,
    );
  return slug;
}

/**
 * Writes `<content>/articles/<slug>.md` with the `wx` flag, so an existing record is never replaced;
 * returns the path shown to the user, or undefined (after saying why) when the file exists.
 */
export async function writeRecord(io: Io, contentDir: string, slug: string, text: string): Promise<string | undefined> {
  const folder = resolve(io.cwd, contentDir, 'articles');
  const path = join(folder, `${slug}.md`);
  const shown = relative(io.cwd, path) || path;
  await mkdir(folder, { recursive: true });
  try {
    await writeFile(path, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    io.stderr.write(`depeche: ${shown} already exists; it was left as it was (choose another title or --slug)\n`);
    return undefined;
  }
  return shown;
}
