/**
 * Local files named by site.yaml and the records must be among the site's paths: the pure check, then
 * the build and the dev server on a copy of the valid fixture with a file removed.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { type LocalFilesInput, missingLocalFiles } from '../../src/content/local-files.js';
import { createSiteState } from '../../src/dev/site-state.js';
import { ContentError } from '../../src/errors.js';

const settingsText = 'title: T\nurl: https://news.example/\npublisher:\n  name: P\n  logo: { src: /logo.png }\n';

function input(paths: string[], logo: string, images: string[]): LocalFilesInput {
  return {
    site: { url: 'https://news.example/', publisher: { logo: { url: logo } } },
    articles: images.map((url, index) => ({
      sourcePath: `content/articles/a${index}.md`,
      image: { url, alt: 'x', width: 1, height: 1 },
    })),
    paths: new Set(paths),
    settings: { file: 'content/site.yaml', text: settingsText },
    publicDir: 'content/public',
  };
}

describe('missingLocalFiles', () => {
  it('names the setting, its line and the expected file for a missing logo', () => {
    expect(missingLocalFiles(input([], 'https://news.example/logo.png', []))).toEqual([
      {
        file: 'content/site.yaml',
        line: 5,
        field: 'publisher.logo.src',
        message: 'expected a file content/public/logo.png, found none',
      },
    ]);
  });

  it('names the record and field of a missing image, decoding the path', () => {
    const problems = missingLocalFiles(
      input(['logo.png'], 'https://news.example/logo.png', ['https://news.example/images/une%20photo.jpg']),
    );
    expect(problems).toEqual([
      {
        file: 'content/articles/a0.md',
        field: 'image.src',
        message: 'expected a file content/public/images/une photo.jpg, found none',
      },
    ]);
  });

  it('accepts present files and never checks remote URLs', () => {
    const paths = ['logo.png', 'images/a.jpg'];
    const images = ['https://news.example/images/a.jpg', 'https://cdn.example/b.jpg'];
    expect(missingLocalFiles(input(paths, 'https://cdn.example/logo.png', images))).toEqual([]);
    expect(missingLocalFiles(input(paths, 'https://news.example/logo.png', images))).toEqual([]);
  });
});

describe('a local file missing from public/', () => {
  let root: string;
  let scratch: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'depeche-local-files-'));
    scratch = join(root, 'content');
    cpSync(join(import.meta.dirname, '../fixtures/valid'), scratch, { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** The problem a build reports for the fixture's logo, removed; its line read from the file as text. */
  function logoProblem(): object {
    const settings = readFileSync(join(scratch, 'site.yaml'), 'utf8').split('\n');
    const line = settings.findIndex((text) => /^\s+logo:/.test(text)) + 1;
    expect(line).toBeGreaterThan(0);
    return {
      file: join(scratch, 'site.yaml'),
      line,
      field: 'publisher.logo.src',
      message: `expected a file ${join(scratch, 'public')}/logo.png, found none`,
    };
  }

  it('fails the build, naming the setting, its line and the path, and writes nothing', async () => {
    rmSync(join(scratch, 'public/logo.png'));
    const outDir = join(root, 'dist');
    const error = await build({ contentDir: scratch, outDir }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems).toEqual([logoProblem()]);
    expect(existsSync(outDir)).toBe(false);
  });

  it('names the record of a missing image, beyond the feeds too, in a build that keeps no files', async () => {
    rmSync(join(scratch, 'public/images'), { recursive: true });
    const settings = join(scratch, 'site.yaml');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace(/^ {2}limit: \d+$/m, '  limit: 1'));
    const error = await build({ contentDir: scratch, outDir: join(root, 'dist'), keepFiles: false }).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems).toEqual([
      {
        file: join(scratch, 'articles/tous-les-champs.md'),
        field: 'image.src',
        message: `expected a file ${join(scratch, 'public')}/images/une.jpg, found none`,
      },
    ]);
  });

  it('is the same problem in depeche dev, and the site is served again once the file is back', async () => {
    const logo = readFileSync(join(scratch, 'public/logo.png'));
    rmSync(join(scratch, 'public/logo.png'));
    const state = createSiteState(scratch, 'http://localhost:4321/', 'test');
    const failed = await state.rebuild();
    expect(failed.ok).toBe(false);
    expect(failed.ok === false && failed.problems).toEqual([logoProblem()]);
    writeFileSync(join(scratch, 'public/logo.png'), logo);
    expect((await state.rebuild(['public/logo.png'])).ok).toBe(true);
  });
});
