/**
 * Reads the content folder: `site.yaml` and `articles/*.md`. The only file-system reads of a build.
 * Files are decoded as strict UTF-8 (a BOM is accepted), line ends normalised to `\n`, and nothing
 * outside the content folder is read, even through a symbolic link.
 */
import { lstatSync, readFileSync, realpathSync, type Stats, statSync } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Problem } from '../errors.js';
import { isEditorFile, isHiddenRecord } from './ignored-files.js';

export interface SourceFile {
  /** Path as shown in messages (see `shown`). */
  file: string;
  /** The file name inside `articles/` (`x.md`). */
  name: string;
  text: string;
  /**
   * What the file was when it was read (before reading it), when it is a plain file of an articles
   * folder inside the content folder: `recordReader` gives it, for the build cache (incremental/cache.ts).
   */
  stat?: RecordStat;
}

/** Enough of a record file's `lstat` to tell that it has not been written since (see incremental/cache.ts). */
export interface RecordStat {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

/** A file of `content/public/`, copied to the site as it is (a logo, images, a favicon). */
export interface PublicFile {
  /** Path relative to `public/`, `/`-separated: the same path in the output. */
  path: string;
  /** Path as shown in messages. */
  file: string;
  bytes: Uint8Array;
}

export interface LoadedContent {
  siteConfig: SourceFile | undefined;
  articles: SourceFile[];
  publicFiles: PublicFile[];
  problems: Problem[];
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Reads the whole content folder; file names in problems are relative to `namesRelativeTo` (see `shown`). */
export async function loadContent(contentDir: string, namesRelativeTo?: string): Promise<LoadedContent> {
  const content = await openContent(contentDir, namesRelativeTo);
  const articles: SourceFile[] = [];
  for (const name of content.articleNames) {
    const source = await readArticle(content, name);
    if (source) articles.push(source);
  }
  return { siteConfig: content.siteConfig, articles, publicFiles: content.publicFiles, problems: content.problems };
}

/** Where records are read, and how their names are shown: plain data, so that a build's workers get it too. */
export interface ContentFolders {
  /** The content folder's real path: nothing outside it is read. */
  root: string;
  /** The articles folder, spelled from the content folder as given. */
  articlesDir: string;
  /** The folder file names in problems are relative to, when inside it; none: names as spelled (see `shown`). */
  namesRelativeTo?: string;
}

/** The content folder with its records listed but not read yet: a build reads them one by one. */
export interface OpenedContent extends ContentFolders {
  siteConfig: SourceFile | undefined;
  publicFiles: PublicFile[];
  /** The record file names (`x.md`), sorted. */
  articleNames: string[];
  /** The problems so far; `readArticle` adds those of the records it reads. */
  problems: Problem[];
}

/** Lists the content folder and reads its settings and `public/`; names as `shown(path, namesRelativeTo)`. */
export async function openContent(contentDir: string, namesRelativeTo?: string): Promise<OpenedContent> {
  const problems: Problem[] = [];
  const articlesDir = join(contentDir, 'articles');
  const named = (path: string): string => shown(path, namesRelativeTo);
  const root = await realpath(contentDir).catch(() => undefined);
  if (root === undefined) {
    problems.push({ file: named(contentDir), field: '(folder)', message: 'expected a content folder, found none' });
    return {
      siteConfig: undefined,
      publicFiles: [],
      articleNames: [],
      problems,
      root: contentDir,
      articlesDir,
      namesRelativeTo,
    };
  }
  const siteConfig = readSource(root, join(contentDir, 'site.yaml'), named, 'site.yaml', problems);
  const publicFiles = await readPublicFiles(root, join(contentDir, 'public'), named, problems);
  const names = await readdir(articlesDir).catch(() => undefined);
  if (names === undefined) {
    problems.push({
      file: named(articlesDir),
      field: '(folder)',
      message: 'expected a folder of article records, found none',
    });
    return { siteConfig, publicFiles, articleNames: [], problems, root, articlesDir, namesRelativeTo };
  }
  // A hidden record (`.draft.md`) is neither published nor silently skipped; an editor's `.#x.md` is skipped.
  for (const name of names.filter(isHiddenRecord).sort()) {
    problems.push({
      file: named(join(articlesDir, name)),
      field: '(file)',
      message: `expected a record file name that does not start with ".", found ${JSON.stringify(name)}`,
      hint: 'rename it, or move it out of articles/',
    });
  }
  const articleNames = names.filter((name) => name.endsWith('.md') && !name.startsWith('.') && !isEditorFile(name));
  articleNames.sort();
  if (articleNames.length === 0) {
    problems.push({
      file: named(articlesDir),
      field: '(folder)',
      message: 'expected at least one article record (*.md), found none',
    });
  }
  return { siteConfig, publicFiles, articleNames, problems, root, articlesDir, namesRelativeTo };
}

/** Reads one record of `content.articleNames`; its problems (unreadable, not UTF-8) go to `content.problems`. */
export function readArticle(content: OpenedContent, name: string): Promise<SourceFile | undefined> {
  const named = (path: string): string => shown(path, content.namesRelativeTo);
  return Promise.resolve(readSource(content.root, join(content.articlesDir, name), named, name, content.problems));
}

/**
 * Reads records of one articles folder synchronously, as a build's workers do: the folder's real
 * path is looked up once, so that a record that is a plain file costs two calls (`lstat`, read);
 * only a link is resolved. Same checks and messages as `readArticle`.
 */
export function recordReader(folders: ContentFolders): (name: string, problems: Problem[]) => SourceFile | undefined {
  const { root, articlesDir, namesRelativeTo } = folders;
  const inside = articlesInside(root, articlesDir);
  const named = (path: string): string => shown(path, namesRelativeTo);
  return (name, problems) => {
    const path = join(articlesDir, name);
    if (inside) {
      const kind = tryLstat(path);
      if (kind?.isFile() === true) {
        const source = decodeSource(readFileSync(path), named(path), name, problems);
        if (source !== undefined) source.stat = recordStat(kind);
        return source;
      }
    }
    return readSource(root, path, named, name, problems);
  };
}

/**
 * The `RecordStat` of each record of one articles folder that `recordReader` would read as a plain
 * file (one `lstat`); undefined for a link, a missing file or a folder outside the content folder.
 */
export function recordStats(root: string, articlesDir: string): (name: string) => RecordStat | undefined {
  const inside = articlesInside(root, articlesDir);
  return (name) => {
    const kind = inside ? tryLstat(join(articlesDir, name)) : undefined;
    return kind?.isFile() === true ? recordStat(kind) : undefined;
  };
}

function articlesInside(root: string, articlesDir: string): boolean {
  const realDir = tryRealpath(articlesDir);
  return realDir !== undefined && (realDir === root || realDir.startsWith(root + sep));
}

function recordStat(stats: Stats): RecordStat {
  return { dev: stats.dev, ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs };
}

/** Every file under `public/`, sorted; links that lead out of the content folder are refused. */
async function readPublicFiles(
  root: string,
  publicDir: string,
  named: (path: string) => string,
  problems: Problem[],
): Promise<PublicFile[]> {
  const entries = await readdir(publicDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files: PublicFile[] = [];
  for (const entry of entries) {
    // An editor's leftovers are not published; other hidden files (`.well-known/`) are.
    if (entry.isDirectory() || isEditorFile(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const file = named(path);
    const real = await realpath(path).catch(() => undefined);
    if (real === undefined || !real.startsWith(root + sep)) {
      problems.push({
        file,
        field: '(file)',
        message: `expected a file inside the content folder, found a link to ${real ?? 'nothing'}`,
      });
      continue;
    }
    const kind = await stat(real);
    if (kind.isDirectory()) continue;
    if (!kind.isFile()) {
      problems.push({ file, field: '(file)', message: 'expected a regular file, found a device, socket or pipe' });
      continue;
    }
    files.push({ path: relative(publicDir, path).split(sep).join('/'), file, bytes: await readFile(real) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function readSource(
  root: string,
  path: string,
  named: (path: string) => string,
  name: string,
  problems: Problem[],
): SourceFile | undefined {
  const file = named(path);
  const real = tryRealpath(path);
  if (real === undefined) {
    problems.push({ file, field: '(file)', message: 'expected a readable file, found none' });
    return undefined;
  }
  if (real !== root && !real.startsWith(root + sep)) {
    problems.push({
      file,
      field: '(file)',
      message: `expected a file inside the content folder, found a link to ${real}`,
    });
    return undefined;
  }
  // A folder named `x.md` failed with EISDIR, and a named pipe would have blocked the build forever.
  const kind = statSync(real);
  if (!kind.isFile()) {
    problems.push({
      file,
      field: '(file)',
      message: `expected a file, found ${kind.isDirectory() ? 'a folder' : 'a device, socket or pipe'}`,
    });
    return undefined;
  }
  return decodeSource(readFileSync(real), file, name, problems);
}

function decodeSource(bytes: Uint8Array, file: string, name: string, problems: Problem[]): SourceFile | undefined {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    problems.push({
      file,
      line: lineOfFirstInvalidByte(bytes),
      field: '(file)',
      message: 'expected UTF-8 text, found bytes that are not UTF-8 (save the file as UTF-8)',
    });
    return undefined;
  }
  return { file, name, text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text };
}

function tryRealpath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function tryLstat(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
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

/**
 * A path as messages show it, `/`-separated: relative to `namesRelativeTo` when inside it (the CLI
 * passes its working directory), else as given. The default names a file as the caller spelled the
 * content folder (`content/articles/x.md`, or an absolute path for an absolute folder): no hidden
 * working directory decides what a message says.
 */
export function shown(path: string, namesRelativeTo?: string): string {
  const fromThere = namesRelativeTo === undefined ? '..' : relative(namesRelativeTo, path);
  return (fromThere.startsWith('..') ? path : fromThere).split(sep).join('/');
}
