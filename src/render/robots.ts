/** `robots.txt`: every crawler may crawl everything, and is told where the sitemap is. */
import type { OutputFile, Site } from '../model.js';

export function renderRobots(site: Site): OutputFile {
  const sitemap = new URL('sitemap.xml', site.url).href;
  return { path: 'robots.txt', contents: `User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n` };
}
