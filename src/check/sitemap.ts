/**
 * Sitemaps (https://www.sitemaps.org/protocol.html) and robots.txt: every `<loc>` an absolute URL
 * that resolves inside the site, `<lastmod>` in W3C Datetime, and robots.txt's `Sitemap:` lines.
 */
import type { SiteContext } from './context.js';
import { error, type Finding, type Place } from './finding.js';
import { checkReference } from './links.js';
import { isAbsoluteHttpUrl } from './literals.js';
import { childNamed, childrenNamed, type XmlNode } from './xml.js';

const SITEMAP = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const W3C_DATETIME = /^\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?)?)?$/;

export function isSitemap(root: XmlNode): boolean {
  return root.namespace === SITEMAP && (root.name === 'urlset' || root.name === 'sitemapindex');
}

export function checkSitemap(context: SiteContext, path: string, root: XmlNode): Finding[] {
  const file = context.files.shown(path);
  const entry = root.name === 'urlset' ? 'url' : 'sitemap';
  return childrenNamed(root, entry, SITEMAP).flatMap((node, index) => {
    const base = `/${root.name}/${entry}[${index + 1}]`;
    const findings: Finding[] = [];
    const loc = childNamed(node, 'loc', SITEMAP);
    const place = (element: XmlNode, field: string): Place => ({ file, field, line: element.line });
    if (loc === undefined || !isAbsoluteHttpUrl(loc.text.trim())) {
      findings.push(
        error(
          'sitemap',
          place(loc ?? node, `${base}/loc`),
          `expected an absolute URL in <loc>, found ${JSON.stringify(loc?.text.trim() ?? 'nothing')}`,
        ),
      );
    } else {
      findings.push(
        ...checkReference(
          context,
          { url: loc.text.trim(), kind: 'link', where: '<loc>' },
          context.urlOf(path),
          place(loc, `${base}/loc`),
        ),
      );
    }
    const lastmod = childNamed(node, 'lastmod', SITEMAP);
    if (lastmod !== undefined && !W3C_DATETIME.test(lastmod.text.trim())) {
      findings.push(
        error(
          'sitemap',
          place(lastmod, `${base}/lastmod`),
          `expected a W3C Datetime such as "2024-02-28T09:00:00+01:00", found ${JSON.stringify(lastmod.text.trim())}`,
        ),
      );
    }
    return findings;
  });
}

/** `Sitemap:` lines of robots.txt must be absolute URLs; those inside the site must exist. */
export function checkRobots(context: SiteContext, path: string): Finding[] {
  const file = context.files.shown(path);
  return (context.files.text(path) ?? '').split('\n').flatMap((line, index) => {
    const match = /^\s*sitemap\s*:\s*(\S*)/i.exec(line);
    if (match === null) return [];
    const url = match[1] ?? '';
    const place: Place = { file, field: 'Sitemap', line: index + 1 };
    if (!isAbsoluteHttpUrl(url))
      return [error('robots', place, `expected an absolute URL after "Sitemap:", found ${JSON.stringify(url)}`)];
    return checkReference(context, { url, kind: 'link', where: 'Sitemap' }, context.urlOf(path), place);
  });
}
