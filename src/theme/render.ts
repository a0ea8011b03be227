/**
 * A page through the theme: the layout of its kind renders the template data (theme/data.ts), then
 * depeche makes sure of its essentials. A theme places them with `{{ depeche.head }}` (or one by one:
 * `depeche.canonical`, `.feeds`, `.icons`, `.meta`, `.jsonld`, then it answers for each, as `depeche check`
 * verifies); when it places none, they are injected at the end of the `<head>` that parse5 finds.
 */
import { parse } from 'parse5';
import {
  defaultFooter,
  defaultHead,
  defaultHeader,
  defaultNavigation,
  type Essentials,
  html,
  type PageParts,
  raw,
} from '../render/html.js';
import { assetsUrl, themeData } from './data.js';
import { renderLayout } from './engine.js';
import type { ThemeFiles } from './files.js';
import { Markup } from './markup.js';

/** Stands for the menu in the default header, which is split around it: no escaped value can hold it. */
const MENU = '\u0000';

export function renderThemedPage(theme: ThemeFiles, parts: PageParts, essentials: Essentials): string {
  const { site } = parts;
  let placed = false;
  const essential = (markup: { text: string }): Markup =>
    new Markup(markup.text, () => {
      placed = true;
    });
  const all = html`${essentials.canonical}${essentials.feeds}${essentials.icons}${essentials.meta}${essentials.jsonLd}`;
  const navigation = defaultNavigation(site);
  const aroundMenu = defaultHeader(site, raw(MENU)).text.split(MENU);
  const data = themeData(site, parts.theme, parts, {
    head: essential(all),
    canonical: essential(essentials.canonical),
    feeds: essential(essentials.feeds),
    icons: essential(essentials.icons),
    meta: essential(essentials.meta),
    jsonld: essential(essentials.jsonLd),
    main: new Markup(parts.main.text),
    assets: assetsUrl(site),
    defaults: {
      head: essential(defaultHead(parts, essentials)),
      header: new Markup(defaultHeader(site, navigation).text),
      navigation: new Markup(navigation.text),
      footer: new Markup(defaultFooter(site, parts.year).text),
      header_around_menu: aroundMenu.map((part) => new Markup(part)),
    },
  });
  const page = renderLayout(theme, `layouts/${parts.theme.kind}`, data);
  return placed ? page : injectIntoHead(page, all.text);
}

/** `markup` at the end of the document's `<head>` (where parse5 puts its end, or before `<body>` when implied). */
function injectIntoHead(page: string, markup: string): string {
  const document = parse(page, { sourceCodeLocationInfo: true });
  const root = document.childNodes.find((node) => node.nodeName === 'html');
  const children = root !== undefined && 'childNodes' in root ? root.childNodes : [];
  const head = children.find((node) => node.nodeName === 'head');
  const body = children.find((node) => node.nodeName === 'body');
  const at =
    (head?.sourceCodeLocation as { endTag?: { startOffset: number } } | undefined)?.endTag?.startOffset ??
    head?.sourceCodeLocation?.endOffset ??
    body?.sourceCodeLocation?.startOffset ??
    afterDoctype(document.childNodes[0]?.sourceCodeLocation?.endOffset, page);
  return page.slice(0, at) + markup + page.slice(at);
}

function afterDoctype(end: number | undefined, page: string): number {
  return end !== undefined && page.trimStart().toLowerCase().startsWith('<!doctype') ? end : 0;
}
