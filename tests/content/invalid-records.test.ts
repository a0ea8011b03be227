/**
 * The catalogue of broken records: one folder per case under tests/fixtures/invalid/, each with
 * its articles (and its own site.yaml when the case is about the settings) and `expected.txt`,
 * the exact report, one problem a line, as `content/…:LINE field: expected …, found …`.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSite } from '../../src/build.js';
import { ContentError } from '../../src/errors.js';

const fixtures = join(import.meta.dirname, '../fixtures');
const cases = readdirSync(join(fixtures, 'invalid')).sort();
const scratch = mkdtempSync(join(tmpdir(), 'depeche-invalid-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Lays the case out as `<scratch>/<case>/content/{site.yaml,articles/}`. */
function contentFor(name: string): string {
  const source = join(fixtures, 'invalid', name);
  const content = join(scratch, name, 'content');
  cpSync(join(source, 'articles'), join(content, 'articles'), { recursive: true });
  const ownSettings = join(source, 'site.yaml');
  cpSync(existsSync(ownSettings) ? ownSettings : join(fixtures, 'valid/site.yaml'), join(content, 'site.yaml'));
  return content;
}

describe('broken records are refused with every problem, exactly worded', () => {
  it('has a catalogue', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  for (const name of cases) {
    it(name, async () => {
      const content = contentFor(name);
      const error = await loadSite(content).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(ContentError);
      const report = (error as ContentError).message.split(join(scratch, name) + '/').join('');
      const expected = readFileSync(join(fixtures, 'invalid', name, 'expected.txt'), 'utf8').trimEnd();
      expect(report).toBe(expected);
    });
  }
});
