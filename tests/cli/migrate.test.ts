/**
 * `depeche import --from hugo|jekyll`: the fixture sites' posts become records that build, with the
 * fields read back from the built JSON Feed and the pages' JSON-LD (JSON.parse, parse5), and a report
 * of what was not mapped, file by file.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attr, dom, elements, text } from '../helpers/html-reading.js';
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
async function built(drafts: boolean): Promise<{
  items: Map<string, FeedItem>;
  jsonLd: (slug: string) => unknown;
  body: (slug: string) => ReturnType<typeof bodyOf>;
}> {
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
  return {
    items,
    jsonLd,
    body: (slug) => bodyOf(readFileSync(join(scratch.dir, 'dist/articles', slug, 'index.html'), 'utf8')),
  };
}

/** What an article page's body shows of its figures and embeds, read with parse5. */
function bodyOf(page: string): { figures: { src?: string; caption: string; credit?: string }[]; iframes: string[] } {
  const { document } = dom(page);
  const body = elements(document, 'div').find((element) => attr(element, 'class')?.split(' ').includes('body'));
  if (body === undefined) throw new Error('no body');
  return {
    figures: elements(body, 'figure').map((figure) => {
      const credit = elements(figure, 'small')[0];
      const caption = elements(figure, 'figcaption')[0];
      return {
        src: attr(elements(figure, 'img')[0] as never, 'src'),
        caption: caption === undefined ? '' : text(caption),
        ...(credit === undefined ? {} : { credit: text(credit) }),
      };
    }),
    iframes: elements(body, 'iframe').map((iframe) => `${attr(iframe, 'src')} ${attr(iframe, 'title')}`),
  };
}

describe('depeche import --from hugo', () => {
  it('imports YAML and TOML posts, converts their shortcodes, reports the rest, and the records build', async () => {
    const site = join(fixtures, 'import-hugo');
    const result = await depeche(['import', '--from', 'hugo', site], { cwd: scratch.dir });
    expect(result.status).toBe(1);
    const posts = join(site, 'content/posts');
    expect(result.stdout.split(`${posts}/`).join('')).toBe(
      'ancien.md → content/articles/ancien.md\n' +
        '  not mapped: weight "10"\n' +
        '  not mapped: params {"featured":"true"}\n' +
        '  line 16: {{< figure src="https://images.example/ancien.jpg" alt="La place" caption="La place, en 2020" ' +
        'attr="Photo : AFP" >}} → a figure\n' +
        '  line 18: {{< youtube id="dQw4w9WgXcQ" title="Le discours" >}} → a YouTube embed\n' +
        '  line 20: {{< tweet user="depeche" id="1234" >}} is left as text\n' +
        'bruxelles-vote.md → content/articles/bruxelles-vote.md\n' +
        '  categories: the section is "Europe", "Politique" tags\n' +
        '  not mapped: aliases ["/2024/07/vote/"]\n' +
        'casse.md: not imported: expected valid TOML front matter, found invalid value (line 3, column 8)\n' +
        'mistral-microsoft/index.md → content/articles/mistral-microsoft.md\n' +
        '  no summary: the description is the first paragraph, check it\n' +
        '  line 10: {{< youtube dQw4w9WgXcQ >}} → a YouTube embed\n' +
        'depeche import: 3 posts imported, 1 not (check the notes above, then build)\n',
    );
    expect(existsSync(join(scratch.dir, 'content/articles/_index.md'))).toBe(false);
    const { items, jsonLd, body } = await built(false);
    // TOML's local date-time, read in Europe/Paris; its offset date-time as written.
    expect(items.get('ancien')).toMatchObject({
      title: 'Un ancien billet',
      summary: 'Écrit en TOML, avec des shortcodes.',
      date_published: '2020-01-01T08:30:00+01:00',
      date_modified: '2020-01-02T10:00:00+01:00',
      tags: ['histoire'],
    });
    expect(jsonLd('ancien')).toMatchObject({ articleSection: 'Archives' });
    expect(body('ancien')).toEqual({
      figures: [
        {
          src: 'https://images.example/ancien.jpg',
          caption: 'La place, en 2020 Photo : AFP',
          credit: 'Photo : AFP',
        },
      ],
      iframes: ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ Le discours'],
    });
    expect(body('mistral-microsoft').iframes).toEqual([
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ YouTube video',
    ]);
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
        '2024-02-28-en-images.md → content/articles/en-images.md\n' +
        '  line 9: {% include youtube.html id="dQw4w9WgXcQ" %} → a YouTube embed\n' +
        '  line 11: {% include figure.html image_path="https://images.example/carte.png" alt="Carte de l\'Europe" ' +
        'caption="L\'Europe des Vingt-Sept" %} → a figure\n' +
        'depeche import: 3 posts imported (check the notes above, then build)\n',
    );
    expect((await built(false)).items.has('second')).toBe(false);
    const { items, body } = await built(true);
    expect(items.get('en-images')).toMatchObject({ summary: 'Une vidéo et une carte.' });
    expect(body('en-images')).toEqual({
      figures: [{ src: 'https://images.example/carte.png', caption: "L'Europe des Vingt-Sept" }],
      iframes: ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ YouTube video'],
    });
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
