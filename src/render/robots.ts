/**
 * `robots.txt`: every crawler may crawl everything, and is told where the sitemap is. Crawlers read
 * it only at a host's root, so a site under a path (`https://example.org/actu/`) gets none:
 * `robotsAdvice` says what the host's own robots.txt should add.
 */
import type { OutputFile, Site } from '../model.js';

export function renderRobots(site: Site): OutputFile[] {
  if (!atHostRoot(site.url)) return [];
  return [{ path: 'robots.txt', contents: `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl(site.url)}\n` }];
}

/** For a site under a path, the line the host's root robots.txt should carry; `undefined` at the root. */
export function robotsAdvice(siteUrl: string): string | undefined {
  return atHostRoot(siteUrl) ? undefined : `Sitemap: ${sitemapUrl(siteUrl)}`;
}

function atHostRoot(siteUrl: string): boolean {
  return new URL(siteUrl).pathname === '/';
}

function sitemapUrl(siteUrl: string): string {
  return new URL('sitemap.xml', siteUrl).href;
}
