/** The programmatic API, as `import { build, check } from 'depeche'` gives it: typed outputs and problems. */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { build, check, checkFiles, ContentError, type CheckResult, type Finding, type Problem } from '../src/index.js';

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
    expect(report).toMatchObject({ errors: 0, warnings: 1, files: built.files.length });
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
