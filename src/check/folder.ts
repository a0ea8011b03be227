/**
 * `check` for people who script their builds: a built folder in, findings out. The checks
 * themselves (`checkFiles`) are pure and also take the files `build({ write: false })` returns.
 */
import { readSite } from './read-site.js';
import { checkFiles, type CheckOptions, type CheckResult } from './site.js';

export interface CheckSiteOptions extends Pick<CheckOptions, 'baseUrl'> {
  /** The built site's folder. Default `dist`. */
  dir?: string;
}

/** Checks the site built in `dir` (default `dist`); findings name files as `<dir>/<path>`. */
export async function check(options: CheckSiteOptions = {}): Promise<CheckResult> {
  const dir = options.dir ?? 'dist';
  const files = await readSite(dir);
  return checkFiles(files, { folder: dir, ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }) });
}
