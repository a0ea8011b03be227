/**
 * The pipeline: load → check → model → render → write. The content folder is listed and the
 * settings checked; each record is checked, modelled and rendered on its own, its files handed to
 * the writer as they come (how, on how many threads, and what is reused from the previous build,
 * is the business of the `RecordsEngine` the pipeline is given: incremental/index.ts by default,
 * plugged in by build.ts); with every problem of every record collected, the model gives the
 * site-wide files (home page, feeds, sitemaps), and the writer swaps the new site in whole. When
 * anything fails, the served site is left as it was, byte for byte (write/output.ts).
 */
import { basename, join } from 'node:path';
import { declaredAuthorIds, declaredOwnFields, parseSiteConfig, type SiteConfig } from './config.js';
import { openContent, readArticle, type OpenedContent, shown, type SourceFile } from './content/load.js';
import { checkArticles } from './content/records.js';
import { missingLocalFiles, publicOrWritten, withFieldLines } from './content/local-files.js';
import { isDraft } from './drafts.js';
import { nothingPublished, schedule } from './scheduled.js';
import { ContentError, type Problem } from './errors.js';
import { describeImages, type SourceImage } from './images/describe.js';
import { encodeImages, imageCacheFolder, type SitePictures, withImageBytes } from './images/encode.js';
import type { OutputFile, Site } from './model.js';
import type { BuildOptions, BuildResult, RecordsEngine } from './build-types.js';
import { siteNotices } from './site-notices.js';
import { ThemeError, themeProblem } from './theme/engine.js';
import { readTheme } from './theme/load.js';
import { createSite } from './site.js';
import { siteStreams } from './streams.js';
import { languageSites } from './languages.js';
import { translationsOf } from './translations.js';
import { markFailed, savePublished } from './websub/state.js';
import { websubTopics } from './websub/topics.js';
import { openOutput, type WriteResult } from './write/output.js';
import { addResult } from './write/place.js';

/** Builds the site with `engine`. Throws a `ContentError` listing every problem when the content is invalid. */
export async function runPipeline(options: BuildOptions, engine: RecordsEngine): Promise<BuildResult> {
  try {
    return await buildSite(options, engine);
  } catch (error) {
    // `depeche ping` tells no hub of a build that failed (websub/ping.ts).
    if (options.write !== false && error instanceof ContentError) markFailed(options.outDir ?? 'dist');
    throw error;
  }
}

