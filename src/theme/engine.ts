/**
 * The theme's Liquid engine, made once per theme in each thread from the template strings: the
 * theme's files, and for each layout or partial it does not provide, the default one, which shows what
 * the TypeScript renderers made (the default look, the same bytes). Variables and filters are strict, so
 * a typo is an error; every value a template outputs is escaped but `Markup`.
 */
import { Liquid, LiquidError } from 'liquidjs';
import type { Problem } from '../errors.js';
import { escapeHtml } from '../render/html.js';
import { PAGE_KINDS, PARTIALS, type ThemeFiles } from './files.js';
import { Markup } from './markup.js';

/** The default layout of every kind: the default page's frame around the partials and the content. */
const DEFAULT_LAYOUT = `<!doctype html>
<html lang="{{ page.lang }}">
<head>
{% include 'partials/head' %}</head>
<body>
{% include 'partials/header' %}<main id="content" class="wrap">
{{ depeche.main }}</main>
{% include 'partials/footer' %}</body>
</html>
`;

/** A theme's error, with the template file and line it is at. */
export class ThemeError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${reason}`);
    this.name = 'ThemeError';
  }
}

/** The error as a build problem; `page` names the page it was rendering, when known. */
export function themeProblem(error: ThemeError, page?: string): Problem {
  return {
    file: error.file,
    ...(error.line === undefined ? {} : { line: error.line }),
    field: '(template)',
    message: page === undefined ? error.reason : `${error.reason} (rendering ${page})`,
  };
}

/** The templates the engine reads: the theme's, and the defaults of those it lacks. */
function themeTemplates(theme: ThemeFiles): Record<string, string> {
  const templates: Record<string, string> = { ...theme.templates };
  const has = (name: string): boolean => templates[name] !== undefined;
  for (const kind of PAGE_KINDS)
    if (!has(`layouts/${kind}.liquid`)) templates[`layouts/${kind}.liquid`] = DEFAULT_LAYOUT;
  for (const name of PARTIALS) {
    if (has(`partials/${name}.liquid`)) continue;
    templates[`partials/${name}.liquid`] =
      // The default header shows the theme's menu when the theme has one.
      name === 'header' && has('partials/navigation.liquid')
        ? "{{ depeche.defaults.header_around_menu[0] }}{% include 'partials/navigation' %}" +
          '{{ depeche.defaults.header_around_menu[1] }}'
        : `{{ depeche.defaults.${name} }}`;
  }
  return templates;
}

const engines = new WeakMap<ThemeFiles, Liquid>();

/** The engine of `theme`, made on first use in this thread. */
function themeEngine(theme: ThemeFiles): Liquid {
  let engine = engines.get(theme);
  if (engine === undefined) {
    engine = makeEngine(theme);
    engines.set(theme, engine);
  }
  return engine;
}

function makeEngine(theme: ThemeFiles): Liquid {
  const engine = new Liquid({
    templates: themeTemplates(theme),
    extname: '.liquid',
    cache: true,
    strictVariables: true,
    strictFilters: true,
    // `{% if %}` may test a name that is not there (as Jekyll themes do); outputting one stays an error.
    lenientIf: true,
    ownPropertyOnly: true,
    outputEscape: (value: unknown) => (value instanceof Markup ? value.toString() : escapeHtml(text(value))),
  });
  engine.registerFilter('asset_url', function assetUrl(this: { context: { getSync(path: string[]): unknown } }, path) {
    const name = String(path);
    const version = theme.assets[name];
    if (version === undefined)
      throw new Error(`expected a file of the theme's assets/, found no ${JSON.stringify(name)}`);
    return `${String(this.context.getSync(['depeche', 'assets']))}${name}?v=${version}`;
  });
  return engine;
}

/** How Liquid prints a value that is not markup. */
function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(text).join('');
  return String(value);
}

/**
 * Renders the layout `file` (`layouts/article`, no extension) with `data`; a template's error becomes a
 * `ThemeError` naming its file and line.
 */
export function renderLayout(theme: ThemeFiles, file: string, data: object): string {
  try {
    return themeEngine(theme).renderFileSync(file, data) as string;
  } catch (error) {
    throw themeError(theme, `${file}.liquid`, error);
  }
}

/** Parses every template of `theme`, for the errors a build should report before it renders anything. */
export function parseTheme(theme: ThemeFiles): ThemeError[] {
  const engine = themeEngine(theme);
  const errors: ThemeError[] = [];
  for (const [file, source] of Object.entries(theme.templates)) {
    try {
      engine.parse(source, file);
    } catch (error) {
      errors.push(themeError(theme, file, error));
    }
  }
  return errors;
}

function themeError(theme: ThemeFiles, file: string, error: unknown): ThemeError {
  if (!(error instanceof LiquidError)) return new ThemeError(`${theme.folder}/${file}`, undefined, String(error));
  // The innermost error names the template that failed (a partial, included by the layout).
  let cause: unknown = error;
  while (cause instanceof LiquidError && cause.originalError instanceof LiquidError) cause = cause.originalError;
  const inner = cause as LiquidError;
  const where = inner.token;
  const [line] = where === undefined ? [undefined] : where.getPosition();
  const reason = (inner.originalError?.message ?? inner.message)
    .replace(/, file:.*$/, '')
    .replace(/, line:\d+, col:\d+$/, '');
  // Liquid keeps no file name on the tokens of an included template, but each token holds its template's text.
  const source = where === undefined ? undefined : templateOf(theme, where.input);
  return new ThemeError(`${theme.folder}/${where?.file ?? source ?? file}`, line, reason);
}

function templateOf(theme: ThemeFiles, text: string): string | undefined {
  return Object.keys(theme.templates).find((name) => theme.templates[name] === text);
}
