/**
 * schema.org JSON-LD for article pages and the home page. Nodes are typed twice: by our own stricter
 * types below (a citation always has an `@type`, a date-time always carries its offset), and, at the
 * return, by `schema-dts`'s `Graph`, so every property name and value shape is one schema.org allows.
 */
import type { CreativeWork, Graph, IdReference, Thing } from 'schema-dts';
import {
  type Article,
  type Citation,
  type DateTime,
  type Entity,
  type Image,
  lastUpdated,
  type Person,
  type Quote,
  type Site,
  type SiteSettings,
} from '../model.js';
import type { ItemListNode, ListPageNode, ProfileNode } from './list-jsonld.js';

type Sign = '+' | '-';
/** `YYYY-MM-DD`: a calendar date (schema.org `Date`). */
export type IsoDate = `${number}-${number}-${number}`;
/** `YYYY-MM-DDTHH:MM:SS` followed by `Z` or `±HH:MM`: a date-time that says where it happened. */
export type DateTimeWithOffset = `${IsoDate}T${number}:${number}:${number}${'Z' | `${Sign}${number}:${number}`}`;

/** Every `@type` schema-dts knows for a CreativeWork (`NewsArticle`, `Legislation`, `Report`…). */
export type CreativeWorkType = Exclude<CreativeWork, string>['@type'];
/** Every `@type` schema-dts knows for a Thing (`Organization`, `Person`, `Place`…). */
export type ThingType = Exclude<Thing, string>['@type'];

/** A length in pixels: schema.org's `width`/`height` take a QuantitativeValue, not a bare number. */
export interface PixelsNode {
  '@type': 'QuantitativeValue';
  value: number;
  /** UN/CEFACT common code for "pixel". */
  unitCode: 'E37';
}

export interface ImageNode {
  '@type': 'ImageObject';
  url: string;
  width: PixelsNode;
  height: PixelsNode;
  /** The image's text alternative. */
  description?: string;
  caption?: string;
  /** Google's image metadata: who to credit, the notice, the licence and where to get one. */
  creditText?: string;
  copyrightNotice?: string;
  license?: string;
  acquireLicensePage?: string;
}

export interface OrganizationNode {
  '@type': 'Organization';
  name: string;
}

export interface PersonNode {
  '@type': 'Person';
  /** A declared author's: the node of their page (list-jsonld.ts), which tells authors apart. */
  '@id'?: string;
  name: string;
  url?: string;
  sameAs?: string[];
  jobTitle?: string;
  affiliation?: OrganizationNode;
}

export interface PublisherNode {
  '@type': 'NewsMediaOrganization';
  '@id': string;
  name: string;
  url: string;
  logo: ImageNode;
}

/** A source the article cites: always a typed, identified node. */
export type CitationNode = { [T in CreativeWorkType]: CitationNodeOf<T> }[CreativeWorkType];

interface CitationNodeOf<T extends CreativeWorkType> {
  '@type': T;
  '@id': string;
  name: string;
  url: string;
  publisher?: OrganizationNode;
  author?: PersonNode;
  datePublished?: IsoDate | DateTimeWithOffset;
  inLanguage?: string;
}

/** Something the article mentions or is about: always typed. */
export type EntityNode = { [T in ThingType]: EntityNodeOf<T> }[ThingType];

interface EntityNodeOf<T extends ThingType> {
  '@type': T;
  name: string;
  sameAs?: string[];
}

/**
 * A quotation. schema.org has no `spokenBy`; `spokenByCharacter` (domain Quotation, range Person or
 * Organization) names "to whom the quotation is attributed within the containing CreativeWork", and
 * `isPartOf` (CreativeWork → CreativeWork) ties it to that work, the article.
 */
export interface QuotationNode {
  '@type': 'Quotation';
  '@id': string;
  text: string;
  spokenByCharacter: PersonNode;
  isPartOf: IdReference;
  isBasedOn?: IdReference | string;
}

/** The page that carries the article. Its `@id` is `<url>#webpage`, so that it stays a node of
 * its own when the article's `@id` is its URL (the default). */
