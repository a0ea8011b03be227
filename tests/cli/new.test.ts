/** `depeche new`: the file it writes, its date, and that it never overwrites. */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { depeche, scratchWithSeed } from './fake-io.js';

let scratch: { dir: string; remove: () => void };
beforeEach(() => {
  scratch = scratchWithSeed();
});
afterEach(() => scratch.remove());

describe('depeche new', () => {
  it('writes content/articles/<slug>.md, a draft dated now with the local offset', async () => {
    const result = await depeche(['new', 'L’Europe s’inquiète'], {
      cwd: scratch.dir,
      now: Date.parse('2024-07-14T10:30:00Z'),
      offsetMinutes: 120,
    });
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toBe(
      'depeche: wrote content/articles/leurope-sinquiete.md\n  fill in its description and body, then remove "draft: ' +
        'true" to publish it\n',
    );
    const text = readFileSync(join(scratch.dir, 'content/articles/leurope-sinquiete.md'), 'utf8');
    expect(text).toMatch(/^---\ntitle: L’Europe s’inquiète\n/);
    expect(text).toContain('\ndatePublished: 2024-07-14T12:30:00+02:00\n');
    expect(text).toContain('\ndraft: true\n');
  });

  it("stamps the offset of site.yaml's timeZone, not the machine's, daylight saving included", async () => {
    appendFileSync(join(scratch.dir, 'content/site.yaml'), 'timeZone: America/New_York\n');
    for (const [now, expected] of [
      ['2024-07-14T10:30:00Z', '2024-07-14T06:30:00-04:00'],
      ['2024-01-14T10:30:00Z', '2024-01-14T05:30:00-05:00'],
    ] as const) {
      const result = await depeche(['new', `Titre ${now.slice(5, 7)}`], {
        cwd: scratch.dir,
        now: Date.parse(now),
        offsetMinutes: 120,
      });
      expect(result).toMatchObject({ status: 0, stderr: '' });
      const text = readFileSync(join(scratch.dir, `content/articles/titre-${now.slice(5, 7)}.md`), 'utf8');
      expect(text).toContain(`\ndatePublished: ${expected}\n`);
    }
  });

  it('refuses a misspelt timeZone with a "did you mean", and writes nothing', async () => {
    appendFileSync(join(scratch.dir, 'content/site.yaml'), 'timeZone: Europe/Pari\n');
    const result = await depeche(['new', 'Titre'], { cwd: scratch.dir });
    expect(result).toMatchObject({ status: 1, stdout: '' });
    expect(result.stderr).toMatch(
      new RegExp(
        String.raw`^content\/site\.yaml:\d+ timeZone: expected an IANA time zone such as "Europe\/Paris", ` +
          String.raw`found "Europe\/Pari" \(did you mean "Europe\/Paris"\?\)\n$`,
      ),
    );
  });

  it('writes a record that builds once its description is filled and the draft line removed', async () => {
    await depeche(['new', 'Un titre : avec deux-points'], { cwd: scratch.dir });
    const path = join(scratch.dir, 'content/articles/un-titre-avec-deux-points.md');
    const text = readFileSync(path, 'utf8');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, text.replace('description: ""', 'description: Un chapeau.').replace('draft: true\n', ''));
    const built = await depeche(['build', '--json'], { cwd: scratch.dir });
    expect(JSON.parse(built.stdout)).toMatchObject({ ok: true, summary: { articles: 2 } });
  });

  it('refuses to overwrite, and takes --slug', async () => {
    expect((await depeche(['new', 'Titre'], { cwd: scratch.dir })).status).toBe(0);
    const again = await depeche(['new', 'Titre'], { cwd: scratch.dir });
    expect(again).toMatchObject({ status: 1, stdout: '' });
    expect(again.stderr).toBe(
      'depeche: content/articles/titre.md already exists; it was left as it was (choose another title or --slug)\n',
    );
    expect((await depeche(['new', 'Titre', '--slug', 'titre-2'], { cwd: scratch.dir })).stdout).toContain(
      'content/articles/titre-2.md',
    );
  });

  it('refuses a title without letters, and a bad --slug (exit 2)', async () => {
    expect((await depeche(['new', '« ! »'], { cwd: scratch.dir })).status).toBe(2);
    expect((await depeche(['new', 'Titre', '--slug', 'Titre'], { cwd: scratch.dir })).stderr).toContain(
      '--slug expects lowercase letters, digits and single hyphens',
    );
  });
});
