/**
 * Every row of one corpus size: the builds as users run them (`node lib/cli.js build`, one child
 * process each), and the floor beside them, in an order chosen for the disk (see `settle`):
 *
 * 1. after a quiet minute, a cold build into a fresh folder, then the write floor (no deletion yet);
 * 2. the read and Markdown floors, and node's own start-up;
 * 3. `runs` times: `rm -rf public` + Hugo's cold build of the same records (see hugo.ts), when
 *    Hugo is installed; `rm -rf dist` + cold build; cold build next to the previous dist (the writer
 *    swaps folders); rebuild with nothing changed; rebuild after editing one article's body, then its
 *    title (the home page and the pages and feeds of its streams are rendered again), then moving it
 *    from one tag to another; the write floor right after deleting as many files as it writes;
 * 4. the watch mode (`depeche dev`, when the CLI has it): `runs` edits, each timed to its page.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChildFailed, runNode, type ChildUsage } from './child.js';
import type { Corpus } from './corpus.js';
import type { FloorResult } from './floor.js';
import { hugoBuild, writeHugoSite } from './hugo.js';
import { buildSample, filesModifiedSince, noteDeletion, removeTree, settle, type Row, type Sample } from './measure.js';
import { hasDevServer, watchLatency } from './watch.js';

export interface SizeOptions {
  /** The project root: `lib/cli.js` and `tests/bench/floor.ts` are found from it. */
  root: string;
  /** A folder of the bench's own, emptied first; builds write `dist/` in it. */
  workDir: string;
  runs: number;
  /** Wait for a quiet disk before the first cold build (see `settle`). */
  settle: boolean;
  log: (line: string) => void;
  /** The `hugo` to measure on the same records, or undefined to skip its row. */
  hugo: string | undefined;
}

function rowOf(size: number, name: string, perArticle = true): Row {
  return { size, name, samples: [], perArticle };
}

/** Adds one sample to the row; the first failure ends the row and is reported in it. */
async function measureInto(row: Row, task: () => Promise<Sample> | Sample): Promise<void> {
  if (row.missing !== undefined) return;
  try {
    row.samples.push(await task());
  } catch (error) {
    row.missing = error instanceof ChildFailed ? `failed: ${error.reason}` : `failed: ${(error as Error).message}`;
  }
}

