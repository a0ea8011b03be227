/**
 * What a build says without failing: settings that are valid but leave the user something to do
 * outside `dist/`. Pure: the settings' URL and the text of `site.yaml` in, problems out.
 */
import type { Problem } from './errors.js';
import { robotsAdvice } from './render/robots.js';
import { lineOfField } from './content/yaml-position.js';

/**
 * The notices for a site at `url`, named in `file` (site.yaml). `text` is that file's text when
 * `url` comes from it (not from `--base-url`): it gives the notices a line.
 */
export function siteNotices(url: string, file: string, text: string | undefined): Problem[] {
  const advice = robotsAdvice(url);
  if (advice === undefined) return [];
  const line = text === undefined ? undefined : lineOfField(text, ['url']);
  return [
    {
      file,
      ...(line === undefined ? {} : { line }),
      field: 'url',
      message: `the site is not at its host's root, so no robots.txt is written (crawlers read it at the root only)`,
      hint: `add "${advice}" to the robots.txt at ${new URL('/robots.txt', url).href}`,
    },
  ];
}
