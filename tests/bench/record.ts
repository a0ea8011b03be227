/**
 * One benchmark article record (front matter + Markdown body) and the site settings, as pure
 * functions of `(seed, index)`. Each article draws from its own seeded streams, so article `i` is
 * the same in every corpus of the same seed, whatever its size.
 */
import { formatParis } from './dates.js';
import {
  figure,
  headline,
  jobTitle,
  NBSP,
  personName,
  quotation,
  quotedSentence,
  sentence,
  slugify,
  specialCharacterSentence,
  subheading,
} from './french.js';
import { createRandom, type Random } from './prng.js';
import {
  CITATION_TYPES,
  citation,
  entity,
  organizationName,
  SECTIONS,
  TAG_POOL,
  type CitationRecord,
} from './sources.js';
import { mappingLines, type YamlValue } from './yaml-text.js';

/** The words of an article body, as `countWords` counts them. */
export const WORDS = { min: 600, max: 1200 } as const;

/** Articles are published between these instants (UTC). */
const FIRST_MS = Date.UTC(2013, 0, 1);
const LAST_MS = Date.UTC(2025, 0, 1);
const DAY_MS = 86_400_000;

const SITE_URL = 'https://depeche.example/';

/** How many authors `site.yaml` declares unless told: a newsroom's desk. */
export const AUTHORS = 12;

const authorLists = new Map<string, [id: string, name: string][]>();

/**
 * The `count` authors `site.yaml` declares: `[id, name]`, the same for every seed (ids are what records
 * cite); the first 12 of any count are the same, so a corpus with more authors differs only in who signs.
 */
export function siteAuthors(seed: number, count = AUTHORS): [id: string, name: string][] {
  const known = authorLists.get(`${seed}:${count}`);
  if (known !== undefined) return known;
  const r = createRandom(`${seed}:authors`);
  const authors = new Map<string, string>();
  while (authors.size < count) {
    const name = personName(r);
    authors.set(slugify(name), name);
  }
  const list = [...authors];
  authorLists.set(`${seed}:${count}`, list);
  return list;
}

export function siteYaml(seed: number, authorCount = AUTHORS): string {
  const authors = Object.fromEntries(
    siteAuthors(seed, authorCount).map(([id, name], index) => [
      id,
      { name, url: `/auteurs/${id}/`, ...(index % 3 === 0 && { sameAs: [`https://mastodon.example/@${id}`] }) },
    ]),
  );
  return `${mappingLines({
    url: SITE_URL,
    title: 'Dépêche',
    description: 'L’actualité française et européenne, de la politique à l’économie.',
    language: 'fr',
    publisher: { name: 'Dépêche', url: SITE_URL, logo: { src: '/logo.png', width: 600, height: 60 } },
    authors,
    feed: { limit: 50 },
  }).join('\n')}\n`;
}

/** What names an article and dates it: drawn from its own stream, so other articles can link to it. */
export interface Identity {
  title: string;
  slug: string;
  /** The record's file name in `articles/`. */
  fileName: string;
  /** True when the file name is not `<slug>.md`, so the record sets `slug`. */
  explicitSlug: boolean;
  publishedMs: number;
}

export function identity(seed: number, index: number): Identity {
  const r = createRandom(`${seed}:${index}:identity`);
  const title = headline(r);
  const slug = `${slugify(title)}-${index}`;
  const day = r.int(0, (LAST_MS - FIRST_MS) / DAY_MS - 1);
  // Newsroom hours, 05:00–22:59 UTC.
  const publishedMs = FIRST_MS + day * DAY_MS + r.int(5 * 60, 22 * 60 + 59) * 60_000;
  const explicitSlug = r.chance(0.1);
  const fileName = explicitSlug ? `${formatParis(publishedMs).slice(0, 10)}-${index}.md` : `${slug}.md`;
  return { title, slug, fileName, explicitSlug, publishedMs };
}

