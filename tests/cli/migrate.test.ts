/**
 * `depeche import --from hugo|jekyll`: the fixture sites' posts become records that build, with the
 * fields read back from the built JSON Feed and the pages' JSON-LD (JSON.parse, parse5), and a report
 * of what was not mapped, file by file.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dom, elements, text } from '../helpers/html-reading.js';
import { depeche, scratchWithSeed } from './fake-io.js';

const fixtures = join(import.meta.dirname, '../fixtures');
let scratch: { dir: string; remove: () => void };
beforeEach(() => {
  scratch = scratchWithSeed();
  appendFileSync(join(scratch.dir, 'content/site.yaml'), 'timeZone: Europe/Paris\n');
});
afterEach(() => scratch.remove());

interface FeedItem {
  id: string;
  title: string;
  summary: string;
  date_published: string;
  date_modified?: string;
  tags?: string[];
}

/** The built site's JSON Feed items and an article page's JSON-LD, read back. */
async function built(drafts: boolean): Promise<{ items: Map<string, FeedItem>; jsonLd: (slug: string) => unknown }> {
  const result = await depeche(['build', '--json', ...(drafts ? ['--drafts'] : [])], {
    cwd: scratch.dir,
    // After the newest post (July 2024), so that none is scheduled.
    now: Date.parse('2024-08-01T00:00:00Z'),
  });
  expect(JSON.parse(result.stdout)).toMatchObject({ ok: true });
  const feed = JSON.parse(readFileSync(join(scratch.dir, 'dist/feed.json'), 'utf8')) as { items: FeedItem[] };
  const items = new Map(feed.items.map((item) => [item.id.replace(/^.*\/articles\/|\/$/g, ''), item]));
  const jsonLd = (slug: string): unknown => {
    const page = readFileSync(join(scratch.dir, 'dist/articles', slug, 'index.html'), 'utf8');
    const { document } = dom(page);
    const script = elements(document, 'script').find((element) =>
      element.attrs.some((attribute) => attribute.value === 'application/ld+json'),
    );
    // The article's node: the first of the graph.
    return (JSON.parse(script === undefined ? 'null' : text(script)) as { '@graph': unknown[] })['@graph'][0];
  };
  return { items, jsonLd };
}

describe('depeche import --from hugo', () => {
  it('imports the YAML posts, reports what was not mapped, refuses the TOML one, and the records build', async () => {
    const site = join(fixtures, 'import-hugo');
    const result = await depeche(['import', '--from', 'hugo', site], { cwd: scratch.dir });
    expect(result.status).toBe(1);
    const posts = join(site, 'content/posts');
    expect(result.stdout.split(`${posts}/`).join('')).toBe(
      'ancien.md: not imported: TOML front matter (+++) is not read: convert it to YAML (---) first\n' +
        'bruxelles-vote.md → content/articles/bruxelles-vote.md\n' +
        '  categories: the section is "Europe", "Politique" tags\n' +
        '  not mapped: aliases ["/2024/07/vote/"]\n' +
        'mistral-microsoft/index.md → content/articles/mistral-microsoft.md\n' +
        '  no summary: the description is the first paragraph, check it\n' +
        '  line 10: {{< youtube dQw4w9WgXcQ >}} is left as text\n' +
        'depeche import: 2 posts imported, 1 not (check the notes above, then build)\n',
    );
    expect(existsSync(join(scratch.dir, 'content/articles/_index.md'))).toBe(false);
    const { items, jsonLd } = await built(false);
    // No offset in the post: read in site.yaml's Europe/Paris, summer time in July.
    expect(items.get('bruxelles-vote')).toMatchObject({
      title: 'Bruxelles : le vote sur l’IA',
      summary: 'Le Parlement européen adopte le règlement.',
      date_published: '2024-07-01T09:00:00+02:00',
      date_modified: '2024-07-02T10:30:00+02:00',
      tags: ['Politique', 'IA'],
    });
    expect(jsonLd('bruxelles-vote')).toMatchObject({ articleSection: 'Europe' });
    expect(items.get('mistral-microsoft')).toMatchObject({
      summary: 'Le partenariat entre Microsoft et Mistral AI agace Bruxelles.',
      date_published: '2024-02-27T18:30:00+01:00',
    });
    expect(jsonLd('mistral-microsoft')).toMatchObject({
      articleSection: 'Économie',
      author: [{ name: 'Camille Dupont' }],
    });
  });
});

describe('depeche import --from jekyll', () => {
  it('dates a post by its file name, keeps an unpublished one a draft, and the records build', async () => {
    const site = join(fixtures, 'import-jekyll');
    const result = await depeche(['import', '--from', 'jekyll', site], { cwd: scratch.dir });
    expect(result.status).toBe(0);
    expect(result.stdout.split(`${join(site, '_posts')}/`).join('')).toBe(
      '2024-02-26-premier-billet.md → content/articles/premier-billet.md\n' +
        '  categories: the section is "europe", "numerique" tags\n' +
        '  not mapped: layout "post"\n' +
        '2024-02-27-second.markdown → content/articles/second.md\n' +
        '  no summary: the description is the first paragraph, check it\n' +
        '  not mapped: layout "post"\n' +
        '  not mapped: permalink "/second/"\n' +
        '  line 12: {% include video.html id="abc" %} is left as text\n' +
        'depeche import: 2 posts imported (check the notes above, then build)\n',
    );
    expect((await built(false)).items.has('second')).toBe(false);
    const { items } = await built(true);
    expect(items.get('premier-billet')).toMatchObject({
      title: 'Premier billet',
      summary: 'Un premier billet sur l’IA en Europe.',
      date_published: '2024-02-26T00:00:00+01:00',
      tags: ['numerique', 'ia'],
    });
    expect(items.get('second')).toMatchObject({
      title: 'Le second : un brouillon',
      date_published: '2024-02-27T18:30:00+01:00',
      date_modified: '2024-02-28T08:00:00+01:00',
    });
  });

  it('never replaces a record, and refuses an unknown --from (exit 2)', async () => {
    const site = join(fixtures, 'import-jekyll');
    await depeche(['import', '--from', 'jekyll', site], { cwd: scratch.dir });
    const again = await depeche(['import', '--from', 'jekyll', site], { cwd: scratch.dir });
    expect(again.status).toBe(1);
    expect(again.stdout).toContain('2024-02-26-premier-billet.md: not imported: premier-billet.md exists\n');
    expect((await depeche(['import', '--from', 'wordpress', site], { cwd: scratch.dir })).status).toBe(2);
  });
});
