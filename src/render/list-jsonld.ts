/**
 * schema.org JSON-LD for the list pages: a `CollectionPage` (a `ProfilePage` for an author) whose main
 * entity is the `ItemList` of the articles it shows, each at its place in the whole stream, so that
 * page 2 goes on where page 1 stopped. An author's page also describes the `Person`, with the `@id`
 * that the articles' `author` nodes carry (jsonld.ts).
 */
import type { Graph, IdReference } from 'schema-dts';
import type { Person, SiteSettings } from '../model.js';
import { type DepecheGraph, type ImageNode, imageNode, type PersonNode, personId, personNode } from './jsonld.js';

export interface ListItemNode {
  '@type': 'ListItem';
  position: number;
  url: string;
}

export interface ItemListNode {
  '@type': 'ItemList';
  '@id': string;
  /** Newest first. */
  itemListOrder: 'https://schema.org/ItemListOrderDescending';
  /** How many items the whole list holds, over every page. */
  numberOfItems: number;
  itemListElement: ListItemNode[];
}

export interface ListPageNode {
  '@type': 'CollectionPage' | 'ProfilePage';
  '@id': string;
  url: string;
  name: string;
  inLanguage: string;
  isPartOf: IdReference;
  mainEntity: IdReference;
}

/** A declared author as their page describes them. */
export interface ProfileNode extends PersonNode {
  '@id': string;
  description?: string;
  image?: ImageNode;
}

export interface ListPage {
  /** Absolute URL of this page. */
  url: string;
  name: string;
  /** The URLs of what the page lists: its articles, or the streams of an index. */
  urls: readonly string[];
  /** The place of the page's first article in the stream, from 0. */
  offset: number;
  /** How many items the whole list holds. */
  total: number;
  /** The author whose page this is. */
  author?: Person;
}

/** The list page's nodes, to add to a graph. */
export function listPageNodes(site: SiteSettings, page: ListPage): (ListPageNode | ItemListNode | ProfileNode)[] {
  const list: ItemListNode = {
    '@type': 'ItemList',
    '@id': `${page.url}#articles`,
    itemListOrder: 'https://schema.org/ItemListOrderDescending',
    numberOfItems: page.total,
    itemListElement: page.urls.map((url, i) => ({ '@type': 'ListItem', position: page.offset + i + 1, url })),
  };
  const { author } = page;
  const profile: ProfileNode | undefined =
    author?.page === undefined
      ? undefined
      : {
          ...personNode(site, author),
          '@id': personId(site, author.page),
          ...(author.bio === undefined ? {} : { description: author.bio }),
          ...(author.image === undefined ? {} : { image: imageNode(author.image) }),
        };
  const node: ListPageNode = {
    '@type': profile === undefined ? 'CollectionPage' : 'ProfilePage',
    '@id': `${page.url}#webpage`,
    url: page.url,
    name: page.name,
    inLanguage: site.language,
    isPartOf: { '@id': `${site.url}#website` },
    mainEntity: { '@id': profile === undefined ? list['@id'] : profile['@id'] },
  };
  return profile === undefined ? [node, list] : [node, profile, list];
}

/** The list page's graph, for a page other than the home page (which adds the WebSite: jsonld.ts). */
export function listPageGraph(site: SiteSettings, page: ListPage): Graph {
  const graph: DepecheGraph<ListPageNode | ItemListNode | ProfileNode> = {
    '@context': 'https://schema.org',
    '@graph': listPageNodes(site, page),
  };
  return graph;
}
