/**
 * The listing of a spare (src/write/spare-listing.ts). Under vitest the compiled worker is absent,
 * so the spare is listed in this thread: it must equal Node's own recursive listing. A worker's
 * failures are checked with small stand-in workers: each must reject the commit's wait with a
 * clear error, never hang it, and a listing nobody waits for must not keep the process alive.
 * tests/e2e/write-spare-listing.test.ts runs the compiled worker while a spare is filled.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listEntries, startListing } from '../../src/write/spare-listing.js';

const root = join(import.meta.dirname, '..', '..');
const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;

let scratch: string;
let spare: string;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-listing-'));
  spare = join(scratch, 'spare');
  for (let day = 0; day < 30; day++) {
    const folder = join(spare, 'articles', `2024-01-${String(day + 1).padStart(2, '0')}-jour`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'index.html'), `<p>${day}</p>`);
  }
  mkdirSync(join(spare, 'empty', 'deeper'), { recursive: true });
  writeFileSync(join(spare, 'index.html'), 'home');
  writeFileSync(join(spare, 'élan à l’été.txt'), 'accents');
  symlinkSync('index.html', join(spare, 'link.html'));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** Node's recursive listing, as write/spare.ts made it before. */
function nodeListing(dir: string): { files: string[]; folders: string[] } {
  const files: string[] = [];
  const folders: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name)
      .slice(dir.length + 1)
      .split(sep)
      .join('/');
    (entry.isDirectory() ? folders : files).push(path);
  }
  return { files: files.sort(), folders: folders.sort() };
}

const sorted = (entries: { files: string[]; folders: string[] }) => ({
  files: [...entries.files].sort(),
  folders: [...entries.folders].sort(),
});

/** A stand-in worker file: `code` runs in the worker thread. */
function standIn(name: string, code: string): URL {
  const file = join(scratch, `${name}.mjs`);
  writeFileSync(file, `import { parentPort, workerData } from 'node:worker_threads';\n${code}\n`);
  return pathToFileURL(file);
}

describe('the listing of a spare', () => {
  it('lists every file, link and folder once, as Node’s recursive listing does', () => {
    const listed = listEntries(spare);
    expect(sorted(listed)).toEqual(nodeListing(spare));
    expect(listed.files).toHaveLength(33);
    expect(listed.folders).toEqual(expect.arrayContaining(['articles', 'empty', 'empty/deeper']));
    expect(new Set(listed.files).size).toBe(listed.files.length);
  });

  it('lists in this thread when the compiled worker is absent (src/ under vitest)', async () => {
    const listing = startListing(spare);
    expect(listing.inWorker).toBe(false);
    expect(sorted(await listing.entries())).toEqual(nodeListing(spare));
  });

  it('takes the answer of a worker', async () => {
    const listing = startListing(
      spare,
      standIn('answers', "parentPort.postMessage({ files: ['a'], folders: [workerData] });"),
    );
    expect(listing.inWorker).toBe(true);
    expect(await listing.entries()).toEqual({ files: ['a'], folders: [spare] });
  });

  it('rejects with the listing’s error, its code kept', async () => {
    const listing = startListing(
      spare,
      standIn('refused', "parentPort.postMessage({ error: 'EACCES: permission denied', code: 'EACCES' });"),
    );
    await expect(listing.entries()).rejects.toMatchObject({
      message: expect.stringMatching(/^listing the spare .*spare failed: EACCES/),
      code: 'EACCES',
    });
  });

  it('rejects, never hangs, when its worker throws or stops before answering', async () => {
    await expect(startListing(spare, standIn('throws', "throw new Error('boom');")).entries()).rejects.toThrow(
      /the worker listing the spare .* failed: boom/,
    );
    await expect(startListing(spare, standIn('exits', 'process.exit(3);')).entries()).rejects.toThrow(
      /stopped \(exit code 3\) before it answered/,
    );
    await expect(startListing(spare, standIn('silent', '')).entries()).rejects.toThrow(
      /stopped \(exit code 0\) before it answered/,
    );
  });

  it('never takes an answer once discarded (the spare was emptied)', async () => {
    const listing = startListing(
      spare,
      standIn('late', "setTimeout(() => parentPort.postMessage({ files: ['stale'], folders: [] }), 50);"),
    );
    listing.discard();
    await new Promise((resolve) => setTimeout(resolve, 150));
    await expect(listing.entries()).rejects.toThrow(/discarded/);
  });

  it('starts its worker without the process’s options (`node --input-type=module -e`, which fail a worker)', () => {
    const answers = standIn('answers', "parentPort.postMessage({ files: ['a'], folders: [] });");
    const listing = JSON.stringify(pathToFileURL(join(root, 'src/write/spare-listing.ts')).href);
    const answersUrl = JSON.stringify(answers.href);
    const script = `import { startListing } from ${listing};
console.log(JSON.stringify(await startListing(${JSON.stringify(spare)}, new URL(${answersUrl})).entries()));`;
    const child = spawnSync(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], {
      timeout: 20_000,
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual({ files: ['a'], folders: [] });
  });

  it('does not keep the process alive when nobody waits for it (a failed build)', () => {
    const hangs = standIn('hangs', 'setInterval(() => undefined, 1000);');
    const listing = JSON.stringify(pathToFileURL(join(root, 'src/write/spare-listing.ts')).href);
    const script = `import { startListing } from ${listing};
startListing(${JSON.stringify(spare)}, new URL(${JSON.stringify(hangs.href)}));
startListing(${JSON.stringify(spare)}, new URL(${JSON.stringify(standIn('fails', "throw new Error('boom');").href)}));`;
    const main = join(scratch, 'main.mjs');
    writeFileSync(main, script);
    const child = spawnSync(process.execPath, ['--import', tsx, main], { timeout: 20_000, encoding: 'utf8' });
    expect(child.error).toBeUndefined();
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
  });
});