export interface WebPageNode {
  '@type': 'WebPage';
  '@id': string;
  url: string;
}

export interface NewsArticleNode {
  '@type': 'NewsArticle';
  '@id': string;
  headline: string;
  description: string;
  datePublished: DateTimeWithOffset;
  /** Always given, `datePublished` when the record was never modified: Google recommends both. */
  dateModified: DateTimeWithOffset;
  inLanguage: string;
  /** People by value; the publisher, when it is the author, by reference. */
  author: (PersonNode | IdReference)[];
  publisher: IdReference;
  image?: ImageNode | ImageNode[];
  mainEntityOfPage: WebPageNode;
  url: string;
  articleSection?: string;
  keywords?: string[];
  isBasedOn?: IdReference | string;
  citation?: CitationNode[];
  mentions?: EntityNode[];
  about?: EntityNode[];
  correction?: CorrectionNode[];
}

/** A correction notice of the article, as the page shows it. */
export interface CorrectionNode {
  '@type': 'CorrectionComment';
  text: string;
  datePublished: DateTimeWithOffset;
}

export interface WebSiteNode {
  '@type': 'WebSite';
  '@id': string;
  name: string;
  description: string;
  url: string;
  inLanguage: string;
  publisher: IdReference;
}

/** Our graph: schema-dts's `Graph` with only the nodes above. */
export interface DepecheGraph<Node> {
  '@context': 'https://schema.org';
  '@graph': Node[];
}

const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;
const DATE = /^\d{4}-\d\d-\d\d$/;

/** The model's date-time as a `DateTimeWithOffset`; throws if the model broke its promise of an offset. */
export function withOffset(dateTime: DateTime): DateTimeWithOffset {
  if (!DATE_TIME.test(dateTime.iso)) throw new Error(`expected a date-time with offset, got "${dateTime.iso}"`);
  return dateTime.iso as DateTimeWithOffset;
}

function dateOrDateTime(value: string): IsoDate | DateTimeWithOffset {
  if (DATE.test(value)) return value as IsoDate;
  if (DATE_TIME.test(value)) return value as DateTimeWithOffset;
  throw new Error(`expected a date or a date-time with offset, got "${value}"`);
}

function pixels(value: number): PixelsNode {
  return { '@type': 'QuantitativeValue', value, unitCode: 'E37' };
}

export function imageNode(image: Image): ImageNode {
  return {
    '@type': 'ImageObject',
    url: image.url,
    width: pixels(image.width),
    height: pixels(image.height),
    ...(image.alt === '' ? {} : { description: image.alt }),
    ...(image.caption === undefined ? {} : { caption: image.caption }),
    ...(image.credit === undefined ? {} : { creditText: image.credit }),
    ...(image.copyright === undefined ? {} : { copyrightNotice: image.copyright }),
    ...(image.license === undefined ? {} : { license: image.license }),
    ...(image.acquireLicensePage === undefined ? {} : { acquireLicensePage: image.acquireLicensePage }),
  };
}

/**
 * The article's `image`: a remote one as declared; a local one as its three crops (16:9, 4:3, 1:1), which Google's
 * Article guidelines ask for, each with the record's credits.
 */
function articleImage(image: Image): ImageNode | ImageNode[] {
  if (image.local === undefined) return imageNode(image);
  return image.local.crops.map((crop) =>
    imageNode({ ...image, url: crop.url, width: crop.width, height: crop.height }),
  );
}

/** The picture that stands for the article in its metadata: its own, else the site's default (`site.yaml` `image`). */
export function shownImage(site: Pick<SiteSettings, 'image'>, article: Pick<Article, 'image'>): Image | undefined {
  return article.image ?? site.image;
}

/** The `@id` of a declared author's node: a fragment of the author's page (`page`: its folder). */
export function personId(site: Pick<SiteSettings, 'url'>, page: string): string {
  return `${site.url}${page}#person`;
}

