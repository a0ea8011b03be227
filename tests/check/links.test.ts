/**
 * A broken link in an article's body is in the page and in the three feeds: `check` reports it once,
 * at the record's file and line when the content folder is known, naming the outputs it is in.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { readRecords } from '../../src/check/records.js';
import { checkFiles } from '../../src/check/site.js';
import type { OutputFile } from '../../src/model.js';

const root = join(import.meta.dirname, '../..');
const SLUG = 'le-partenariat-entre-microsoft-et-mistral-ai-agace-bruxelles-mais-ravit-le-gouvernement';
const RECORD = join('articles', `${SLUG}.md`);
let dir: string;
let content: string;
let files: OutputFile[];
let line: number;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'depeche-links-'));
  content = join(dir, 'content');
  await cp(join(root, 'content'), content, { recursive: true });
  const text = await readFile(join(content, RECORD), 'utf8');
  const lines = text.split('\n');
  lines.push('', 'Voir [x](/nope/).', '');
  line = lines.length - 1;
  await writeFile(join(content, RECORD), lines.join('\n'));
  files = (await build({ contentDir: content, write: false })).files;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const broken = (options: Parameters<typeof checkFiles>[1]) =>
  checkFiles(files, options).findings.filter((finding) => finding.rule === 'broken-link');
const OUTPUTS = `articles/${SLUG}/index.html, atom.xml, feed.json, feed.xml`;

describe('a broken link in an article body', () => {
  it('is reported once, at the record file and line, naming the four outputs', async () => {
    const found = broken({ folder: 'dist', records: await readRecords(content) });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: join(content, RECORD), line, severity: 'error' });
    expect(found[0]?.message).toBe(
      'a href points at https://depeche.example/nope/: ' +
        `expected a page or file at dist/nope/index.html, found none (in ${OUTPUTS})`,
    );
  });

  it('is reported once, at the page, without the content folder', () => {
    const found = broken({ folder: 'dist' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: `dist/articles/${SLUG}/index.html` });
    expect(found[0]?.message).toMatch(new RegExp(`found none \\(in ${OUTPUTS.replaceAll('.', '\\.')}\\)$`));
  });
});
