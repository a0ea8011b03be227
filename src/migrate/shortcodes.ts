/**
 * The shortcodes of a Hugo body and the Liquid includes of a Jekyll one, turned into what a depeche body
 * says instead where a common form exists: YouTube and Vimeo videos become the embeds the sanitizer keeps
 * (src/markdown-html.ts), figures become Markdown figures with their caption and credit
 * (src/markdown-figure.ts). Any other tag is left as it was, and listed with its line. Pure.
 */

/** What became of one tag of the body: converted (`to`), or left as text. */
export interface TagNote {
  line: number;
  tag: string;
  to?: string;
}

/** A Hugo shortcode (`{{< name … >}}`, `{{% name … %}}`) or a Liquid tag (`{% name … %}`), or a Liquid output. */
const TAG = /\{\{<\s*(.*?)\s*>\}\}|\{\{%\s*(.*?)\s*%\}\}|\{%-?\s*(.*?)\s*-?%\}|\{\{.*?\}\}/g;

/** `name`, then `key="value"`, `key='value'`, `key=value` or positional values. */
const ARGUMENT = /([A-Za-z_][\w-]*)=(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+))|"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;

interface Call {
  name: string;
  positional: string[];
  named: Map<string, string>;
}

/** The body with its known tags converted, and a note for every tag, converted or not, in order. */
export function convertShortcodes(body: string, firstLine: number): { body: string; notes: TagNote[] } {
  const notes: TagNote[] = [];
  const lines = body.split('\n').map((text, index) =>
    text.replace(TAG, (tag, hugo?: string, hugoMarkdown?: string, liquid?: string) => {
      const inner = hugo ?? hugoMarkdown ?? liquid;
      const converted = inner === undefined ? undefined : convert(parseCall(inner), liquid !== undefined);
      const line = firstLine + index;
      if (converted === undefined) {
        notes.push({ line, tag });
        return tag;
      }
      notes.push({ line, tag, to: converted.what });
      return converted.markdown;
    }),
  );
  return { body: lines.join('\n'), notes };
}

function parseCall(inner: string): Call {
  const call: Call = { name: '', positional: [], named: new Map() };
  for (const match of inner.matchAll(ARGUMENT)) {
    const [, key, double, single, bare, positionalDouble, positionalSingle, word] = match;
    if (key !== undefined) call.named.set(key.toLowerCase(), unquoted(double ?? single ?? bare ?? ''));
    else if (call.name === '' && word !== undefined) call.name = word;
    else call.positional.push(unquoted(positionalDouble ?? positionalSingle ?? word ?? ''));
  }
  return call;
}

const unquoted = (value: string): string => value.replace(/\\(["\\])/g, '$1');

/**
 * A Hugo shortcode's or a Liquid tag's replacement. Jekyll's tags are includes of the site's own files
 * (`{% include youtube.html id="…" %}`): those named for a video or a figure, the common forms of themes.
 */
function convert(call: Call, liquid: boolean): { markdown: string; what: string } | undefined {
  const name = liquid ? includedName(call) : call.name.toLowerCase();
  if (name === undefined) return undefined;
  const args = liquid ? { ...call, positional: call.positional.slice(1) } : call;
  if (name === 'youtube') return video(args, 'YouTube', 'https://www.youtube-nocookie.com/embed/', YOUTUBE_ID);
  if (name === 'vimeo') return video(args, 'Vimeo', 'https://player.vimeo.com/video/', /^\d+$/);
  if (name === 'figure') return figure(args);
  return undefined;
}

/** The file a Liquid `include` names, without its extension (`youtube.html` → `youtube`); none for another tag. */
function includedName(call: Call): string | undefined {
  if (call.name !== 'include') return undefined;
  const [file] = call.positional;
  return file?.replace(/\.html?$/i, '').toLowerCase();
}

const YOUTUBE_ID = /^[\w-]{6,20}$/;

function video(call: Call, site: string, base: string, id: RegExp): { markdown: string; what: string } | undefined {
  const written = call.named.get('id') ?? call.positional[0];
  if (written === undefined || !id.test(written)) return undefined;
  const title = call.named.get('title') ?? `${site} video`;
  return {
    markdown: `<iframe src="${base}${written}" title="${attribute(title)}" allowfullscreen></iframe>`,
    what: `a ${site} embed`,
  };
}

/**
 * Hugo's `figure` (`src`, `alt`, `caption` or `title`, `attr` the credit) and the figure includes of Jekyll
 * themes (`image_path`, `url` or `image` for the file). The credit goes after ` — `, depeche's credit syntax.
 */
function figure(call: Call): { markdown: string; what: string } | undefined {
  const get = (...keys: string[]): string | undefined =>
    keys.map((key) => call.named.get(key)?.trim()).find((value) => value !== undefined && value !== '');
  const src = get('src', 'image_path', 'image', 'url', 'file');
  if (src === undefined || /\s/.test(src)) return undefined;
  const caption = get('caption', 'title');
  const credit = get('attr', 'credit');
  const title = [caption, credit].filter((part) => part !== undefined).join(' — ');
  const alt = get('alt') ?? '';
  return {
    markdown: `![${alt.replace(/[[\]\\]/g, '\\$&')}](${src}${title === '' ? '' : ` "${title.replace(/"/g, '\\"')}"`})`,
    what: title === '' ? 'an image' : 'a figure',
  };
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
