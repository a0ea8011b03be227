/**
 * A theme as the renderers receive it: plain strings, read once at load (theme/load.ts) and sent as
 * they are to every worker of the build, which parses them itself (theme/engine.ts).
 */

/** The page kinds a theme has a layout for: `layouts/<kind>.liquid`. */
export const PAGE_KINDS = ['article', 'list', 'home', 'author', '404'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** The partials a theme may override: `partials/<name>.liquid`. */
export const PARTIALS = ['head', 'header', 'navigation', 'footer'] as const;
export type PartialName = (typeof PARTIALS)[number];

/** Where a theme's assets are published: `assets/style.css` → `dist/theme/style.css`. */
export const THEME_ASSETS_PATH = 'theme/';

export interface ThemeFiles {
  /** The theme's folder as messages name it (`content/theme`). */
  folder: string;
  /**
   * Each template's text by its path in the theme, `/`-separated (`layouts/article.liquid`,
   * `partials/footer.liquid`).
   */
  templates: Record<string, string>;
  /**
   * The version of each asset by its path under `assets/` (`style.css` → the first hex digits of its
   * SHA-256): `asset_url` adds it to the URL, so that an edited file is fetched again under a long cache rule.
   */
  assets: Record<string, string>;
}