export async function benchSize(corpus: Corpus, options: SizeOptions): Promise<Row[]> {
  const { root, workDir, runs, log } = options;
  const size = corpus.count;
  const dist = join(workDir, 'dist');
  const floorScript = join(root, 'tests/bench/floor.ts');
  const timeoutMs = Math.max(120_000, size * 30);
  const tsx = ['--import', 'tsx'];

  const build = async (): Promise<Sample> => {
    const started = Date.now();
    const hadDist = readdirSync(workDir).includes('dist');
    const usage = await runNode(join(root, 'lib/cli.js'), ['build', '--content', corpus.dir, '--out', dist], {
      cwd: root,
      timeoutMs,
    });
    if (hadDist) noteDeletion(); // the writer removes the previous site once the new one is in place
    return buildSample(usage, dist, started);
  };
  /** Build state other than the output (a cache the build may keep beside `dist/` one day). */
  const clearBuildState = (): void => {
    for (const name of readdirSync(workDir))
      if (name !== 'dist' && !name.startsWith('floor-') && !name.startsWith('hugo-')) removeTree(join(workDir, name));
  };
  const hugoSite = join(workDir, 'hugo-site');
  const hugoPublic = join(workDir, 'hugo-public');
  const hugoCold = async (hugo: string): Promise<Sample> => {
    removeTree(hugoPublic);
    const started = Date.now();
    const sample = await hugoBuild(hugo, hugoSite, hugoPublic, timeoutMs);
    return { ...sample, filesWritten: filesModifiedSince(hugoPublic, started - 20).files };
  };
  const floor = async (args: string[]): Promise<Sample> => {
    const usage: ChildUsage = await runNode(floorScript, args, { cwd: root, nodeFlags: tsx, timeoutMs });
    const result = JSON.parse(usage.stdout) as FloorResult;
    const writes = args[0] === 'write';
    return {
      wallMs: result.wallMs,
      userMs: result.userMs,
      sysMs: result.sysMs,
      maxRssBytes: usage.maxRssBytes,
      ...(writes && { filesWritten: result.files, bytesWritten: result.bytes }),
    };
  };

  removeTree(workDir);
  mkdirSync(workDir, { recursive: true });

  const quietCold = rowOf(size, 'cold build, fresh folder, quiet disk (nothing deleted for a minute)');
  const rm = rowOf(size, '`rm -rf dist` before the next row (wall only)', false);
  const coldRm = rowOf(size, 'cold build right after `rm -rf dist`');
  const hugoRow = rowOf(size, 'hugo cold: `hugo --quiet` right after `rm -rf public` (same records)');
  const coldBeside = rowOf(size, 'cold build next to the previous dist (the writer swaps folders)');
  const unchanged = rowOf(size, 'rebuild, nothing changed');
  const edited = rowOf(size, 'rebuild after editing one article');
  const retitled = rowOf(size, 'rebuild after retitling one article (its streams’ pages and feeds)');
  const retagged = rowOf(size, 'rebuild after moving one article to another tag');
  const watch = rowOf(size, 'watch (`depeche dev`): edit one article → its page served', false);
  const startup = rowOf(size, 'floor: node start-up and exit, no work', false);
  const readFloor = rowOf(size, 'floor: read the records (one thread)');
  const markdownFloor = rowOf(size, 'floor: markdown-it alone on the bodies (one thread)');
  const writeQuiet = rowOf(size, 'floor: write the same files (paths, sizes), quiet disk (one thread)');
  const writeAfterRm = rowOf(size, 'floor: write the same files right after deleting as many (one thread)');

  if (options.settle) await settle(log);
  log(`N=${size}: cold build into a fresh folder`);
  await measureInto(quietCold, build);
  const haveDist = quietCold.samples.length > 0;
  if (!haveDist) {
    // Every later build would fail the same way, each after as long: report them as skipped.
    for (const row of [rm, coldRm, coldBeside, unchanged, edited, retitled, retagged])
      row.missing = 'skipped: the first cold build failed';
  }
  log(`N=${size}: floors`);
  for (let run = 1; run <= runs; run++) {
    if (haveDist) await measureInto(writeQuiet, () => floor(['write', dist, join(workDir, `floor-${run}`)]));
    await measureInto(readFloor, () => floor(['read', corpus.dir]));
    await measureInto(markdownFloor, () => floor(['markdown', corpus.dir]));
    await measureInto(startup, async () => {
      const usage = await runNode('-e', [''], { cwd: root });
      return { wallMs: usage.wallMs, userMs: usage.userMs, sysMs: usage.sysMs, maxRssBytes: usage.maxRssBytes };
    });
  }
  if (!haveDist) writeQuiet.missing = writeAfterRm.missing = 'n/a (no dist to copy the sizes from)';

  if (options.hugo === undefined) hugoRow.missing = 'skipped: Hugo is not installed (no `hugo` on the PATH)';
  else writeHugoSite(corpus, hugoSite);

  const recordPath = join(corpus.dir, 'articles', corpus.articles[Math.floor(size / 2)] ?? '');
  const edit = editor(recordPath);
  try {
    for (let run = 1; run <= runs; run++) {
      log(`N=${size}: builds, run ${run} of ${runs}`);
      const { hugo } = options;
      if (hugo !== undefined) await measureInto(hugoRow, () => hugoCold(hugo));
      await measureInto(rm, () => ({ wallMs: removeTree(dist) }));
      clearBuildState();
      await measureInto(coldRm, build);
      clearBuildState();
      await measureInto(coldBeside, build);
      await measureInto(unchanged, build);
      edit(`bench-edit-${run}`);
      await measureInto(edited, build);
      edit(`bench-edit-${run}`, 'title');
      await measureInto(retitled, build);
      edit(`bench-edit-${run}`, 'tag');
      await measureInto(retagged, build);
      if (haveDist) {
        removeTree(join(workDir, `floor-${run}`));
        await measureInto(writeAfterRm, () => floor(['write', dist, join(workDir, `floor-${run}`)]));
      }
    }
  } finally {
    edit(undefined);
  }
  if (!haveDist) {
    watch.missing = 'skipped: the first cold build failed';
  } else if (hasDevServer(root)) {
    log(`N=${size}: watch (depeche dev), ${runs} edits`);
    try {
      watch.samples.push(...(await watchLatency({ root, contentDir: corpus.dir, recordPath, runs, edit, timeoutMs })));
    } catch (error) {
      watch.missing = `failed: ${error instanceof ChildFailed ? error.reason : (error as Error).message}`;
    }
  } else {
    watch.missing = 'n/a (no watch mode yet)';
  }

  return [
    quietCold,
    rm,
    coldRm,
    hugoRow,
    coldBeside,
    unchanged,
    edited,
    retitled,
    retagged,
    watch,
    startup,
    readFloor,
    markdownFloor,
    writeQuiet,
    writeAfterRm,
  ];
}

/**
 * Edits one record: appends a sentence carrying `marker` to the original text (each edit changes it
 * again); with `title`, gives it a title carrying `marker` too; with `tag`, also puts its first tag's
 * line in another tag (one it does not have); `undefined` puts the original text back.
 */
function editor(path: string): (marker: string | undefined, also?: 'title' | 'tag') => void {
  const original = readFileSync(path);
  return (marker, also) => {
    if (marker === undefined) return writeFileSync(path, original);
    let text = `${original}\nMise à jour de la rédaction (${marker}).\n`;
    if (also !== undefined) text = text.replace(/^title: .*$/m, `title: Titre revu (${marker})`);
    if (also === 'tag') {
      const other = ['Climat', 'Budget', 'Logement'].find((tag) => !text.includes(`\n  - ${tag}\n`));
      text = text.replace(/^tags:\n {2}- .*$/m, `tags:\n  - ${other}`);
    }
    writeFileSync(path, text);
  };
}
