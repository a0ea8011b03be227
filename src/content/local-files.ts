/**
 * The local files that the settings (the publisher's logo) and the records (an article's image) name must exist:
 * a URL inside the site must be a file of `public/`. Remote URLs are not checked.
 * Pure: the site, its articles and the paths of `public/` in, problems out.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { Problem } from '../errors.js';
import type { Article, Image } from '../model.js';
import { type FieldPath, offsetOf } from './yaml-position.js';

export interface LocalFilesInput {
  site: { url: string; publisher: { logo: Pick<Image, 'url'> } };
  articles: readonly Pick<Article, 'sourcePath' | 'image'>[];
  /** The site paths (`images/a.jpg`) of the files of `public/`. */
  paths: ReadonlySet<string>;
  /** `site.yaml`'s file and text, for the line of the setting. */
  settings: { file: string; text: string } | undefined;
  /** The public directory as the user names it (`content/public`). */
  publicDir: string;
}

export function missingLocalFiles(input: LocalFilesInput): Problem[] {
  const { site, paths, settings, publicDir } = input;
  const problems: Problem[] = [];
  const logo = missingPath(site.url, paths, site.publisher.logo.url);
  if (logo !== undefined) {
    const line = settings === undefined ? undefined : lineOfField(settings.text, ['publisher', 'logo', 'src']);
    problems.push({
      file: settings?.file ?? 'site.yaml',
      ...(line === undefined ? {} : { line }),
      field: 'publisher.logo.src',
      message: `expected a file ${publicDir}/${logo}, found none`,
    });
  }
  for (const article of input.articles) {
    if (article.image === undefined) continue;
    const image = missingPath(site.url, paths, article.image.url);
    if (image === undefined) continue;
    problems.push({
      file: article.sourcePath,
      field: 'image.src',
      message: `expected a file ${publicDir}/${image}, found none`,
    });
  }
  return problems;
}

/** The site path (`images/a.jpg`) of `url` when it is inside the site and not among `paths`. */
function missingPath(siteUrl: string, paths: ReadonlySet<string>, url: string): string | undefined {
  if (!url.startsWith(siteUrl)) return undefined;
  const path = new URL(url).pathname.slice(new URL(siteUrl).pathname.length);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return path;
  }
  const file = decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  return paths.has(file) ? undefined : decoded;
}

/** The 1-based line of the field at `path` in the YAML `text`. */
function lineOfField(text: string, path: FieldPath): number {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  return lineCounter.linePos(offsetOf(document, path)).line;
}
