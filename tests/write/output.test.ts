import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../src/model.js';
import { confined, writeSite } from '../../src/write/output.js';
import { temporaryFolders, treeOf } from '../helpers/tree.js';

let scratch: string;
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

function newScratch(): string {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-write-'));
  return scratch;
}

/** A site of `count` pages of `size` bytes each, in nested folders. */
function site(label: string, count = 20, size = 100): OutputFile[] {
  return Array.from({ length: count }, (_, i) => ({
    path: `articles/a-${i}/index.html`,
    contents: `${label} ${i} `.padEnd(size, label),
  }));
}

describe('writeSite', () => {
  it('writes every file and replaces the previous site whole', async () => {
    const out = join(newScratch(), 'dist');
    await writeSite(out, [
      { path: 'a/index.html', contents: 'one' },
      { path: 'old.txt', contents: 'x' },
    ]);
    await writeSite(out, [
      { path: 'a/index.html', contents: 'two' },
      { path: 'b.bin', contents: new Uint8Array([1, 2]) },
    ]);
    expect(readFileSync(join(out, 'a/index.html'), 'utf8')).toBe('two');
    expect([...readFileSync(join(out, 'b.bin'))]).toEqual([1, 2]);
    expect(readdirSync(out).sort()).toEqual(['a', 'b.bin']);
    expect(readdirSync(scratch)).toEqual(['dist']);
  });

  it('leaves the previous site untouched when a path would leave the folder, and no temporary folder', async () => {
    const out = join(newScratch(), 'dist');
    await writeSite(out, [{ path: 'index.html', contents: 'old' }]);
    await expect(
      writeSite(out, [
        { path: 'index.html', contents: 'new' },
        { path: '../escape.txt', contents: 'x' },
      ]),
    ).rejects.toThrow(/outside the output folder/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old');
    expect(readdirSync(scratch)).toEqual(['dist']);
  });

  it('leaves the previous site byte-identical when rendering fails midway (a file that throws when read)', async () => {
    const out = join(newScratch(), 'dist');
    await writeSite(out, site('old'));
    const before = treeOf(out);
    const failing = site('new');
    failing.splice(10, 0, {
      path: 'articles/boom/index.html',
      get contents(): string {
        throw new Error('renderer failed');
      },
    });
    await expect(writeSite(out, failing)).rejects.toThrow('renderer failed');
    expect(treeOf(out)).toEqual(before);
    expect(temporaryFolders(scratch)).toEqual([]);
  });

  it('puts back the previous site when a build was killed between its two renames', async () => {
    const parent = newScratch();
    mkdirSync(join(parent, '.depeche-old-dist-1-a'));
    writeFileSync(join(parent, '.depeche-old-dist-1-a/index.html'), 'old');
    mkdirSync(join(parent, '.depeche-new-dist-1-a'));
    await writeSite(join(parent, 'dist'), [{ path: 'index.html', contents: 'new' }]);
    expect(readFileSync(join(parent, 'dist/index.html'), 'utf8')).toBe('new');
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('removes what dead builds left, and leaves alone the folder of a build still running', async () => {
    const parent = newScratch();
    const running = spawn('sleep', ['60']);
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    try {
      mkdirSync(join(parent, `.depeche-new-dist-000000001-${running.pid}-aaaaaa`));
      mkdirSync(join(parent, `.depeche-new-dist-000000001-${dead}-bbbbbb`));
      mkdirSync(join(parent, `.depeche-old-dist-000000001-${dead}-cccccc`));
      mkdirSync(join(parent, `.depeche-new-dist-000000001-${process.pid}-dddddd`));
      mkdirSync(join(parent, 'dist'));
      await writeSite(join(parent, 'dist'), [{ path: 'index.html', contents: 'new' }]);
      // This process is not writing `dddddd`: it is what an earlier, failed call left.
      expect(temporaryFolders(parent)).toEqual([`.depeche-new-dist-000000001-${running.pid}-aaaaaa`]);
    } finally {
      running.kill('SIGKILL');
    }
  });

  it('two builds of one process into one folder at once: each ends whole, nothing is left behind', async () => {
    const out = join(newScratch(), 'dist');
    await writeSite(out, site('old'));
    const results = await Promise.allSettled([writeSite(out, site('one')), writeSite(out, site('two'))]);
    expect(results.some((result) => result.status === 'fulfilled')).toBe(true);
    const contents = readFileSync(join(out, 'articles/a-0/index.html'), 'utf8');
    expect(['one', 'two']).toContain(contents.slice(0, 3));
    expect(treeOf(out)).toEqual(treeOf(await writeOnce(contents.slice(0, 3))));
    expect(temporaryFolders(scratch)).toEqual([]);
  });

  it('gives every file and folder the modification time it is asked for (SOURCE_DATE_EPOCH)', async () => {
    const out = join(newScratch(), 'dist');
    const mtime = new Date(1_709_107_200_000);
    await writeSite(out, site('x', 3), { mtime });
    for (const path of ['', 'articles', 'articles/a-0', 'articles/a-0/index.html', 'articles/a-2/index.html']) {
      expect(statSync(join(out, path)).mtimeMs, path).toBe(mtime.getTime());
    }
  });
});

/** The same site written alone, for comparison. */
async function writeOnce(label: string): Promise<string> {
  const out = join(scratch, `reference-${label}`);
  await writeSite(out, site(label));
  return out;
}

describe('the output folder is replaced whole, so the writer refuses folders it must not take', () => {
  it('the working directory or a folder holding it (`--out .` would have replaced the project)', async () => {
    const parent = newScratch();
    const project = join(parent, 'project');
    mkdirSync(join(project, 'content'), { recursive: true });
    writeFileSync(join(project, 'notes.txt'), 'keep');
    const cwd = process.cwd();
    process.chdir(project);
    try {
      await expect(writeSite('.', site('x'))).rejects.toThrow(/refusing to replace .* it holds the working directory/);
      await expect(writeSite('..', site('x'))).rejects.toThrow(/refusing to replace .* it holds the working directory/);
    } finally {
      process.chdir(cwd);
    }
    expect(readFileSync(join(project, 'notes.txt'), 'utf8')).toBe('keep');
    expect(readdirSync(parent)).toEqual(['project']);
  });

  it('the content folder, a folder holding it, or a folder inside it', async () => {
    const parent = newScratch();
    const content = join(parent, 'site/content');
    mkdirSync(content, { recursive: true });
    for (const out of [content, join(parent, 'site'), join(content, 'public/dist')]) {
      await expect(writeSite(out, site('x'), { protect: [content] })).rejects.toThrow(
        /refusing to replace .* (holds|is inside) /,
      );
    }
    expect(readdirSync(join(parent, 'site'))).toEqual(['content']);
    expect(readdirSync(content)).toEqual([]);
  });

  it('the root of the file system', async () => {
    newScratch();
    await expect(writeSite('/', site('x'))).rejects.toThrow(/refusing to replace \/ with the site/);
  });
});

describe('a full disk', () => {
  /** A 1 MB tmpfs: root can mount one where the sandbox allows it. */
  function mountSmallDisk(): string | undefined {
    const disk = join(newScratch(), 'disk');
    mkdirSync(disk);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk]);
    return mounted.status === 0 ? disk : undefined;
  }

  it(
    'leaves the previous site byte-identical, and no temporary folder, on ' + 'a real disk that fills up',
    async (context) => {
      const disk = mountSmallDisk();
      if (disk === undefined) {
        context.skip('mounting a tmpfs needs root; tests/write-failures.test.ts injects ENOSPC instead');
        return;
      }
      try {
        const out = join(disk, 'dist');
        await writeSite(out, site('old', 20, 10_000));
        const before = treeOf(out);
        await expect(writeSite(out, site('new', 200, 10_000))).rejects.toMatchObject({ code: 'ENOSPC' });
        expect(treeOf(out)).toEqual(before);
        expect(temporaryFolders(disk)).toEqual([]);
        // Once there is room again, the next build goes through.
        await writeSite(out, site('new', 20, 10_000));
        expect(readFileSync(join(out, 'articles/a-0/index.html'), 'utf8').slice(0, 3)).toBe('new');
      } finally {
        spawnSync('umount', [disk]);
      }
    },
  );
});

describe('confined', () => {
  it.each(['../x', 'a/../../x', '/etc/passwd', '', 'a\0b'])('refuses %j', (path) => {
    expect(() => confined('/srv/dist', path)).toThrow(/outside the output folder/);
  });
  it('accepts nested paths', () => {
    expect(confined('/srv/dist', 'articles/a/index.html')).toBe('/srv/dist/articles/a/index.html');
  });
});
