/**
 * The build's worker pool, as users run it: workers start only from the compiled `lib/` (which
 * `npm run build` makes before these tests), never under vitest's `src/`. The same content built
 * by `lib/` (workers, from 200 records) and by `src/` (one thread) must give the same site byte for
 * byte, the same problems when records are broken, and the same pages when one record moves the
 * site's last update to another year (an article page shows its own year; the home page the site's).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../bench/corpus.js';
import { POOL_THRESHOLD } from '../../src/incremental/pool.js';
import { build as buildInThread } from '../../src/build.js';
import { ContentError } from '../../src/errors.js';
import { treeOf } from '../helpers/tree.js';

const root = join(import.meta.dirname, '../..');
const RECORDS = 300;
/** Every build's now: after every record, the one dated 2031 included, so none is scheduled. */
const NOW = new Date('2031-06-01T00:00:00Z');

/** The paths of a built site's article pages (each record's page and JSON-LD), apart from its site-wide files. */
const articlePages = (paths: string[]): string[] => paths.filter((path) => path.startsWith('articles/'));
let scratch: string;
let content: string;
let buildWithWorkers: typeof buildInThread;

beforeAll(async () => {
  const lib = join(root, 'lib/build.js');
  if (!existsSync(join(root, 'lib/incremental/worker.js')))
    throw new Error('lib/ is missing: run `npm run build` (or `npm run compile`) first');
  ({ build: buildWithWorkers } = (await import(lib)) as { build: typeof buildInThread });
  scratch = mkdtempSync(join(tmpdir(), 'depeche-pool-'));
  content = join(scratch, 'content');
  writeCorpus(content, { seed: 7, count: RECORDS });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the corpus with `edit` applied, built both ways into folders; returns both trees. */
async function bothWays(
  label: string,
  edit: (dir: string) => void = () => undefined,
): Promise<{ workers: unknown; thread: unknown }> {
  const dir = join(scratch, `content-${label}`);
  cpSync(content, dir, { recursive: true });
  edit(dir);
  const settle = async (run: () => Promise<unknown>): Promise<unknown> =>
    run().then(
      () => undefined,
      (error: unknown) =>
        error instanceof ContentError || (error instanceof Error && error.name === 'ContentError')
          ? (error as ContentError).problems
          : error,
    );
  const workersOut = join(scratch, `dist-${label}-workers`);
  const threadOut = join(scratch, `dist-${label}-thread`);
  const workersError = await settle(() => buildWithWorkers({ contentDir: dir, outDir: workersOut, now: NOW }));
  const threadError = await settle(() => buildInThread({ contentDir: dir, outDir: threadOut, now: NOW }));
  return { workers: workersError ?? treeOf(workersOut), thread: threadError ?? treeOf(threadOut) };
}

describe('the build with its worker pool (lib/)', () => {
  it('builds the same site as one thread, byte for byte', async () => {
    expect(RECORDS).toBeGreaterThanOrEqual(POOL_THRESHOLD);
    const { workers, thread } = await bothWays('same');
    const paths = Object.keys(workers as object);
    expect(articlePages(paths)).toHaveLength(RECORDS * 2);
    // The site-wide files: home, feeds, archives, sitemaps, the streams' pages and feeds…
    expect(paths.length - articlePages(paths).length).toBeGreaterThan(11);
    expect(workers).toEqual(thread);
  });

  it('gives the same files in memory (write: false)', async () => {
    const withWorkers = await buildWithWorkers({ contentDir: content, write: false, now: NOW });
    const inThread = await buildInThread({ contentDir: content, write: false, now: NOW });
    expect(withWorkers.files.map((file) => file.path)).toEqual(inThread.files.map((file) => file.path));
    expect(withWorkers.files).toEqual(inThread.files);
    expect(withWorkers.site).toEqual(inThread.site);
  });

  it('reports the same problems, sorted, when records far apart are broken or clash', async () => {
    const { workers, thread } = await bothWays('broken', (dir) => {
      writeFileSync(join(dir, 'articles', 'zz-broken.md'), '---\ntitle: Sans date\n---\nCorps.\n');
      // The same slug as another record: a clash found across the shards.
      cpSync(join(dir, 'articles', writeCorpusFirst(dir)), join(dir, 'articles', 'zzz-copie.md'));
    });
    expect(Array.isArray(workers)).toBe(true);
    expect((workers as unknown[]).length).toBeGreaterThanOrEqual(3);
    expect(workers).toEqual(thread);
  });

  it("gives each article page its own year and the home page the site's newest, the same way", async () => {
    const { workers, thread } = await bothWays('guess', (dir) => {
      // The newest date of all, written with a quoted key.
      writeFileSync(
        join(dir, 'articles', 'zz-futur.md'),
        '---\ntitle: Un article daté autrement\ndescription: Sa date est écrite avec une clé entre ' +
          'guillemets.\n"datePublished": 2031-03-01T09:00:00+01:00\n---\nCorps.\n',
      );
    });
    expect(typeof workers).toBe('object');
    expect(Array.isArray(workers)).toBe(false);
    expect(workers).toEqual(thread);
    const home = readFileSync(join(scratch, 'dist-guess-workers', 'index.html'), 'utf8');
    expect(home).toMatch(/© 2031/);
    const oldest = readFileSync(
      join(
        scratch,
        'dist-guess-workers',
        'articles',
        readdirSync(join(scratch, 'dist-guess-workers', 'articles')).sort()[0] ?? '',
        'index.html',
      ),
      'utf8',
    );
    expect(oldest).toMatch(/© \d{4}/);
    expect(oldest).not.toMatch(/© 2031/);
  });

  it('names files from namesRelativeTo in its workers, as in one thread', async () => {
    const dir = join(scratch, 'content-names');
    cpSync(content, dir, { recursive: true });
    writeFileSync(join(dir, 'articles', 'zz-broken.md'), '---\ntitle: Sans date\n---\nCorps.\n');
    const problemsOf = (run: Promise<unknown>): Promise<unknown> =>
      run.then(
        () => [],
        (error: ContentError) => error.problems,
      );
    const options = { contentDir: dir, write: false, namesRelativeTo: scratch, now: NOW };
    const workers = (await problemsOf(buildWithWorkers(options))) as ContentError['problems'];
    expect(workers.map((problem) => problem.file)).toEqual([
      'content-names/articles/zz-broken.md',
      'content-names/articles/zz-broken.md',
    ]);
    expect(workers).toEqual(await problemsOf(buildInThread(options)));
  });

  it('starts its workers without the process’s options: a build from `node --input-type=module -e` works', () => {
    const out = join(scratch, 'dist-eval');
    const script =
      `import { build } from ${JSON.stringify(pathToFileURL(join(root, 'lib/build.js')).href)}; const ` +
      `result = await build({ contentDir: ${JSON.stringify(content)}, outDir: ${JSON.stringify(out)}, keepFiles: ` +
      `false, now: new Date(${JSON.stringify(NOW.toISOString())}) }); console.log(result.fileCount);`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const paths = Object.keys(treeOf(out) ?? {});
    expect(Number(run.stdout.trim())).toBe(paths.length);
    expect(articlePages(paths)).toHaveLength(RECORDS * 2);
  });
});

/** The first record of the corpus by file name. */
function writeCorpusFirst(dir: string): string {
  return readdirSync(join(dir, 'articles')).sort()[0] ?? '';
}
