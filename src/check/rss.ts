/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) and the RSS Advisory Board's Best Practices
 * Profile (https://www.rssboard.org/rss-profile): the channel's required elements, each item's title
 * or description, guid and link, RFC 822 dates, enclosures, and the content's URLs.
 */
import type { SiteContext } from './context.js';
import { parseRfc822 } from './dates.js';
import { checkFeedHtml } from './feed-content.js';
import type { FeedItem, FeedItems } from './feeds-agree.js';
import { error, type Finding, type Place, warning } from './finding.js';
import { checkReference } from './links.js';
import { isAbsoluteHttpUrl } from './literals.js';
import { childNamed, childrenNamed, type XmlNode } from './xml.js';
import { lineStarts, rssPlainText, xmlControls } from './feed-text.js';
import { canParseUrl } from '../content/url.js';

const CONTENT = 'http://purl.org/rss/1.0/modules/content/';
const ATOM = 'http://www.w3.org/2005/Atom';
const DC = 'http://purl.org/dc/elements/1.1/';

export function checkRss(context: SiteContext, path: string, rss: XmlNode): { findings: Finding[]; feed: FeedItems } {
  const file = context.files.shown(path);
  const at = (node: XmlNode, field: string): Place => ({ file, field, line: node.line });
  const findings: Finding[] = [];
  const feed: FeedItems = { format: 'RSS', shown: file, items: [] };
  const version = rss.attributes.get('version');
  if (version !== '2.0')
    findings.push(
      warning(
        'rss',
        at(rss, '/rss/@version'),
        `expected version "2.0", found ${version === undefined ? 'none' : JSON.stringify(version)}`,
      ),
    );
  const channels = childrenNamed(rss, 'channel');
  const channel = channels[0];
  if (channel === undefined)
    return { findings: [...findings, error('rss', at(rss, '/rss'), 'expected a <channel> element, found none')], feed };
  const feedUrl = context.urlOf(path);
  findings.push(...xmlControls(rss, '/rss', at), ...plainTexts(context.files.text(path) ?? '', channel, at));

  for (const name of ['title', 'link', 'description']) {
    const element = childNamed(channel, name);
    if (element === undefined)
      findings.push(
        error('rss', at(channel, `/rss/channel/${name}`), `expected a <${name}> in the channel, found none`),
      );
    else if (element.text.trim() === '')
      findings.push(
        error('rss', at(element, `/rss/channel/${name}`), `expected a <${name}> with text, found an empty one`),
      );
  }
  const link = childNamed(channel, 'link');
  if (link !== undefined && link.text.trim() !== '')
    findings.push(...url(context, link, '/rss/channel/link', feedUrl, at));
  for (const name of ['pubDate', 'lastBuildDate']) {
    const element = childNamed(channel, name);
    if (element !== undefined) findings.push(...date(element, at(element, `/rss/channel/${name}`)));
  }
  const self = childrenNamed(channel, 'link', ATOM).find((element) => element.attributes.get('rel') === 'self');
  if (self === undefined) {
    findings.push(
      warning(
        'rss-profile',
        at(channel, '/rss/channel/atom:link'),
        'expected an <atom:link rel="self"> naming the feed\'s own URL, found none (RSS profile)',
      ),
    );
  } else {
    findings.push(
      ...checkReference(
        context,
        { url: self.attributes.get('href') ?? '', kind: 'link', where: 'atom:link href' },
        feedUrl,
        at(self, '/rss/channel/atom:link/@href'),
      ),
    );
  }
  const image = childNamed(channel, 'image');
  if (image !== undefined) findings.push(...channelImage(context, image, feedUrl, at));

  childrenNamed(channel, 'item').forEach((item, index) => {
    const base = `/rss/channel/item[${index + 1}]`;
    const checked = checkItem(context, item, base, feedUrl, at);
    findings.push(...checked.findings);
    if (checked.item !== undefined) feed.items.push(checked.item);
  });
  return { findings, feed };
}

function checkItem(
  context: SiteContext,
  item: XmlNode,
  base: string,
  feedUrl: string,
  at: (node: XmlNode, field: string) => Place,
): { findings: Finding[]; item?: FeedItem } {
  const findings: Finding[] = [];
  const title = childNamed(item, 'title');
  const description = childNamed(item, 'description');
  if (title === undefined && description === undefined)
    findings.push(error('rss', at(item, base), 'expected a <title> or a <description> in the item, found neither'));
  const link = childNamed(item, 'link');
  if (link !== undefined) findings.push(...url(context, link, `${base}/link`, feedUrl, at));
  const guid = childNamed(item, 'guid');
  if (guid === undefined) {
    findings.push(
      warning(
        'rss-profile',
        at(item, `${base}/guid`),
        'expected a <guid> that identifies the item forever, found none (readers fall back on the link or title, and ' +
          'show the item again when it changes)',
      ),
    );
  } else if ((guid.attributes.get('isPermaLink') ?? 'true') === 'true' && !isAbsoluteHttpUrl(guid.text.trim())) {
    findings.push(
      error(
        'rss',
        at(guid, `${base}/guid`),
        `expected a URL in a guid with isPermaLink="true" (the default), found ${JSON.stringify(guid.text.trim())}`,
      ),
    );
  }
  const pubDate = childNamed(item, 'pubDate');
  const parsedDate = pubDate === undefined ? undefined : parseRfc822(pubDate.text);
  if (pubDate !== undefined) findings.push(...date(pubDate, at(pubDate, `${base}/pubDate`)));
  for (const enclosure of childrenNamed(item, 'enclosure')) {
    for (const attribute of ['url', 'length', 'type']) {
      if (!enclosure.attributes.has(attribute))
        findings.push(
          error(
            'rss',
            at(enclosure, `${base}/enclosure/@${attribute}`),
            `expected a ${attribute} attribute on <enclosure>, found none`,
          ),
        );
    }
    const href = enclosure.attributes.get('url');
    if (href !== undefined)
      findings.push(
        ...checkReference(
          context,
          { url: href, kind: 'link', where: 'enclosure url' },
          feedUrl,
          at(enclosure, `${base}/enclosure/@url`),
        ),
      );
  }
  const itemUrl = link?.text.trim() || feedUrl;
  const encoded = childNamed(item, 'encoded', CONTENT);
  if (encoded !== undefined)
    findings.push(
      ...checkFeedHtml(context, encoded.text, at(encoded, `${base}/content:encoded`), safeUrl(itemUrl, feedUrl)),
    );
  if (description !== undefined)
    findings.push(
      ...checkFeedHtml(context, description.text, at(description, `${base}/description`), safeUrl(itemUrl, feedUrl)),
    );
  const id = guid?.text.trim() || link?.text.trim();
  if (id === undefined || id === '') return { findings };
  return {
    findings,
    item: {
      id,
      place: at(item, base),
      ...(title === undefined ? {} : { title: title.text }),
      ...(link === undefined ? {} : { url: link.text.trim() }),
      ...(parsedDate === undefined ? {} : { published: parsedDate.epochMs }),
    },
  };
}

function date(element: XmlNode, place: Place): Finding[] {
  const parsed = parseRfc822(element.text);
  if (parsed === undefined)
    return [
      error(
        'rss-date',
        place,
        `expected an RFC 822 date-time such as "Wed, 28 Feb 2024 09:00:00 +0100", found ` +
          `${JSON.stringify(element.text)}`,
      ),
    ];
  const findings: Finding[] = [];
  if (parsed.twoDigitYear)
    findings.push(
      warning('rss-profile', place, `expected a four-digit year, found ${JSON.stringify(element.text)} (RSS profile)`),
    );
  if (parsed.wrongWeekday)
    findings.push(
      warning('rss-date', place, `the day of the week does not match the date in ${JSON.stringify(element.text)}`),
    );
  return findings;
}

function url(
  context: SiteContext,
  element: XmlNode,
  field: string,
  feedUrl: string,
  at: (node: XmlNode, field: string) => Place,
): Finding[] {
  const value = element.text.trim();
  if (!isAbsoluteHttpUrl(value))
    return [error('rss', at(element, field), `expected an absolute http(s) URL, found ${JSON.stringify(value)}`)];
  return checkReference(context, { url: value, kind: 'link', where: `<${element.name}>` }, feedUrl, at(element, field));
}

/** Profile: the channel image needs url, title and link, and fits in 144 × 400 pixels. */
function channelImage(
  context: SiteContext,
  image: XmlNode,
  feedUrl: string,
  at: (node: XmlNode, field: string) => Place,
): Finding[] {
  const findings: Finding[] = [];
  for (const name of ['url', 'title', 'link']) {
    if (childNamed(image, name) === undefined)
      findings.push(
        error('rss', at(image, `/rss/channel/image/${name}`), `expected a <${name}> in the channel image, found none`),
      );
  }
  const source = childNamed(image, 'url');
  if (source !== undefined)
    findings.push(
      ...checkReference(
        context,
        { url: source.text.trim(), kind: 'image', where: 'image url' },
        feedUrl,
        at(source, '/rss/channel/image/url'),
      ),
    );
  for (const [name, limit] of [
    ['width', 144],
    ['height', 400],
  ] as const) {
    const element = childNamed(image, name);
    if (element !== undefined && !(Number(element.text) > 0 && Number(element.text) <= limit)) {
      findings.push(
        warning(
          'rss-profile',
          at(element, `/rss/channel/image/${name}`),
          `expected a ${name} of at most ${limit} pixels, found ${JSON.stringify(element.text)} (RSS profile)`,
        ),
      );
    }
  }
  return findings;
}

function safeUrl(url: string, fallback: string): string {
  return canParseUrl(url) ? url : fallback;
}

/** `rss-plain-text` for the elements that hold plain text (item descriptions hold HTML). */
function plainTexts(source: string, channel: XmlNode, at: (node: XmlNode, field: string) => Place): Finding[] {
  const starts = lineStarts(source);
  const elements: Array<[XmlNode, string]> = [];
  const add = (parent: XmlNode | undefined, base: string, name: string, namespace = '', qualified = name): void => {
    if (parent === undefined) return;
    const found = childrenNamed(parent, name, namespace);
    found.forEach((element, index) => {
      elements.push([element, `${base}/${qualified}${found.length > 1 ? `[${index + 1}]` : ''}`]);
    });
  };
  add(channel, '/rss/channel', 'title');
  add(channel, '/rss/channel', 'description');
  add(channel, '/rss/channel', 'category');
  add(childNamed(channel, 'image'), '/rss/channel/image', 'title');
  childrenNamed(channel, 'item').forEach((item, index) => {
    const base = `/rss/channel/item[${index + 1}]`;
    add(item, base, 'title');
    add(item, base, 'category');
    add(item, base, 'creator', DC, 'dc:creator');
  });
  return elements.flatMap(([element, field]) => rssPlainText(source, starts, element, at(element, field)));
}
