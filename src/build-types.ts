/**
 * What a build takes and gives (`BuildOptions`, `BuildResult`), and the seam its speed-ups plug in
 * at (`RecordsEngine`): the types of pipeline.ts, apart so that the pipeline reads in one screen.
 */
import type { SiteConfig } from './config.js';
import type { OpenedContent } from './content/load.js';
import type { Problem } from './errors.js';
import type { Article, OutputFile, Site } from './model.js';
import type { ScheduledRecord } from './scheduled.js';
import type { SiteOutput, WriteResult } from './write/output.js';

export interface BuildOptions {
  /** Folder holding `site.yaml`, `articles/` and `public/`. Default `content`. */
  contentDir?: string;
  /** Folder the site is written to; replaced whole on success. Default `dist`. */
  outDir?: string;
  /** Replaces the `url` of `site.yaml` (staging, previews). Default: the setting. */
  baseUrl?: string;
  /** When false, the site is rendered but nothing is written. Default true. */
  write?: boolean;
  /** Includes the records marked `draft: true`. Default false: drafts are left out. */
  drafts?: boolean;
  /**
   * The build's "now": a record whose `datePublished` is after it is scheduled, left out of every
   * output, and the News sitemap lists the articles of the 48 hours before it. The CLI passes
   * `SOURCE_DATE_EPOCH` when it is set. Default: the time of the call.
   */
  now?: Date;
  /** Includes the scheduled records (published after `now`). Default false: they are left out. */
  future?: boolean;
  /**
   * Modification time of every file and folder written, so that an archive of the site is byte
   * identical too; the CLI passes `SOURCE_DATE_EPOCH` when it is set. Default: the time of writing.
   */
  mtime?: Date;
  /**
   * Keeps every file in memory for `BuildResult.files` while writing them. Default true; the CLI
   * passes false, so that a large site streams to disk and memory holds the model only: then the
   * articles of `BuildResult.site` beyond the feeds' newest hold only what the site-wide files read
   * (`listedArticle` in model.ts). Files are always kept when `write` is false.
   */
  keepFiles?: boolean;
  /**
   * Keeps a build cache beside the output folder (incremental/cache.ts): the next build neither parses,
   * renders nor writes an unchanged record, and links its files from the previous site instead.
   * Only with `write` and `keepFiles: false` (the files of a reused record are not read back).
   * The CLI passes true. Default false; a build without it removes a cache it would make stale.
   */
  incremental?: boolean;
  /**
   * Called with the output path of each image variant encoded, not taken from the cache
   * (`.depeche/images-<out>`): a rebuild with unchanged images calls it never. Default: none.
   */
  onImageEncoded?: (path: string) => void;
  /** Called as the build goes: each phase as it starts, then each article rendered. Default: none. */
  onProgress?: (progress: BuildProgress) => void;
  /**
   * The folder that file names in problems and warnings are relative to, when they are inside it; the CLI
   * passes its working directory. Default: none, files are named as `contentDir` is spelled
   * (`content/articles/x.md`; absolute for an absolute `contentDir`).
   */
  namesRelativeTo?: string;
}

/** Where a build is: `load` and `write` start with `done` 0; `render` counts the articles rendered. */
export interface BuildProgress {
  phase: 'load' | 'render' | 'write';
  done: number;
  total: number;
}

export interface BuildResult {
  site: Site;
  /** Every file of the site: the rendered outputs, then the files of `public/`; empty with `keepFiles: false`. */
  files: OutputFile[];
  /** How many files the site has (written, or in `files`). */
  fileCount: number;
  /** Bytes written (0 when `write` is false). */
  bytes: number;
  /** The records left out because they are drafts (their files), empty with `drafts: true`. */
  drafts: string[];
  /** The records left out because they are published after `now`, soonest first; empty with `future: true`. */
  scheduled: ScheduledRecord[];
  /** The `datePublished` of the first of `scheduled`: when the site should be built again. */
  nextDue?: string;
  /** How many articles were taken unchanged from the build cache (`incremental`), not rendered. */
  reused: number;
  /** Of those, how many were not even read: their file's stat said it was not written since (incremental/cache.ts). */
  unread: number;
  /**
   * How many site-wide files (home pages, feeds, each stream's pages and feeds…) were linked unchanged from
   * the previous site (`incremental`: what they read had not changed), not rendered.
   */
  siteFilesReused: number;
  /** What the build says without failing (`site-notices.ts`), such as the robots.txt a sub-path site needs. */
  warnings: Problem[];
}

/**
 * The seam the speed-ups plug in at: given a build's setup, the records rendered and their files
 * handed to the writer, then the site-wide files. The pipeline calls the four steps in order.
 */
export type RecordsEngine = (setup: RecordsSetup) => RenderedRecords;

export interface RecordsSetup {
  content: OpenedContent;
  config: SiteConfig;
  outDir: string;
  drafts: boolean;
  /** The build's "now" (ms since the epoch): records published after it are left out, unless `future`. */
  now: number;
  future: boolean;
  /** Where the files go; none when the build writes nothing. */
  output: SiteOutput | undefined;
  /** Each record's files are kept for the result. */
  keepFiles: boolean;
  /** Reuses what the previous build of `outDir` made, and keeps what the next one reuses. */
  reuse: boolean;
  mtime: Date | undefined;
}

/** Every record checked and rendered, its files placed. */
export interface RecordsDone {
  /** The valid records' articles, in file-name order: the feeds' newest whole, the others as listed. */
  articles: Article[];
  /** Every problem: the content's, each record's, those across records. */
  problems: Problem[];
  /** The drafts left out, in file-name order. */
  drafts: string[];
  /** The records left out because they are published after now. */
  scheduled: ScheduledRecord[];
  /** How many record files could be read. */
  read: number;
  warnings: Problem[];
}

/** The site-wide files, rendered or reused, placed in the output. */
export interface SiteFilesDone {
  /** The paths of every file of the site the build made: the records' and the site-wide ones. */
  paths: string[];
  /** Every file in the order of `BuildResult.files`, when kept: home page, articles, the other site-wide files. */
  files: OutputFile[];
  placed: WriteResult;
  reused: number;
  siteFilesReused: number;
  unread: number;
}

export interface RenderedRecords {
  records(onRecord: (done: number, total: number) => void): Promise<RecordsDone>;
  siteFiles(site: Site): Promise<SiteFilesDone>;
  /** After the new site is in place: keeps what the next build reuses (or drops what would lie). */
  committed(): Promise<void>;
  /** Stops the workers; safe to call more than once. */
  close(): Promise<void>;
}
