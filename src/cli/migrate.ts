/**
 * `depeche import --from hugo|jekyll FOLDER`: every post of a Hugo site (`content/**\/*.md` but the
 * `_index.md` of list pages) or of a Jekyll site (`_posts/*.md`) becomes a record of
 * `content/articles/`, never over an existing one; then a report, file by file, of what was not mapped.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { type Generator, migratePost } from '../migrate/convert.js';
import { type Io, UsageError } from './io.js';
import { siteOffsetAt } from './local-time.js';
import { writeRecord } from './new.js';
import { coloursFor, count } from './output.js';
import { formatProblems } from './problems.js';

const GENERATORS: Readonly<Record<Generator, { folder: string; post: RegExp }>> = {
  hugo: { folder: 'content', post: /^(?!_index\.)[^/]+\.(?:md|markdown)$/i },
  jekyll: { folder: '_posts', post: /\.(?:md|markdown)$/i },
};

export async function migrate(from: string, folder: string, contentDir: string, io: Io): Promise<number> {
  if (from !== 'hugo' && from !== 'jekyll')
    throw new UsageError(`--from expects hugo or jekyll, found ${JSON.stringify(from)}`);
  const generator = GENERATORS[from];
  const site = resolve(io.cwd, folder);
  const posts = await postsUnder(join(site, generator.folder), generator.post).catch(() => undefined);
  if (posts === undefined || posts.length === 0)
    throw new UsageError(`expected ${from} posts in ${join(folder, generator.folder)}/, found none`);
  const offsetAt = await siteOffsetAt(io, contentDir);
  if (Array.isArray(offsetAt)) {
    io.stderr.write(formatProblems(offsetAt, coloursFor(io.stderr, io.env)));
    return 1;
  }
  const colours = coloursFor(io.stdout, io.env);
  let imported = 0;
  const report: string[] = [];
  for (const path of posts) {
    const inSite = relative(site, path).split('\\').join('/');
    // The post as the user named its site: `my-blog/content/posts/x.md`.
    const shown = join(folder, inSite);
    const post = migratePost(from, inSite, await readFile(path, 'utf8'), offsetAt);
    if ('error' in post) {
      report.push(`${shown}: not imported: ${post.error}\n`);
      continue;
    }
    const written = await writeRecord(io, contentDir, post.slug, post.record);
    if (written === undefined) {
      report.push(`${shown}: not imported: ${post.slug}.md exists\n`);
      continue;
    }
    imported += 1;
    report.push(`${shown} → ${colours.bold(written)}\n`, ...post.notes.map((note) => `  ${note}\n`));
  }
  const left = posts.length - imported;
  io.stdout.write(
    `${report.join('')}depeche import: ${count(imported, 'post')} imported` +
      `${left === 0 ? '' : `, ${left} not`} (check the notes above, then build)\n`,
  );
  return left === 0 ? 0 : 1;
}

/** The post files under `folder`, at any depth, sorted. */
async function postsUnder(folder: string, post: RegExp): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && post.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
