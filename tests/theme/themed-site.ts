/** The embedded content with a theme: a scratch copy of `content/` with `theme/` holding the given files. */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from '../../src/build.js';
import type { OutputFile } from '../../src/model.js';

export const ROOT = join(import.meta.dirname, '../..');
/** The build's now: two weeks after the seed article. */
export const NOW = new Date('2024-03-15T12:00:00+01:00');

/** A copy of the embedded content in a fresh folder, with `theme` (path → text) as `content/theme/`. */
export function themedContent(theme: Record<string, string> | string | undefined): string {
  const scratch = mkdtempSync(join(tmpdir(), 'depeche-theme-'));
  const content = join(scratch, 'content');
  cpSync(join(ROOT, 'content'), content, { recursive: true });
  if (typeof theme === 'string') cpSync(theme, join(content, 'theme'), { recursive: true });
  else {
    for (const [path, text] of Object.entries(theme ?? {})) {
      mkdirSync(dirname(join(content, 'theme', path)), { recursive: true });
      writeFileSync(join(content, 'theme', path), text);
    }
  }
  return content;
}

/** The files of the site built from `contentDir`, by path, as text. */
export async function builtFiles(contentDir: string): Promise<Map<string, string>> {
  const result = await build({ contentDir, write: false, now: NOW });
  return new Map(result.files.map((file: OutputFile) => [file.path, text(file.contents)]));
}

function text(contents: string | Uint8Array): string {
  return typeof contents === 'string' ? contents : Buffer.from(contents).toString('latin1');
}
