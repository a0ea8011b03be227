/**
 * Local files named by site.yaml and the records must be among the site's paths: the pure check, then
 * the build and the dev server on a copy of the valid fixture with a file removed.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { type LocalFilesInput, missingLocalFiles, withFieldLines } from '../../src/content/local-files.js';
import { createSiteState } from '../../src/dev/site-state.js';
import { ContentError } from '../../src/errors.js';

const settingsText = 'title: T\nurl: https://news.example/\npublisher:\n  name: P\n  logo: { src: /logo.png }\n';

function input(
  paths: string[],
  logo: string,
  images: string[],
  bodyImages: LocalFilesInput['articles'][number]['bodyImages'] = [],
): LocalFilesInput {
  return {
    site: { url: 'https://news.example/', publisher: { logo: { url: logo } } },
    articles: [
      ...images.map((url, index) => ({
        sourcePath: `content/articles/a${index}.md`,
        image: { url, alt: 'x', width: 1, height: 1 },
        bodyImages: [],
      })),
      ...(bodyImages.length === 0 ? [] : [{ sourcePath: 'content/articles/body.md', bodyImages }]),
    ],
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

  it('names the record, the line and the path of an image of the body that names no file', () => {
    const body = [
      { url: 'https://news.example/images/a.jpg', line: 9 },
      { url: 'https://news.example/images/absente.png', line: 12 },
      { url: 'https://cdn.example/remote.png', line: 13 },
    ];
    expect(missingLocalFiles(input(['logo.png', 'images/a.jpg'], 'https://news.example/logo.png', [], body))).toEqual([
      {
        file: 'content/articles/body.md',
        line: 12,
        field: 'body',
        message: 'expected a file content/public/images/absente.png, found none',
      },
    ]);
  });

  it('accepts an image of the body that is a file the build writes', () => {
    const body = [{ url: 'https://news.example/articles/x/', line: 5 }];
    const paths = ['logo.png', 'articles/x/index.html'];
    expect(missingLocalFiles(input(paths, 'https://news.example/logo.png', [], body))).toEqual([]);
  });

  it("gives a record's missing image.src the line of the field, from the record's text", () => {
    const text = '---\ntitle: T\ndescription: D\nimage:\n  alt: x\n  src: /images/x.jpg\n---\nCorps.\n';
    const problems = missingLocalFiles(
      input(['logo.png'], 'https://news.example/logo.png', ['https://news.example/images/x.jpg']),
    );
    expect(withFieldLines(problems, new Map([['content/articles/a0.md', text]]))).toEqual([
      {
        file: 'content/articles/a0.md',
        line: 6,
        field: 'image.src',
        message: 'expected a file content/public/images/x.jpg, found none',
      },
    ]);
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
        line: lineOf('articles/tous-les-champs.md', /^image:/),
        field: 'image.src',
        message: `expected a file ${join(scratch, 'public')}/images/une.jpg, found none`,
      },
      bodyImageProblem(),
    ]);
  });

  /** The line of the first line of the record `name` that matches `pattern`, read from the file as text. */
  function lineOf(name: string, pattern: RegExp): number {
    const line =
      readFileSync(join(scratch, name), 'utf8')
        .split(/\r?\n/)
        .findIndex((text) => pattern.test(text)) + 1;
    expect(line).toBeGreaterThan(0);
    return line;
  }

  /** The problem for the image of the CRLF fixture's body (`/images/b.png`), removed. */
  function bodyImageProblem(): object {
    return {
      file: join(scratch, 'articles/windows-crlf-bom.md'),
      line: lineOf('articles/windows-crlf-bom.md', /!\[image\]\(\/images\/b\.png\)/),
      field: 'body',
      message: `expected a file ${join(scratch, 'public')}/images/b.png, found none`,
    };
  }

  it('fails the build on an image of a body that names no file, at its line; links are not files', async () => {
    rmSync(join(scratch, 'public/images/b.png'));
    const record = join(scratch, 'articles/windows-crlf-bom.md');
    // A link to a page that is no file of public/ is not checked: only images are.
    writeFileSync(record, `${readFileSync(record, 'utf8')}\r\n\r\n[À propos](/a-propos/)\r\n`);
    const outDir = join(root, 'dist');
    const error = await build({ contentDir: scratch, outDir }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems).toEqual([bodyImageProblem()]);
    expect(existsSync(outDir)).toBe(false);
  });

  it("fails the build on a raw HTML <img> of a body that names no file, at its tag's line", async () => {
    const record = join(scratch, 'articles/windows-crlf-bom.md');
    // A block of raw HTML over several lines, an inline tag, and an image of public/ that exists.
    const raw = [
      '<div class="encadre">',
      '<p>Une carte :</p>',
      '<img src="/images/carte.jpg" alt="Carte">',
      '</div>',
      '',
      'Un pictogramme <img src="../../images/picto.png" alt=""> et <img src="/images/b.png" alt="">.',
    ];
    writeFileSync(record, `${readFileSync(record, 'utf8')}\r\n\r\n${raw.join('\r\n')}\r\n`);
    const error = await build({ contentDir: scratch, write: false }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ContentError);
    const problem = (line: number, path: string) => ({
      file: join(scratch, 'articles/windows-crlf-bom.md'),
      line,
      field: 'body',
      message: `expected a file ${join(scratch, 'public')}/${path}, found none`,
    });
    expect((error as ContentError).problems).toEqual([
      problem(lineOf('articles/windows-crlf-bom.md', /carte\.jpg/), 'images/carte.jpg'),
      problem(lineOf('articles/windows-crlf-bom.md', /picto\.png/), 'images/picto.png'),
    ]);
  });

  it('fails an incremental build whose record, taken from the cache, names a file since removed', async () => {
    const outDir = join(root, 'dist');
    const options = { contentDir: scratch, outDir, incremental: true, keepFiles: false };
    await build(options);
    // The records are taken from the cache, not rendered again.
    expect((await build(options)).reused).toBe(2);
    rmSync(join(scratch, 'public/images/b.png'));
    const error = await build(options).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems).toEqual([bodyImageProblem()]);
  });

  it('accepts an image of a body that is a file the build writes, in build and dev', async () => {
    const record = join(scratch, 'articles/windows-crlf-bom.md');
    const images = '![Le flux](/feed.xml) ![Une page](../tous-les-champs/)';
    writeFileSync(record, `${readFileSync(record, 'utf8')}\r\n\r\n${images}\r\n`);
    await expect(build({ contentDir: scratch, write: false })).resolves.toBeDefined();
    const state = createSiteState(scratch, 'http://localhost:4321/', 'test');
    expect((await state.rebuild()).ok).toBe(true);
    writeFileSync(record, readFileSync(record, 'utf8').replace('Un paragraphe.', 'Un paragraphe modifié.'));
    const edited = await state.rebuild(['articles/windows-crlf-bom.md']);
    expect(edited.ok && edited.scope).toBe('records');
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

  it("is the same problem in depeche dev for an image of a body, and for a record's image.src", async () => {
    const image = readFileSync(join(scratch, 'public/images/b.png'));
    // The article's own image is a picture the build processes: it comes back as it was.
    const picture = readFileSync(join(scratch, 'public/images/une.jpg'));
    rmSync(join(scratch, 'public/images'), { recursive: true });
    const state = createSiteState(scratch, 'http://localhost:4321/', 'test');
    const failed = await state.rebuild();
    expect(failed.ok === false && failed.problems).toEqual([
      {
        file: join(scratch, 'articles/tous-les-champs.md'),
        line: lineOf('articles/tous-les-champs.md', /^image:/),
        field: 'image.src',
        message: `expected a file ${join(scratch, 'public')}/images/une.jpg, found none`,
      },
      bodyImageProblem(),
    ]);
    mkdirSync(join(scratch, 'public/images'));
    writeFileSync(join(scratch, 'public/images/b.png'), image);
    writeFileSync(join(scratch, 'public/images/une.jpg'), picture);
    expect((await state.rebuild(['public/images/b.png', 'public/images/une.jpg'])).ok).toBe(true);
  });
});
