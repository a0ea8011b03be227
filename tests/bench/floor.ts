/**
 * The floor: the least work any build of the corpus must do, one thread, timed in-process (no
 * start-up), so the benchmark can say how far above it the real build is.
 *
 *   node --import tsx tests/bench/floor.ts read CONTENT_DIR
 *   node --import tsx tests/bench/floor.ts markdown CONTENT_DIR
 *   node --import tsx tests/bench/floor.ts write TEMPLATE_DIR OUT_DIR
 *
 * `read` reads every article record and decodes it as UTF-8; `markdown` renders every record's body with markdown-it
 * alone (CommonMark, as the build configures it), the files already in memory; `write` writes
 * files with the same paths and sizes as those under TEMPLATE_DIR (a built site) into OUT_DIR,
 * which must not exist. Prints one JSON line: `{ wallMs, userMs, sysMs, files, bytes }`.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import MarkdownIt from 'markdown-it';

export interface FloorResult {
  wallMs: number;
  userMs: number;
  sysMs: number;
  files: number;
  bytes: number;
}

function timed(work: () => { files: number; bytes: number }): FloorResult {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const { files, bytes } = work();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallMs, userMs: used.user / 1000, sysMs: used.system / 1000, files, bytes };
}

function articlePaths(contentDir: string): string[] {
  const dir = join(contentDir, 'articles');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join(dir, name));
}

function read(contentDir: string): FloorResult {
  return timed(() => {
    let bytes = 0;
    const paths = articlePaths(contentDir);
    for (const path of paths) {
      const data = readFileSync(path);
      if (data.toString('utf8').length === 0) throw new Error(`empty record ${path}`);
      bytes += data.byteLength;
    }
    return { files: paths.length, bytes };
  });
}

function markdown(contentDir: string): FloorResult {
  const bodies = articlePaths(contentDir).map((path) => {
    const text = readFileSync(path, 'utf8');
    const closing = text.indexOf('\n---\n', 4);
    return closing === -1 ? text : text.slice(closing + 5);
  });
  const renderer = new MarkdownIt('commonmark', { html: false });
  return timed(() => {
    let bytes = 0;
    for (const body of bodies) bytes += renderer.render(body).length;
    return { files: bodies.length, bytes };
  });
}

function write(templateDir: string, outDir: string): FloorResult {
  const files = readdirSync(templateDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path: relative(templateDir, path), size: statSync(path).size };
    });
  // Not Math.max(...sizes): 200,000 arguments overflow the stack.
  const largest = files.reduce((most, file) => Math.max(most, file.size), 0);
  const filler = Buffer.alloc(largest, 'a');
  return timed(() => {
    let bytes = 0;
    mkdirSync(outDir);
    const folders = new Set<string>();
    for (const file of files) folders.add(dirname(join(outDir, file.path)));
    for (const folder of [...folders].sort()) mkdirSync(folder, { recursive: true });
    for (const file of files) {
      writeFileSync(join(outDir, file.path), filler.subarray(0, file.size));
      bytes += file.size;
    }
    return { files: files.length, bytes };
  });
}

const [task, first, second] = process.argv.slice(2);
if (task === 'read' && first !== undefined) process.stdout.write(`${JSON.stringify(read(first))}\n`);
else if (task === 'markdown' && first !== undefined) process.stdout.write(`${JSON.stringify(markdown(first))}\n`);
else if (task === 'write' && first !== undefined && second !== undefined)
  process.stdout.write(`${JSON.stringify(write(first, second))}\n`);
else {
  process.stderr.write('usage: floor.ts read CONTENT_DIR | markdown CONTENT_DIR | write TEMPLATE_DIR OUT_DIR\n');
  process.exitCode = 2;
}
