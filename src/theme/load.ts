/**
 * Reads a theme folder, once, at the build's edge: its templates as strings (`layouts/`, `partials/`,
 * and any other `.liquid` file a template includes), and its `assets/`, published under `theme/`.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { SiteConfig } from '../config.js';
import { type PublicFile, shown } from '../content/load.js';
import type { Problem } from '../errors.js';
import { parseTheme, themeProblem } from './engine.js';
import { THEME_ASSETS_PATH, type ThemeFiles } from './files.js';

export interface LoadedTheme {
  theme?: ThemeFiles;
  /** The assets, as files of the site (`theme/style.css`). */
  assets: PublicFile[];
  problems: Problem[];
}

/**
 * The theme of `config`: the folder its `theme` setting names (which must exist and be a folder), else
 * `<contentDir>/theme/` when it exists; none when neither. `settingsFile` names `site.yaml` in messages.
 */
export async function loadTheme(
  contentDir: string,
  config: Pick<SiteConfig, 'themeSetting'>,
  settingsFile: string,
  namesRelativeTo?: string,
): Promise<LoadedTheme> {
  const setting = config.themeSetting;
  const folder =
    setting === undefined
      ? join(contentDir, 'theme')
      : isAbsolute(setting.folder)
        ? setting.folder
        : join(contentDir, setting.folder);
  const kind = await stat(folder).then(
    (found) => (found.isDirectory() ? 'folder' : 'file'),
    () => 'none' as const,
  );
  if (kind !== 'folder') {
    if (setting === undefined) return { assets: [], problems: [] };
    const found = kind === 'none' ? 'nothing there' : 'a file';
    const message = `expected a theme folder, found ${found} at ${JSON.stringify(shown(folder, namesRelativeTo))}`;
    return { assets: [], problems: [{ file: settingsFile, line: setting.line, field: 'theme', message }] };
  }
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
  const templates: Record<string, string> = {};
  const versions: Record<string, string> = {};
  const assets: PublicFile[] = [];
  for (const name of names) {
    const path = join(folder, name);
    if (name.startsWith('assets/')) {
      const bytes = await readFile(path);
      const inTheme = name.slice('assets/'.length);
      versions[inTheme] = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
      assets.push({ path: THEME_ASSETS_PATH + inTheme, file: shown(path, namesRelativeTo), bytes });
    } else if (name.endsWith('.liquid')) {
      templates[name] = await readFile(path, 'utf8');
    }
  }
  return { theme: { folder: shown(folder, namesRelativeTo), templates, assets: versions }, assets, problems: [] };
}

/** `loadTheme`, then every template parsed: a syntax error is a problem at its file and line, before any page. */
export async function readTheme(...args: Parameters<typeof loadTheme>): Promise<LoadedTheme> {
  const loaded = await loadTheme(...args);
  if (loaded.theme === undefined) return loaded;
  return { ...loaded, problems: [...loaded.problems, ...parseTheme(loaded.theme).map((error) => themeProblem(error))] };
}
