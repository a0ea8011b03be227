/**
 * Scheduling (src/scheduled.ts, build.ts, incremental/): a record dated after the build's now is in
 * no file of the site until a build whose now is past its date, full or incremental, and comes back
 * under embargo when a later build's now is earlier again.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../src/build.js';
import { schedule } from '../src/scheduled.js';
import { treeOf } from './helpers/tree.js';

const SLUG = 'budget-sous-embargo';
const TITLE = 'Budget sous embargo jusqu a jeudi';
const EMBARGO =
  `---\ntitle: ${TITLE}\ndescription: Le chapeau.\ndatePublished: 2024-03-03T09:00:00+01:00\n` +
  `slug: ${SLUG}\n---\nLe corps.\n`;
// Before the record's date, after it.
const T1 = new Date('2024-03-02T00:00:00Z');
const T3 = new Date('2024-03-04T00:00:00Z');

let scratch: string;
let content: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-scheduled-'));
  content = join(scratch, 'content');
  cpSync(join(import.meta.dirname, 'fixtures/valid'), content, { recursive: true });
  writeFileSync(join(content, 'articles', `${SLUG}.md`), EMBARGO);
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** Every file of `dir` that names the record (its slug or its title), by path. */
function naming(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8', withFileTypes: false })
    .filter((path) => {
      try {
        const text = readFileSync(join(dir, path), 'utf8');
        return text.includes(SLUG) || text.includes(TITLE);
      } catch {
        return false; // a folder
      }
    })
    .sort();
}

const options = (now: Date, extra: Partial<BuildOptions> = {}): BuildOptions => ({
  contentDir: content,
  outDir: join(scratch, 'dist'),
  now,
  keepFiles: false,
  ...extra,
});

describe('a record dated after now', () => {
  it('is in no file of the site, and is reported with the next due date', async () => {
    const result = await build(options(T1));
    expect(naming(join(scratch, 'dist'))).toEqual([]);
    expect(result.site.articles).toHaveLength(2);
    expect(result.scheduled).toEqual([
      {
        file: join(content, 'articles', `${SLUG}.md`),
        datePublished: '2024-03-03T09:00:00+01:00',
        epochMs: Date.parse('2024-03-03T08:00:00Z'),
      },
    ]);
    expect(result.nextDue).toBe('2024-03-03T09:00:00+01:00');
    // The footer's year and the feeds' update are the published articles', not the embargoed one's.
    expect(result.site.updated.iso).toBe('2024-03-01T08:30:00+01:00');
  });

  it('is in every listing with future: true, or once now is past its date', async () => {
    for (const built of [await build(options(T1, { future: true })), await build(options(T3))]) {
      const named = naming(join(scratch, 'dist'));
      for (const path of ['feed.xml', 'atom.xml', 'feed.json', 'sitemap-1.xml', 'index.html', '404.html'])
        expect(named).toContain(path);
      expect(named).toContain(`articles/${SLUG}/index.html`);
      expect(built.scheduled).toEqual([]);
      expect(built.nextDue).toBeUndefined();
    }
  });

  it('appears in an incremental build once now is past its date, and leaves again under an earlier now', async () => {
    const dist = join(scratch, 'dist');
    const full = async (now: Date): Promise<ReturnType<typeof treeOf>> => {
      const reference = join(scratch, `reference-${now.getTime()}`);
      await build({ ...options(now), outDir: reference });
      return treeOf(reference);
    };
    await build(options(T1, { incremental: true }));
    expect(naming(dist)).toEqual([]);
    // Nothing changed but now: the record is read again, not taken for left out.
    const later = await build(options(T3, { incremental: true }));
    expect(later.reused).toBe(2);
    expect(naming(dist)).toEqual(expect.arrayContaining(['feed.xml', 'atom.xml', 'feed.json', 'sitemap-1.xml']));
    expect(treeOf(dist)).toEqual(await full(T3));
    // A build whose now is earlier than the cache's: the cached, published record is not reused.
    const earlier = await build(options(T1, { incremental: true }));
    expect(earlier.reused).toBe(2);
    expect(naming(dist)).toEqual([]);
    expect(treeOf(dist)).toEqual(await full(T1));
  });

  it('is still checked: an invalid scheduled record fails the build', async () => {
    writeFileSync(
      join(content, 'articles', `${SLUG}.md`),
      EMBARGO.replace('description: Le chapeau.', 'description: ""'),
    );
    await expect(build(options(T1))).rejects.toThrow(/budget-sous-embargo\.md:3 description/);
  });

  it('leaves a site of scheduled records only with nothing to build, and says how to build them', async () => {
    for (const name of readdirSync(join(content, 'articles')))
      if (name !== `${SLUG}.md`) rmSync(join(content, 'articles', name));
    await expect(build(options(T1))).rejects.toThrow(/found only drafts and scheduled records.*--future/);
  });
});

describe('schedule', () => {
  it('sorts the scheduled records soonest first and names the next due', () => {
    const record = (file: string, iso: string) => ({ file, datePublished: iso, epochMs: Date.parse(iso) });
    const late = record('b.md', '2024-05-01T10:00:00+02:00');
    const soon = record('a.md', '2024-04-01T10:00:00+02:00');
    expect(schedule([late, soon])).toEqual({ scheduled: [soon, late], nextDue: soon.datePublished });
    expect(schedule([])).toEqual({ scheduled: [] });
  });
});