async function buildSite(options: BuildOptions, engine: RecordsEngine): Promise<BuildResult> {
  const contentDir = options.contentDir ?? 'content';
  const outDir = options.outDir ?? 'dist';
  const write = options.write !== false;
  const drafts = options.drafts ?? false;
  const now = (options.now ?? new Date()).getTime();
  const future = options.future ?? false;
  const keepFiles = !write || options.keepFiles !== false;
  const progress = options.onProgress;
  // Load: the content folder's listing and the settings, checked.
  progress?.({ phase: 'load', done: 0, total: 0 });
  const opened = await openContent(contentDir, options.namesRelativeTo);
  // The images of `public/`, described before any record is read: the settings' pictures and the records'
  // renderers read them.
  const images = await describeImages(opened.publicFiles);
  const parsed = await readSettings(opened, contentDir, options.baseUrl, drafts, images);
  // The theme's templates, read and parsed once; its assets are published as the files of `public/` are.
  const settingsFile = opened.siteConfig?.file ?? 'site.yaml';
  const theme = await readTheme(contentDir, parsed, settingsFile, opened.namesRelativeTo);
  if (theme.problems.length > 0) throw new ContentError(theme.problems);
  const content = { ...opened, publicFiles: [...opened.publicFiles, ...theme.assets] };
  const config = { ...parsed, images, ...(theme.theme === undefined ? {} : { theme: theme.theme }) };
  const output = write
    ? await openOutput(outDir, {
        protect: [contentDir],
        spare: options.incremental === true && !keepFiles,
        ...(options.mtime === undefined ? {} : { mtime: options.mtime }),
      })
    : undefined;
  const rendering = engine({
    content,
    config,
    outDir,
    drafts,
    now,
    future,
    output,
    keepFiles,
    reuse: options.incremental === true && write && !keepFiles,
    mtime: options.mtime,
  });
  try {
    if (output !== undefined)
      progress?.({ phase: 'write', done: 0, total: content.articleNames.length * 2 + content.publicFiles.length });
    // Check and render each record, its files handed to the writer as they come.
    const records = await rendering.records((done, total) => progress?.({ phase: 'render', done, total }));
    if (records.problems.length === 0 && records.articles.length === 0 && records.read > 0) {
      const articlesDir = shown(content.articlesDir, content.namesRelativeTo);
      records.problems.push(nothingPublished(articlesDir, records.scheduled.length > 0));
    }
    if (records.problems.length > 0) throw new ContentError(records.problems);
    // The local images' variants, encoded or taken from the cache, then the model, which carries their lengths.
    const imageFiles: OutputFile[] = [];
    let imagesPlaced: WriteResult = { files: 0, bytes: 0, linked: 0 };
    const images = await encodeImages(
      records.articles,
      {
        sources: new Map(content.publicFiles.map((file) => [file.path, file.bytes])),
        ...(output === undefined ? {} : { cacheDir: imageCacheFolder(outDir) }),
        place(file) {
          if (output !== undefined) imagesPlaced = addResult(imagesPlaced, output.writer.write([file]));
          if (keepFiles) imageFiles.push(file);
        },
        ...(options.onImageEncoded === undefined ? {} : { onEncode: options.onImageEncoded }),
      },
      sitePictures(content, config),
    );
    if (images.problems.length > 0) throw new ContentError(images.problems);
    // The model, then the site-wide files that read it.
    const site = createSite(config, withImageBytes(records.articles, images.bytes), now);
    // Each language has its own streams: a tag spelt `Cinéma` in French and `Cinema` in English is no merge.
    const streams = languageSites(site).map(siteStreams);
    const streamProblems = streams.flatMap((found) => found.problems);
    if (streamProblems.length > 0) throw new ContentError(await withRecordLines(content, streamProblems));
    const streamWarnings = await withRecordLines(
      content,
      streams.flatMap((found) => found.warnings),
    );
    const translations = translationsOf(site.articles);
    if (translations.problems.length > 0) throw new ContentError(await withRecordLines(content, translations.problems));
    const siteFiles = await rendering.siteFiles(site).catch((error: unknown) => {
      throw error instanceof ThemeError ? new ContentError([themeProblem(error)]) : error;
    });
    const written = [...siteFiles.paths, ...images.paths];
    // The local files named must exist: in public/, or among the files the build writes.
    const missing = await missingFiles(content, contentDir, site, written);
    if (missing.length > 0) throw new ContentError(missing);
    // The files of `public/`, which must not stand where the build writes, then the swap.
    const publicFiles = publicFilesBeside(content, written);
    let bytes = 0;
    if (output !== undefined) {
      const placed = addResult(addResult(siteFiles.placed, imagesPlaced), output.writer.write(publicFiles));
      const paths = new Set([...written, ...publicFiles.map((file) => file.path)]);
      bytes = (await output.commit(placed, paths)).bytes;
    }
    await rendering.committed();
    // What the site now publishes, for `depeche ping`.
    if (output !== undefined) savePublished(outDir, config.hubs, websubTopics(site));
    const settings = content.siteConfig;
    const urlFrom = options.baseUrl === undefined ? settings?.text : undefined;
    return {
      site,
      files: keepFiles && siteFiles.files.length > 0 ? [...siteFiles.files, ...imageFiles, ...publicFiles] : [],
      fileCount: written.length + publicFiles.length,
      bytes,
      drafts: records.drafts,
      ...schedule(records.scheduled),
      reused: siteFiles.reused,
      unread: siteFiles.unread,
      siteFilesReused: siteFiles.siteFilesReused,
      // The records' warnings in file-name order, then the site's.
      warnings: [
        ...records.warnings,
        ...streamWarnings,
        ...config.warnings,
        ...siteNotices(site.url, settings?.file ?? 'site.yaml', urlFrom),
      ],
    };
  } catch (error) {
    // The workers stop before the new folder goes: none may still be writing into it.
    await rendering.close().catch(() => undefined);
    await output?.abort().catch(() => undefined);
    throw error;
  } finally {
    await output?.release();
  }
}

