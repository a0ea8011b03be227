/**
 * The commands: names, options and help, with no dependencies, so that `--help` answers at once.
 * Each command's code is imported only when it runs.
 */
import type { ParseArgsConfig } from 'node:util';
import type { Io, OptionValues } from './io.js';

export type CommandRun = (values: OptionValues, positionals: readonly string[], io: Io) => Promise<number>;

export interface Command {
  name: string;
  /** One line for the list of commands. */
  summary: string;
  /** The command's `--help`. */
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** How many positional arguments the command takes. */
  positionals: { min: number; max: number };
  load(): Promise<CommandRun>;
}

const help = { type: 'boolean', short: 'h' } as const;
const json = { type: 'boolean' } as const;
const quiet = { type: 'boolean', short: 'q' } as const;

const EXIT_CODES = 'Exit codes: 0 ok, 1 content problems or check errors, 2 usage.';

export const COMMANDS: readonly Command[] = [
  {
    name: 'build',
    summary: 'Build content/ into dist/',
    help: `Usage: depeche build [options]

Builds the site: the RSS, Atom and JSON feeds, an HTML page with JSON-LD for every article, the
home page, the sitemap and robots.txt. When a record is wrong, every problem is listed with its file
and line, and the output folder is left as it was.

Options:
  --content DIR    the content folder (default: content)
  --out DIR        the output folder, replaced whole on success (default: dist)
  --base-url URL   the public base URL, instead of site.yaml's url (staging, previews)
  --drafts         include the records marked "draft: true"
  --future         include the records dated after now (SOURCE_DATE_EPOCH when set), else scheduled
  --json           print the problems and the summary as JSON on stdout (for CI)
  -q, --quiet      print nothing on success
  -h, --help       show this help

${EXIT_CODES}
`,
    options: {
      content: { type: 'string' },
      out: { type: 'string' },
      'base-url': { type: 'string' },
      drafts: { type: 'boolean' },
      future: { type: 'boolean' },
      json,
      quiet,
      help,
    },
    positionals: { min: 0, max: 0 },
    load: async () => (await import('./build.js')).run,
  },
  {
    name: 'dev',
    summary: 'Serve the site on localhost and rebuild it as content/ changes',
    help: `Usage: depeche dev [options]

Builds the site, serves it on localhost, watches the content folder, rebuilds what changed and
reloads the open pages. A record with errors shows them in the terminal and in the page; the last
good site stays served.

Options:
  --content DIR    the content folder (default: content)
  --port N         the port to listen on (default: 4321; 0 for any free port)
  --host HOST      the interface to listen on (default: localhost)
  --drafts         serve the records marked "draft: true" too, with a "Brouillon / Draft" banner
  -h, --help       show this help

Stop it with Ctrl-C. ${EXIT_CODES}
`,
    options: {
      content: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      drafts: { type: 'boolean' },
      help,
    },
    positionals: { min: 0, max: 0 },
    load: async () => (await import('./dev.js')).run,
  },
  {
    name: 'check',
    summary: 'Check a built site offline: feeds, JSON-LD, links',
    help: `Usage: depeche check [DIR] [options]

Checks a built site (default: dist) without the network, as a feed reader or a search engine
would read it: XML well-formedness, Atom against RFC 4287's RELAX NG schema, RSS and JSON Feed 1.1
required fields, items that disagree between the feeds, relative URLs in feed content, every page's
JSON-LD against the schema.org vocabulary, Google's Article recommendations, broken internal links
and missing images. One line a finding, with its file and its line or JSON path.

Options:
  --base-url URL   the site's public URL (default: the home page's canonical link)
  --content DIR    the content folder, to report an article's broken links at its record's line
                   (default: content beside DIR, when it exists)
  --strict         fail on warnings too
  --json           print the findings and the summary as JSON on stdout
  -q, --quiet      print errors only
  -h, --help       show this help

Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 usage.
`,
    options: {
      'base-url': { type: 'string' },
      content: { type: 'string' },
      strict: { type: 'boolean' },
      json,
      quiet,
      help,
    },
    positionals: { min: 0, max: 1 },
    load: async () => (await import('./check.js')).run,
  },
  {
    name: 'ping',
    summary: 'Tell the WebSub hubs which feeds changed',
    help: `Usage: depeche ping [options]

Tells each hub of site.yaml's websub.hubs of the feeds (and the home page) that changed since that
hub last took a ping for them, as the last build of the output folder made them: a POST of
hub.mode=publish and hub.url for each. Run it after the built site is deployed. A request that
times out, cannot connect, or gets a 5xx or 429 answer is tried 3 more times, waiting 1, 2 and 4 s.
Nothing is sent when the last build failed.

Options:
  --out DIR        the output folder whose last build is told of (default: dist)
  --timeout S      seconds one request may take (default: 10)
  --dry-run        print what would be sent, and send nothing
  --json           print every hub's answer as JSON on stdout
  -h, --help       show this help

Exit codes: 0 every hub took every change (or there was none), 1 a hub refused or could not be
reached (each is listed, with its status and answer), or the last build failed, 2 usage.
`,
    options: { out: { type: 'string' }, timeout: { type: 'string' }, 'dry-run': { type: 'boolean' }, json, help },
    positionals: { min: 0, max: 0 },
    load: async () => (await import('./ping.js')).run,
  },
  {
    name: 'init',
    summary: 'Start a new site in an empty folder',
    help: `Usage: depeche init [FOLDER]

Writes a new site into FOLDER (default: the current folder), which must be empty or not exist yet:
content/site.yaml with every setting commented, one example article, a placeholder logo in
content/public/, a .gitignore (dist/, .depeche/), a README and a package.json whose scripts run
depeche. Then: cd FOLDER && npx depeche build.

Options:
  -h, --help       show this help

Exit codes: 0 written, 1 the folder is not empty (nothing is written), 2 usage.
`,
    options: { help },
    positionals: { min: 0, max: 1 },
    load: async () => (await import('./init.js')).run,
  },
  {
    name: 'new',
    summary: 'Start an article: content/articles/<slug>.md',
    help: `Usage: depeche new "Titre de l'article" [options]

Writes content/articles/<slug>.md with the title, datePublished set to now with the local UTC
offset (SOURCE_DATE_EPOCH, when set, is "now"), draft: true and the required fields to fill. The
slug is the title in lowercase ASCII: accents folded (é → e, œ → oe), apostrophes dropped
(l'Europe → leurope), every other run of signs a hyphen. An existing file is never overwritten.

Options:
  --content DIR    the content folder (default: content)
  --slug SLUG      the slug, instead of the one made from the title
  -h, --help       show this help

${EXIT_CODES}
`,
    options: { content: { type: 'string' }, slug: { type: 'string' }, help },
    positionals: { min: 1, max: 1 },
    load: async () => (await import('./new.js')).run,
  },
  {
    name: 'import',
    summary: 'Turn an article copied from a web page into a record',
    help: `Usage: depeche import FILE.txt [options]
       depeche import --from hugo|jekyll FOLDER [--content DIR]

Reads the raw text of an article as it was copied from a web page and writes a record:
the first paragraph becomes the description, a trailing URL (or --url) the source (a typed
NewsArticle citation and isBasedOn), blocks that repeat (newsletter and cookie banners) are dropped,
quotations in « » or “ ” followed by their speaker ("», a affirmé Kai Zenner, conseiller…") become
quotes, and dates in the text ("le 27 février 2024") are offered as hints.

With --from, converts every post of a Hugo site (content/) or a Jekyll site (_posts/) with YAML
front matter into a record: date → datePublished (in site.yaml's timeZone when it has no offset),
lastmod → dateModified, categories → section and tags, summary or excerpt → description; then lists,
file by file, what could not be mapped.

Options:
  --from NAME      hugo or jekyll: FOLDER is a site of theirs, whose posts become records
  --url URL        the article's source URL, when the text does not end with it
  --content DIR    the content folder (default: content)
  --slug SLUG      the slug, instead of the one made from the title
  --print          print the record on stdout instead of writing it
  -h, --help       show this help

${EXIT_CODES}
`,
    options: {
      url: { type: 'string' },
      from: { type: 'string' },
      content: { type: 'string' },
      slug: { type: 'string' },
      print: { type: 'boolean' },
      help,
    },
    positionals: { min: 1, max: 1 },
    load: async () => (await import('./import.js')).run,
  },
];

export const USAGE = `Usage: depeche <command> [options]

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(8)}  ${command.summary}`).join('\n')}

Options:
  -h, --help      show this help, or a command's (depeche build --help)
  -v, --version   show the version

${EXIT_CODES}
`;
