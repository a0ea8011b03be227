/** `depeche import`: writes the record (or prints it) and lists what it found for the editor to check. */
import { appendFileSync, copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { depeche, scratchWithSeed } from './fake-io.js';

const root = join(import.meta.dirname, '../..');
const SLUG = 'le-partenariat-entre-microsoft-et-mistral-ai-agace-bruxelles-mais-ravit-le-gouvernement';
let scratch: { dir: string; remove: () => void };
beforeEach(() => {
  scratch = scratchWithSeed();
  copyFileSync(join(root, 'tests/fixtures/import/usine-digitale-mistral.txt'), join(scratch.dir, 'article.txt'));
});
afterEach(() => scratch.remove());

describe('depeche import', () => {
  it('refuses to replace the record it would write', async () => {
    const result = await depeche(['import', 'article.txt'], { cwd: scratch.dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `depeche: content/articles/${SLUG}.md already exists; it was left as it was (choose another title or --slug)\n`,
    );
  });

  it("dates the record in site.yaml's timeZone", async () => {
    appendFileSync(join(scratch.dir, 'content/site.yaml'), 'timeZone: Asia/Kolkata\n');
    const result = await depeche(['import', 'article.txt', '--slug', 'mistral'], {
      cwd: scratch.dir,
      now: Date.parse('2024-02-28T08:00:00Z'),
    });
    expect(result.status).toBe(0);
    const text = readFileSync(join(scratch.dir, 'content/articles/mistral.md'), 'utf8');
    expect(text).toContain('\ndatePublished: 2024-02-28T13:30:00+05:30\n');
  });

  it('writes a draft that builds, and says what it found', async () => {
    const result = await depeche(['import', 'article.txt', '--slug', 'mistral'], { cwd: scratch.dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      'depeche: wrote content/articles/mistral.md\n' +
        '  title from the source URL (check its spelling): Le partenariat entre Microsoft et Mistral AI agace ' +
        'Bruxelles mais ravit le gouvernement\n' +
        `  source: https://www.usine-digitale.fr/article/${SLUG}.N2209051\n` +
        '  2 quotes: Kai Zenner, Kim van Sparrentak\n' +
        '  4 repeated lines dropped ("Restez informés en temps réel"…)\n' +
        '  dates in the text: 2024-02-27 (le 27 février 2024), 2024-02-26 (le 26 février 2024); datePublished is set ' +
        'to now\n',
    );
    const built = await depeche(['build', '--drafts', '--json'], { cwd: scratch.dir });
    expect(JSON.parse(built.stdout)).toMatchObject({ ok: true, summary: { articles: 2 } });
  });

  it('prints the record with --print and writes nothing', async () => {
    const result = await depeche(
      ['import', 'article.txt', '--print', '--url', 'https://exemple.fr/2024/02/bruxelles-s-agace'],
      { cwd: scratch.dir },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^---\ntitle: Bruxelles s’agace\n/);
    expect(result.stdout).toContain('isBasedOn: https://exemple.fr/2024/02/bruxelles-s-agace\n');
    expect(result.stderr).toContain('  source: https://exemple.fr/2024/02/bruxelles-s-agace\n');
    expect(readFileSync(join(scratch.dir, 'content/articles', `${SLUG}.md`), 'utf8')).not.toContain('draft');
  });

  it('answers a missing file and a bad --url with exit code 2', async () => {
    expect((await depeche(['import', 'nowhere.txt'], { cwd: scratch.dir })).stderr).toContain(
      'expected a text file to import, found nothing readable at nowhere.txt',
    );
    expect((await depeche(['import', 'article.txt', '--url', 'exemple.fr'], { cwd: scratch.dir })).status).toBe(2);
  });
});