export function personNode(site: Pick<SiteSettings, 'url'>, person: Person): PersonNode {
  return {
    '@type': 'Person',
    ...(person.page === undefined ? {} : { '@id': personId(site, person.page) }),
    name: person.name,
    ...(person.jobTitle === undefined ? {} : { jobTitle: person.jobTitle }),
    ...(person.url === undefined ? {} : { url: person.url }),
    ...(person.sameAs.length === 0 ? {} : { sameAs: [...person.sameAs] }),
  };
}

function publisherNode(site: SiteSettings): PublisherNode {
  const { publisher } = site;
  return {
    '@type': 'NewsMediaOrganization',
    '@id': publisher.id,
    name: publisher.name,
    url: publisher.url,
    logo: imageNode(publisher.logo),
  };
}

/** The `@id` of the article's n-th citation (1-based): a fragment of the page, which the page defines. */
export function citationId(article: Article, index: number): string {
  return `${article.url}#citation-${index + 1}`;
}

/** The `@id` of the article's n-th quotation (1-based), also a fragment the page defines. */
export function quotationId(article: Article, index: number): string {
  return `${article.url}#quote-${index + 1}`;
}

function citationNode(article: Article, citation: Citation, index: number): CitationNode {
  const node: CitationNodeOf<CreativeWorkType> = {
    // Trusted: checking the type against the vocabulary (a CreativeWork) is content validation's job.
    '@type': citation.type as CreativeWorkType,
    '@id': citationId(article, index),
    name: citation.name,
    url: citation.url,
    ...(citation.publisher === undefined ? {} : { publisher: { '@type': 'Organization', name: citation.publisher } }),
    ...(citation.author === undefined ? {} : { author: { '@type': 'Person', name: citation.author } }),
    ...(citation.datePublished === undefined ? {} : { datePublished: dateOrDateTime(citation.datePublished) }),
    ...(citation.inLanguage === undefined ? {} : { inLanguage: citation.inLanguage }),
  };
  return node as CitationNode;
}

function entityNode(entity: Entity): EntityNode {
  const node: EntityNodeOf<ThingType> = {
    // Trusted: checking the type against the vocabulary (a Thing) is content validation's job.
    '@type': entity.type as ThingType,
    name: entity.name,
    ...(entity.sameAs.length === 0 ? {} : { sameAs: [...entity.sameAs] }),
  };
  return node as EntityNode;
}

/** What the article is based on: the citation node with that URL when there is one, else the URL. */
function basedOn(article: Article): IdReference | string | undefined {
  if (article.isBasedOn === undefined) return undefined;
  const index = article.citations.findIndex((citation) => citation.url === article.isBasedOn);
  return index === -1 ? article.isBasedOn : { '@id': citationId(article, index) };
}

function quotationNode(article: Article, quote: Quote, index: number): QuotationNode {
  const { name, jobTitle, affiliation } = quote.spokenBy;
  const source = basedOn(article);
  return {
    '@type': 'Quotation',
    '@id': quotationId(article, index),
    text: quote.text,
    spokenByCharacter: {
      '@type': 'Person',
      name,
      ...(jobTitle === undefined ? {} : { jobTitle }),
      ...(affiliation === undefined ? {} : { affiliation: { '@type': 'Organization', name: affiliation } }),
    },
    isPartOf: { '@id': article.id },
    ...(source === undefined ? {} : { isBasedOn: source }),
  };
}

