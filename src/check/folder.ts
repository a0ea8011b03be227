/**
 * `check` for people who script their builds: a built folder in, findings out. The checks
 * themselves (`checkFiles`) are pure and also take the files `build({ write: false })` returns.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { shown } from '../content/load.js';
import { parseDocument } from 'yaml';
import { loadTheme } from '../theme/load.js';
import type { CheckedTheme } from './essentials.js';
import { readSite } from './read-site.js';
import { readRecords } from './records.js';
import { checkFiles, type CheckOptions, type CheckResult } from './site.js';

export interface CheckSiteOptions extends Pick<CheckOptions, 'baseUrl'> {
  /** The built site's folder. Default `dist`. */
  dir?: string;
  /**
   * The content folder the site was built from: findings of an article's body are then reported at
   * its record's file and line. Default: `content` beside `dir` when it exists; `false` for none.
   */
  content?: string | false;
  /**
   * The folder that file names in findings are relative to, when inside it, as in `BuildOptions`.
   * Default: none, files are named as `dir` and `content` are spelled.
   */
  namesRelativeTo?: string;
}

/** Checks the site built in `dir` (default `dist`); findings name files as `<dir>/<path>`. */
export async function check(options: CheckSiteOptions = {}): Promise<CheckResult> {
  const dir = options.dir ?? 'dist';
  const files = await readSite(dir);
  const content = options.content ?? (await contentBeside(dir));
  const named = (path: string): string => shown(path, options.namesRelativeTo);
  return checkFiles(files, {
    folder: named(dir),
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    ...(content === false || content === undefined
      ? {}
      : { records: await readRecords(content, named(content)), ...(await themeOf(content, options.namesRelativeTo)) }),
  });
}

/** The theme of the content folder, as the build finds it; none when it has none or its settings do not read. */
async function themeOf(content: string, namesRelativeTo?: string): Promise<{ theme?: CheckedTheme }> {
  const text = await readFile(join(content, 'site.yaml'), 'utf8').catch(() => undefined);
  // The `theme` setting alone: the rest of the settings is the build's to check.
  const setting: unknown = text === undefined ? undefined : parseDocument(text).toJS()?.theme;
  const folder = typeof setting === 'string' ? setting : undefined;
  const config = folder === undefined ? {} : { themeSetting: { folder, line: 1 } };
  const { theme } = await loadTheme(content, config, 'site.yaml', namesRelativeTo).catch(() => ({ theme: undefined }));
  return theme === undefined ? {} : { theme: { folder: theme.folder, templates: Object.keys(theme.templates) } };
}

/** `content` beside a built folder (`dist` → `content`), when it is a folder with an `articles/` folder. */
export async function contentBeside(dir: string): Promise<string | undefined> {
  const content = join(dirname(dir), 'content');
  const articles = await stat(join(content, 'articles')).catch(() => undefined);
  return articles?.isDirectory() === true ? content : undefined;
}
