/**
 * The path the dev server serves the site under: that of `url` in `site.yaml`
 * (`https://news.example.org/actu/` → `/actu/`), so that a site deployed under a path is tried
 * under the same path, its relative links and base path included. `/` when the settings cannot be
 * read: the build then reports why.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export function sitePath(contentDir: string): string {
  try {
    const settings: unknown = parse(readFileSync(join(contentDir, 'site.yaml'), 'utf8'));
    const url = (settings as { url?: unknown } | null)?.url;
    if (typeof url !== 'string') return '/';
    const { pathname } = new URL(url);
    return pathname.endsWith('/') ? pathname : `${pathname}/`;
  } catch {
    return '/';
  }
}