function newsArticleNode(site: SiteSettings, article: Article): NewsArticleNode {
  const source = basedOn(article);
  // An article without a picture of its own has the site's default: Google asks every article for one.
  const image = shownImage(site, article);
  return {
    '@type': 'NewsArticle',
    '@id': article.id,
    headline: article.title,
    description: article.description,
    datePublished: withOffset(article.datePublished),
    dateModified: withOffset(lastUpdated(article)),
    inLanguage: article.lang,
    author: article.authors.map((author) =>
      author.type === 'Organization' ? { '@id': site.publisher.id } : personNode(site, author),
    ),
    publisher: { '@id': site.publisher.id },
    ...(image === undefined ? {} : { image: articleImage(image) }),
    mainEntityOfPage: { '@type': 'WebPage', '@id': `${article.url}#webpage`, url: article.url },
    url: article.url,
    ...(article.section === undefined ? {} : { articleSection: article.section }),
    ...(article.tags.length === 0 ? {} : { keywords: [...article.tags] }),
    ...(source === undefined ? {} : { isBasedOn: source }),
    ...(article.citations.length === 0
      ? {}
      : { citation: article.citations.map((citation, i) => citationNode(article, citation, i)) }),
    ...(article.mentions.length === 0 ? {} : { mentions: article.mentions.map(entityNode) }),
    ...(article.about.length === 0 ? {} : { about: article.about.map(entityNode) }),
    ...(article.corrections.length === 0
      ? {}
      : {
          correction: article.corrections.map(
            (correction): CorrectionNode => ({
              '@type': 'CorrectionComment',
              text: correction.text,
              datePublished: withOffset(correction.date),
            }),
          ),
        }),
  };
}

/** The article page's graph: the NewsArticle, its publisher, and its quotations. */
export function articleGraph(site: SiteSettings, article: Article): Graph {
  const graph: DepecheGraph<NewsArticleNode | PublisherNode | QuotationNode> = {
    '@context': 'https://schema.org',
    '@graph': [
      newsArticleNode(site, article),
      publisherNode(site),
      ...article.quotes.map((quote, i) => quotationNode(article, quote, i)),
    ],
  };
  return graph;
}

/** The home page's graph: the WebSite and its publisher, and the nodes of its page (list-jsonld.ts). */
export function siteGraph(site: Site, pageNodes: readonly (ListPageNode | ItemListNode | ProfileNode)[] = []): Graph {
  const graph: DepecheGraph<WebSiteNode | PublisherNode | ListPageNode | ItemListNode | ProfileNode> = {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'WebSite',
        '@id': `${site.url}#website`,
        name: site.title,
        description: site.description,
        url: site.url,
        inLanguage: site.language,
        publisher: { '@id': site.publisher.id },
      },
      publisherNode(site),
      ...pageNodes,
    ],
  };
  return graph;
}

/**
 * Characters written as `\uXXXX` escapes in the JSON-LD: `<`, `>` and `&` (which could end the
 * `<script>` element or open a comment), U+2028 and U+2029 (line ends to older JavaScript), and what
 * the HTML parser reports as errors inside a `<script>` (DEL, the C1 controls, noncharacters;
 * `JSON.stringify` already escapes the C0 controls and lone surrogates).
 */
const _UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029\x7F-\x9F\p{Noncharacter_Code_Point}]/gu;

/** `\uXXXX` for each UTF-16 code unit of `char` (two for an astral noncharacter). */
function jsonEscape(char: string): string {
  let escaped = '';
  for (let i = 0; i < char.length; i++) escaped += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return escaped;
}

/**
 * The graph as pretty-printed JSON in which no character can end a `<script>` element, open a
 * comment or make the page invalid: those of `UNSAFE_IN_SCRIPT` are escaped (they only ever occur
 * inside JSON strings, where the escape means the same character, so the JSON-LD keeps the record's
 * text whole). The `.jsonld` file and the page's embedded block are this one string.
 */
export function serializeJsonLd(graph: Graph): string {
  return JSON.stringify(graph, null, 2).replace(UNSAFE_IN_JSON, jsonEscape);
}

/**
 * `UNSAFE_IN_SCRIPT` as it applies to the output of `JSON.stringify`, without the `u` flag (whose
 * Unicode property classes are slow to scan): that output holds no lone surrogate, so the astral
 * noncharacters (U+nFFFE, U+nFFFF) are exactly the pairs of a high surrogate `\uD83F`, `\uD87F`…
 * `\uDBFF` and a low surrogate `\uDFFE` or `\uDFFF`.
 */
const UNSAFE_IN_JSON = new RegExp(
  String.raw`[<>&\u2028\u2029\x7F-\x9F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F` +
    String.raw`\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF` +
    String.raw`\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]`,
  'g',
);