/**
 * The local files the settings and the records name that are neither in `public/` nor among the paths the
 * build writes (gathered only when an image is not in `public/`, which is rare: a large build writes hundreds
 * of thousands). A record's `image.src` gets its line from the record, read again: only a failing build does.
 */
async function missingFiles(
  content: OpenedContent,
  contentDir: string,
  site: Site,
  written: readonly string[],
): Promise<Problem[]> {
  const missing = missingLocalFiles({
    site,
    articles: site.articles,
    paths: publicOrWritten(new Set(content.publicFiles.map((file) => file.path)), () => written),
    settings: content.siteConfig,
    publicDir: shown(join(contentDir, 'public'), content.namesRelativeTo),
  });
  return withRecordLines(content, missing);
}

/** The problems, each of a record's field given the line of that field, its record read again (only on a failure). */
async function withRecordLines(content: OpenedContent, problems: readonly Problem[]): Promise<Problem[]> {
  const texts = new Map<string, string>();
  const records = new Set(content.articleNames);
  for (const { file, line } of problems) {
    if (line !== undefined || texts.has(file) || !records.has(basename(file))) continue;
    const source = await readArticle(content, basename(file));
    if (source !== undefined) texts.set(file, source.text);
  }
  return withFieldLines(problems, texts);
}

/** What the encoder makes of the settings' pictures. */
function sitePictures(content: OpenedContent, config: SiteConfig): SitePictures {
  return {
    file: content.siteConfig?.file ?? 'site.yaml',
    ...(config.image === undefined ? {} : { image: config.image }),
    ...(config.favicon === undefined ? {} : { favicon: config.favicon }),
  };
}

/** The files of `public/`, as output files; an error names each that stands where the build writes. */
function publicFilesBeside(content: OpenedContent, written: readonly string[]): OutputFile[] {
  const paths = new Set(written);
  const clashes = content.publicFiles.filter((file) => paths.has(file.path));
  if (clashes.length > 0) {
    throw new ContentError(
      clashes.map((file) => ({
        file: file.file,
        field: '(file)',
        message: `expected a file the build does not write itself, found ${JSON.stringify(file.path)}`,
      })),
    );
  }
  return content.publicFiles.map(({ path, bytes }): OutputFile => ({ path, contents: bytes }));
}

/** The settings; when they cannot be read, every record is still checked, so that one run shows everything. */
async function readSettings(
  content: OpenedContent,
  contentDir: string,
  baseUrl: string | undefined,
  drafts: boolean,
  images: ReadonlyMap<string, SourceImage>,
): Promise<SiteConfig> {
  const config =
    content.siteConfig === undefined
      ? undefined
      : parseSiteConfig(content.siteConfig.file, content.siteConfig.text, baseUrl, { images });
  if (config !== undefined && !Array.isArray(config)) return config;
  const sources: SourceFile[] = [];
  for (const name of content.articleNames) {
    const source = await readArticle(content, name);
    if (source !== undefined && (drafts || !isDraft(source))) sources.push(source);
  }
  const problems: Problem[] = [...content.problems, ...(config ?? [])];
  problems.push(
    ...checkArticles(
      content.siteConfig && declaredAuthorIds(content.siteConfig.text),
      content.siteConfig === undefined ? [] : declaredOwnFields(content.siteConfig.text),
      sources,
    ),
  );
  throw new ContentError(
    problems.length > 0
      ? problems
      : [
          {
            file: shown(join(contentDir, 'site.yaml'), content.namesRelativeTo),
            field: '(file)',
            message: 'expected site settings, found none',
          },
        ],
  );
}
