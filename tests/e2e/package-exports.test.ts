/**
 * Every name the docs import from 'depeche' is importable from the package as a user installs it:
 * `npm pack`, the tarball installed in a scratch project, then each name imported there by Node
 * (values) and by tsc (values and types). So the docs and `src/index.ts` cannot drift apart.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const IMPORT = /import\s+(type\s+)?\{([^}]*)\}\s*from\s*['"]depeche['"]/g;

interface Imported {
  name: string;
  typeOnly: boolean;
  file: string;
}

/** The names of every `import { … } from 'depeche'` in README.md and docs/**\/*.md. */
function documentedImports(): Imported[] {
  const docs = readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.md'))
    .map((path) => join('docs', path));
  const imported: Imported[] = [];
  for (const file of ['README.md', ...docs]) {
    for (const match of readFileSync(join(root, file), 'utf8').matchAll(IMPORT)) {
      for (const item of (match[2] ?? '').split(',').map((text) => text.trim())) {
        if (item === '') continue;
        const typeOnly = match[1] !== undefined || item.startsWith('type ');
        imported.push({ name: item.replace(/^type\s+/, '').replace(/\s+as\s+\w+$/, ''), typeOnly, file });
      }
    }
  }
  return imported;
}

const scratch = mkdtempSync(join(tmpdir(), 'depeche-pack-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

beforeAll(() => {
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' }),
  ) as { filename: string }[];
  const tarball = join(scratch, packed[0]?.filename ?? '');
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], {
    cwd: scratch,
    stdio: 'pipe',
  });
});

describe("the package's exports against the docs", () => {
  const imported = documentedImports();

  it('finds the imports the docs show', () => {
    expect(imported.map((entry) => entry.name)).toEqual(expect.arrayContaining(['build', 'check', 'startDevServer']));
  });

  it('gives Node every value the docs import', () => {
    const values = [...new Set(imported.filter((entry) => !entry.typeOnly).map((entry) => entry.name))];
    const script =
      "import * as depeche from 'depeche';\n" +
      `console.log(JSON.stringify(${JSON.stringify(values)}.filter((name) => depeche[name] === undefined)));\n`;
    writeFileSync(join(scratch, 'values.mjs'), script);
    const missing = JSON.parse(execFileSync('node', ['values.mjs'], { cwd: scratch, encoding: 'utf8' })) as string[];
    expect(missing).toEqual([]);
  });

  it('gives tsc every value and type the docs import, from the installed types', () => {
    const lines = imported.map(
      (entry, index) => `import ${entry.typeOnly ? 'type ' : ''}{ ${entry.name} as n${index} } from 'depeche';`,
    );
    const uses = imported.map((entry, index) => (entry.typeOnly ? `n${index}` : `typeof n${index}`));
    writeFileSync(join(scratch, 'names.ts'), `${lines.join('\n')}\nexport type Uses = [${uses.join(', ')}];\n`);
    const args = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext'];
    const types = ['--types', 'node', '--typeRoots', join(root, 'node_modules/@types')];
    const tsc = join(root, 'node_modules/.bin/tsc');
    const run = (): string => execFileSync(tsc, [...args, ...types, 'names.ts'], { cwd: scratch, encoding: 'utf8' });
    expect(run).not.toThrow();
  });
});
