/**
 * The local files that the settings (the publisher's logo) and the records (an article's image, the
 * images of its body) name must exist: a URL inside the site must be a file of `public/` or one the build
 * writes. Remote URLs are not checked, nor links: a link may name a page served from elsewhere.
 * Pure: the site, its articles and the site's paths in, problems out.
 */
import type { Problem } from '../errors.js';
import type { Article, Image } from '../model.js';
import { parseFrontMatter } from './frontmatter.js';
import { lineOfField, offsetOf } from './yaml-position.js';

export interface LocalFilesInput {
  site: { url: string; publisher: { logo: Pick<Image, 'url'> } };
  articles: readonly Pick<Article, 'sourcePath' | 'image' | 'bodyImages'>[];
  /** The site paths (`images/a.jpg`) of the files of `public/` and of those the build writes. */
  paths: Pick<ReadonlySet<string>, 'has'>;
  /** `site.yaml`'s file and text, for the line of the setting. */
  settings: { file: string; text: string } | undefined;
  /** The public directory as the user names it (`content/public`). */
  publicDir: string;
}

/**
 * The problems in the order of the records' files. A record's `image.src` has no line here (the model
 * does not keep its front matter): `withFieldLines` gives it one, from the record's text read again.
 */
/**
 * The paths of `public/`, then, only when a file is not there (rare), those the build writes, gathered
 * once: a large build writes hundreds of thousands.
 */
export function publicOrWritten(
  publicPaths: ReadonlySet<string>,
  written: () => Iterable<string>,
): Pick<ReadonlySet<string>, 'has'> {
  let writes: Set<string> | undefined;
  return {
    has(path) {
      if (publicPaths.has(path)) return true;
      writes ??= new Set(written());
      return writes.has(path);
    },
  };
}

export function missingLocalFiles(input: LocalFilesInput): Problem[] {
  const { site, paths, settings, publicDir } = input;
  const problems: Problem[] = [];
  const missingPath = missingFrom(site.url, paths);
  const expected = (path: string): string => `expected a file ${publicDir}/${path}, found none`;
  const logo = missingPath(site.publisher.logo.url);
  if (logo !== undefined) {
    const line = settings === undefined ? undefined : lineOfField(settings.text, ['publisher', 'logo', 'src']);
    problems.push({
      file: settings?.file ?? 'site.yaml',
      ...(line === undefined ? {} : { line }),
      field: 'publisher.logo.src',
      message: expected(logo),
    });
  }
  const records: Problem[] = [];
  for (const article of input.articles) {
    // A processed image's source was found among the files of `public/` (images/describe.ts).
    const image =
      article.image === undefined || article.image.local !== undefined ? undefined : missingPath(article.image.url);
    if (image !== undefined) records.push({ file: article.sourcePath, field: 'image.src', message: expected(image) });
    for (const { url, line } of article.bodyImages) {
      const path = missingPath(url);
      if (path !== undefined) records.push({ file: article.sourcePath, line, field: 'body', message: expected(path) });
    }
  }
  // Stable: within a record, image.src and then the body's images in the order of the text.
  records.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return [...problems, ...records];
}

/**
 * Each problem of a record's front matter field that has no line, with the line of its field (`image.src` →
 * `image`, `src`) in the record's text (as loaded: no BOM, `\n` line ends), from `texts` by file; a problem
 * whose file is not there is left as is.
 */
export function withFieldLines(problems: readonly Problem[], texts: ReadonlyMap<string, string>): Problem[] {
  return problems.map((problem) => {
    const text = texts.get(problem.file);
    if (problem.line !== undefined || text === undefined) return problem;
    const frontMatter = parseFrontMatter(problem.file, text);
    if (Array.isArray(frontMatter)) return problem;
    const line = frontMatter.lineAt(offsetOf(frontMatter.document, problem.field.split('.')));
    return { ...problem, line };
  });
}

/**
 * Gives the site path (`images/a.jpg`) of a URL when it is inside the site and not among `paths`.
 * The site's path is parsed once: this runs on every article of every build and dev rebuild.
 */
function missingFrom(siteUrl: string, paths: LocalFilesInput['paths']): (url: string) => string | undefined {
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
