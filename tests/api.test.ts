/** The programmatic API, as `import { build, check } from 'depeche'` gives it: typed outputs and problems. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createSiteState } from '../src/dev/site-state.js';
import {
  build,
  check,
  checkFiles,
  ContentError,
  type CheckResult,
  type Finding,
  loadSite,
  type Problem,
} from '../src/index.js';

const root = join(import.meta.dirname, '..');
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-api-'));
  cpSync(join(root, 'content'), join(scratch, 'content'), { recursive: true });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the API', () => {
  it('builds, then checks the folder it wrote', async () => {
    const out = join(scratch, 'dist');
    const built = await build({ contentDir: join(scratch, 'content'), outDir: out });
    expect(built.site.articles).toHaveLength(1);
    expect(built.files.map((file) => file.path)).toContain('feed.xml');
    const report = await check({ dir: out });
    expectTypeOf(report).toEqualTypeOf<CheckResult>();
    expectTypeOf(report.findings).toEqualTypeOf<Finding[]>();
    expect(report).toMatchObject({ errors: 0, warnings: 0, files: built.files.length });
  });

  it('checks a build that was never written', async () => {
    const built = await build({ contentDir: join(scratch, 'content'), write: false });
    expect(checkFiles(built.files).errors).toBe(0);
  });

  it('throws a ContentError carrying every problem', async () => {
    writeFileSync(join(scratch, 'content/articles/x.md'), '---\ntitle: X\n---\n');
    const error: unknown = await build({ contentDir: join(scratch, 'content'), write: false }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ContentError);
    const problems = (error as ContentError).problems;
    expectTypeOf(problems).toEqualTypeOf<readonly Problem[]>();
    expect(problems.map((problem) => problem.field)).toEqual(['datePublished', 'description']);
  });
});

describe('file names in problems, warnings and findings', () => {
  // The tests run in the project's folder: the option is another folder, and the names follow it.
  let dir: string;
  let content: string;
  let seed: string;
  const problemsOf = async (run: () => Promise<unknown>): Promise<readonly Problem[]> => {
    const error: unknown = await run().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (!(error instanceof ContentError)) throw new Error(`expected a ContentError, got ${String(error)}`);
    return error.problems;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'depeche-names-'));
    content = join(dir, 'content');
    cpSync(join(root, 'content'), content, { recursive: true });
    seed = join(content, 'articles', readdirSync(join(content, 'articles'))[0] ?? '');
    expect(process.cwd()).not.toBe(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are relative to namesRelativeTo in build and loadSite, and as contentDir is spelled by default', async () => {
    writeFileSync(join(content, 'articles/x.md'), '---\ntitle: X\n---\n');
    try {
      const files = async (options: { namesRelativeTo?: string }) =>
        (await problemsOf(() => build({ contentDir: content, write: false, ...options }))).map(
          (problem) => problem.file,
        );
      expect(await files({ namesRelativeTo: dir })).toEqual(['content/articles/x.md', 'content/articles/x.md']);
      expect(await files({ namesRelativeTo: content })).toEqual(['articles/x.md', 'articles/x.md']);
      // The working directory (the project's folder) does not hold the content: names stay as spelled.
      expect(await files({ namesRelativeTo: process.cwd() })).toEqual([
        `${content}/articles/x.md`,
        `${content}/articles/x.md`,
      ]);
      expect(await files({})).toEqual([`${content}/articles/x.md`, `${content}/articles/x.md`]);
      const loaded = await problemsOf(() => loadSite(content, undefined, false, dir));
      expect(loaded.map((problem) => problem.file)).toEqual(['content/articles/x.md', 'content/articles/x.md']);
    } finally {
      rmSync(join(content, 'articles/x.md'));
    }
  });

  it('name the public folder and the articles folder as the settings file is named', async () => {
    const logo = readFileSync(join(content, 'public/logo.png'));
    rmSync(join(content, 'public/logo.png'));
    try {
      const [missing] = await problemsOf(() => build({ contentDir: content, write: false, namesRelativeTo: dir }));
      expect(missing).toMatchObject({
        file: 'content/site.yaml',
        field: 'logo',
        message: expect.stringMatching(/^expected an image file content\/public\/logo\.png \(JPEG, .*\), found none$/),
      });
      const state = createSiteState(content, 'http://localhost:4321/', 'test', dir);
      const served = await state.rebuild();
      expect(served.ok === false && served.problems).toEqual([missing]);
    } finally {
      writeFileSync(join(content, 'public/logo.png'), logo);
    }
    const text = readFileSync(seed, 'utf8');
    writeFileSync(seed, text.replace('\n---\n', '\ndraft: true\n---\n'));
    try {
      const [drafts] = await problemsOf(() => build({ contentDir: content, write: false, namesRelativeTo: dir }));
      expect(drafts).toMatchObject({ file: 'content/articles', field: '(folder)' });
      expect(await problemsOf(() => loadSite(content, undefined, false, dir))).toEqual([drafts]);
      const served = await createSiteState(content, 'http://localhost:4321/', 'test', dir).rebuild();
      expect(served.ok === false && served.problems).toEqual([drafts]);
    } finally {
      writeFileSync(seed, text);
    }
  });

  it('of a cached record follow the option: the cache is not reused under another name', async () => {
    const text = readFileSync(seed, 'utf8');
    writeFileSync(seed, text.replace(/^title: (.*)$/m, 'title: "\\u0001$1"'));
    try {
      const out = join(dir, 'dist');
      const incremental = (namesRelativeTo: string) =>
        build({ contentDir: content, outDir: out, keepFiles: false, incremental: true, namesRelativeTo });
      const first = await incremental(dir);
      expect(first.warnings.map((warning) => [warning.file, warning.field])).toEqual([
        [`content/articles/${basename(seed)}`, 'title'],
      ]);
      const again = await incremental(dir);
      expect(again.reused).toBe(1);
      expect(again.warnings).toEqual(first.warnings);
      const elsewhere = await incremental(content);
      expect(elsewhere.reused).toBe(0);
      expect(elsewhere.warnings.map((warning) => warning.file)).toEqual([`articles/${basename(seed)}`]);
    } finally {
      writeFileSync(seed, text);
    }
  });

  it('of check follow the option, for the built folder and the records', async () => {
    const out = join(dir, 'dist-checked');
    await build({ contentDir: content, outDir: out });
    // A finding to name: the logo every page shows, gone.
    rmSync(join(out, 'logo.png'));
    const options = { dir: out, content, namesRelativeTo: dir };
    const { findings } = await check(options);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) expect(finding.file).toMatch(/^(dist-checked|content)\//);
    const spelled = await check({ dir: out, content });
    expect(spelled.findings.map((finding) => finding.file)).toEqual(findings.map((finding) => join(dir, finding.file)));
  });
});