/** Words of Markdown as a reader sees them: tokens with a letter or digit, URLs and syntax left out. */
export function countWords(markdown: string): number {
  const visible = markdown.replace(/\]\([^)\s]*\)/g, ' ').replace(/^#+ |^> |^- /gm, ' ');
  return visible.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

function paragraph(r: Random, extra?: string): string {
  const sentences: string[] = [];
  const target = r.int(40, 85);
  let words = 0;
  while (words < target) {
    const next = r.chance(0.12) ? quotedSentence(r) : sentence(r);
    sentences.push(next);
    words += countWords(next);
  }
  if (extra !== undefined) sentences.splice(r.int(0, sentences.length), 0, extra);
  return sentences.join(' ');
}

/** A sentence with a link: absolute to a source, or relative to a page of the site. */
function linkedSentence(r: Random, citations: readonly CitationRecord[]): string {
  const source = r.pick(citations);
  return r.chance(0.5)
    ? `Le document, [consultable en ligne](${source.url}), ` +
        `${r.pick(['détaille', 'chiffre', 'résume'])} ${figure(r)} de dépenses.`
    : `Notre [dossier complet](/dossiers/${slugify(source.name, 5)}/) revient sur ce sujet.`;
}

const IMAGE_HOST = 'https://images.depeche.example/';

/** A photo of the body, on the newsroom's image host: the corpus holds no image files, and a local one must exist. */
function image(r: Random, slug: string, date: string): string {
  const src = r.chance(0.7)
    ? `${IMAGE_HOST}${date.slice(0, 4)}/${date.slice(5, 7)}/${slug.slice(0, 40)}-${r.int(1, 9)}.jpg`
    : `${IMAGE_HOST}${date.slice(0, 4)}/${slug.slice(0, 40)}.jpg`;
  return `![${subheading(r)}, ${date.slice(0, 4)}](${src})\n*Photo${NBSP}: ${personName(r)} pour Dépêche*`;
}

function readAlso(r: Random, seed: number, index: number): string {
  if (index === 0) return `*Lire aussi${NBSP}:* [toute la rubrique](/rubriques/${slugify(r.pick(SECTIONS))}/)`;
  const other = identity(seed, r.int(0, index - 1));
  const href = r.chance(0.5) ? `/articles/${other.slug}/` : `../${other.slug}/`;
  return `*Lire aussi${NBSP}:* [${other.title}](${href})`;
}

function body(r: Random, seed: number, index: number, self: Identity, citations: readonly CitationRecord[]): string {
  const target = r.int(WORDS.min + 20, WORDS.max - 140);
  const date = formatParis(self.publishedMs);
  const blocks: string[] = [];
  let words = 0;
  const push = (block: string): void => {
    blocks.push(block);
    words += countWords(block);
  };
  push(paragraph(r, specialCharacterSentence(r, '&')));
  push(image(r, self.slug, date));
  push(paragraph(r, linkedSentence(r, citations)));
  push(`## ${subheading(r)}`);
  push(paragraph(r, specialCharacterSentence(r, '<')));
  push(`> «${NBSP}${quotation(r)}.${NBSP}»\n>\n> — ${personName(r)}, ${jobTitle(r)}`);
  push(paragraph(r));
  push(readAlso(r, seed, index));
  for (let count = 0; words < target; count++) {
    if (count % 3 === 2) push(`## ${subheading(r)}`);
    else if (r.chance(0.1)) push(Array.from({ length: r.int(3, 5) }, () => `- ${sentence(r)}`).join('\n'));
    else push(paragraph(r, r.chance(0.3) ? linkedSentence(r, citations) : undefined));
  }
  if (words < WORDS.min || words > WORDS.max)
    throw new Error(`article ${index}: ${words} words, outside ${WORDS.min}–${WORDS.max}`);
  return `${blocks.join('\n\n')}\n`;
}

/** Article `index` of the corpus of `seed` with `authors` declared: its file name and text. */
export function articleRecord(seed: number, index: number, authors = AUTHORS): { fileName: string; text: string } {
  const self = identity(seed, index);
  const r = createRandom(`${seed}:${index}:record`);
  const authorIds = siteAuthors(seed, authors).map(([id]) => id);
  const types = r.sample(CITATION_TYPES, r.int(1, 4));
  const basedOn = r.chance(0.3);
  const month = formatParis(self.publishedMs).slice(0, 7);
  if (basedOn && !types.includes('NewsArticle')) types[0] = 'NewsArticle';
  const citations = types.map((type) => citation(r, type, self.publishedMs));
  const modifiedMs = r.chance(0.25) ? self.publishedMs + r.int(10, 60 * 24 * 20) * 60_000 : undefined;
  const front: Record<string, YamlValue | undefined> = {
    title: self.title,
    description: `${sentence(r).slice(0, -1)}${r.chance(0.1) ? ` (R&D < 5${NBSP}%)` : ''}.`,
    datePublished: formatParis(self.publishedMs),
    dateModified: modifiedMs === undefined ? undefined : formatParis(modifiedMs),
    authors: r.sample(authorIds, r.chance(0.8) ? 1 : r.int(2, 3)),
    slug: self.explicitSlug ? self.slug : undefined,
    id: r.chance(0.05) ? `urn:uuid:${uuid(r)}` : undefined,
    lang: r.chance(0.02) ? 'fr-BE' : undefined,
    section: r.pick(SECTIONS),
    tags: r.sample(TAG_POOL, r.int(2, 6)),
    image: r.chance(0.85)
      ? {
          // On the newsroom's image host: the corpus holds no image files, and a local one must exist.
          src: `${IMAGE_HOST}${month.replace('-', '/')}/${self.slug.slice(0, 40)}-une.jpg`,
          alt: headline(r),
          width: 1200,
          height: 675,
        }
      : undefined,
    isBasedOn: basedOn ? citations.find((source) => source.type === 'NewsArticle')?.url : undefined,
    citations: citations.map((source) => ({ ...source })),
    mentions: Array.from({ length: r.int(1, 5) }, () => entity(r)),
    about: r.chance(0.3) ? [entity(r)] : undefined,
    quotes: [
      {
        text: quotation(r),
        spokenBy: {
          name: personName(r),
          jobTitle: r.chance(0.8) ? jobTitle(r) : undefined,
          affiliation: r.chance(0.5) ? organizationName(r) : undefined,
        },
      },
    ],
  };
  const text = `---\n${mappingLines(front).join('\n')}\n---\n${body(r, seed, index, self, citations)}`;
  // Most editors type plain spaces around « » and before % (the page typography binds them);
  // a fifth of the records carry the no-break spaces a French keyboard layout or a CMS puts there.
  return { fileName: self.fileName, text: r.chance(0.2) ? text : text.replaceAll(NBSP, ' ') };
}

function uuid(r: Random): string {
  const hex = Array.from({ length: 32 }, () => r.int(0, 15).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}
