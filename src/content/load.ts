/**
 * Reads the content folder: `site.yaml` and `articles/*.md`. The only file-system reads of a build.
 * Files are decoded as strict UTF-8 (a BOM is accepted), line ends normalised to `\n`, and nothing
 * outside the content folder is read, even through a symbolic link.
 */
import { readdir, readFile, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Problem } from '../errors.js';

export interface SourceFile {
  /** Path as shown in messages: relative to the working directory when inside it. */
  file: string;
  /** The file name inside `articles/` (`x.md`). */
  name: string;
  text: string;
}

export interface LoadedContent {
  siteConfig: SourceFile | undefined;
  articles: SourceFile[];
  problems: Problem[];
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export async function loadContent(contentDir: string): Promise<LoadedContent> {
  const problems: Problem[] = [];
  const root = await realpath(contentDir).catch(() => undefined);
  if (root === undefined) {
    return { siteConfig: undefined, articles: [], problems: [{ file: shown(contentDir), field: '(folder)', message: 'expected a content folder, found none' }] };
  }
  const siteConfig = await readSource(root, join(contentDir, 'site.yaml'), 'site.yaml', problems);
  const articlesDir = join(contentDir, 'articles');
  const names = await readdir(articlesDir).catch(() => undefined);
  if (names === undefined) {
    problems.push({ file: shown(articlesDir), field: '(folder)', message: 'expected a folder of article records, found none' });
    return { siteConfig, articles: [], problems };
  }
  const markdownNames = names.filter((name) => name.endsWith('.md')).sort();
  if (markdownNames.length === 0) {
    problems.push({ file: shown(articlesDir), field: '(folder)', message: 'expected at least one article record (*.md), found none' });
  }
  const articles: SourceFile[] = [];
  for (const name of markdownNames) {
    const source = await readSource(root, join(articlesDir, name), name, problems);
    if (source) articles.push(source);
  }
  return { siteConfig, articles, problems };
}

async function readSource(root: string, path: string, name: string, problems: Problem[]): Promise<SourceFile | undefined> {
  const file = shown(path);
  const real = await realpath(path).catch(() => undefined);
  if (real === undefined) {
    problems.push({ file, field: '(file)', message: 'expected a readable file, found none' });
    return undefined;
  }
  if (real !== root && !real.startsWith(root + sep)) {
    problems.push({ file, field: '(file)', message: `expected a file inside the content folder, found a link to ${real}` });
    return undefined;
  }
  const bytes = await readFile(real);
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    problems.push({ file, line: lineOfFirstInvalidByte(bytes), field: '(file)', message: 'expected UTF-8 text, found bytes that are not UTF-8 (save the file as UTF-8)' });
    return undefined;
  }
  return { file, name, text: text.replace(/\r\n?/g, '\n') };
}

/** The line of the first byte sequence that is not UTF-8, so the editor can find it. */
function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let index = 0; index < bytes.length; index++) {
    if (bytes[index] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, index + 1));
      } catch {
        return line;
      }
      line++;
      start = index + 1;
    }
  }
  return line;
}

function shown(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return (fromHere.startsWith('..') ? path : fromHere).split(sep).join('/');
}
