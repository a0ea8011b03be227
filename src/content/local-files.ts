/**
 * The local files that the settings (the publisher's logo) and the records (an article's image) name must exist:
 * a URL inside the site must be a file of `public/`. Remote URLs are not checked.
 * Pure: the site, its articles and the paths of `public/` in, problems out.
 */
import type { Problem } from '../errors.js';
import type { Article, Image } from '../model.js';
import { lineOfField } from './yaml-position.js';

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
  const missingPath = missingFrom(site.url, paths);
  const logo = missingPath(site.publisher.logo.url);
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
    // A processed image's source was found among the files of `public/` (images/describe.ts).
    if (article.image === undefined || article.image.local !== undefined) continue;
    const image = missingPath(article.image.url);
    if (image === undefined) continue;
    problems.push({
      file: article.sourcePath,
      field: 'image.src',
      message: `expected a file ${publicDir}/${image}, found none`,
    });
  }
  return problems;
}

/**
 * Gives the site path (`images/a.jpg`) of a URL when it is inside the site and not among `paths`.
 * The site's path is parsed once: this runs on every article of every build and dev rebuild.
 */
function missingFrom(siteUrl: string, paths: ReadonlySet<string>): (url: string) => string | undefined {
  const sitePath = new URL(siteUrl).pathname;
  return (url) => {
    if (!url.startsWith(siteUrl)) return undefined;
    const path = new URL(url).pathname.slice(sitePath.length);
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return path;
    }
    const file = decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
    return paths.has(file) ? undefined : decoded;
  };
}
