/**
 * Hugo on the bench's corpus, for the "hugo cold" row: the goal of issue 4 and 11 is a cold build
 * in at most a third of Hugo's time, measured in the same run on the same records.
 *
 * `writeHugoSite` makes a Hugo site of a corpus: the records copied as they are into
 * `content/articles/` (Hugo reads their YAML front matter; `frontmatter` in the config takes the
 * dates from `datePublished` and `dateModified`, and a record's file name or `slug` gives the same
 * URL as depeche's), `public/logo.png` as a static file, and a minimal layout doing the work
 * depeche does for a page: for each article an HTML page (title, dates, authors by name from the
 * site's list, tags, image, the Markdown body) with its NewsArticle JSON-LD inside and beside it
 * (`index.jsonld`); a home page listing every article; the RSS feed of the newest `feed.limit`
 * (Hugo's own template); the sitemap, robots.txt and a 404 page. Hugo's tag pages and section
 * list are turned off: depeche writes none. Hugo writes no Atom or JSON Feed.
 */
import { spawn } from 'node:child_process';
import {
  accessSync,
  constants,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';
import { ChildFailed } from './child.js';
import type { Corpus } from './corpus.js';
import type { Sample } from './measure.js';

/** The `hugo` on the PATH, or undefined when there is none. */
export function findHugo(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'hugo');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

interface SiteYaml {
  url: string;
  title: string;
  description: string;
  language: string;
  authors: Record<string, { name: string; url?: string }>;
  feed?: { limit?: number };
}

/** Writes the Hugo site of `corpus` into `dir` (emptied first). */
export function writeHugoSite(corpus: Corpus, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  const site = parse(readFileSync(join(corpus.dir, 'site.yaml'), 'utf8')) as SiteYaml;
  const articles = join(dir, 'content', 'articles');
  mkdirSync(articles, { recursive: true });
  for (const name of corpus.articles) copyFileSync(join(corpus.dir, 'articles', name), join(articles, name));
  mkdirSync(join(dir, 'static'));
  copyFileSync(join(corpus.dir, 'public', 'logo.png'), join(dir, 'static', 'logo.png'));
  const limit = site.feed?.limit ?? 50;
  const config = {
    baseURL: site.url,
    title: site.title,
    languageCode: site.language,
    enableRobotsTXT: true,
    disableKinds: ['taxonomy', 'term', 'section'],
    // `rssLimit` for Hugo before 0.114, `services.rss.limit` after.
    rssLimit: limit,
    services: { rss: { limit } },
    frontmatter: {
      date: ['datePublished', ':default'],
      publishDate: ['datePublished', ':default'],
      lastmod: ['dateModified', 'datePublished', ':default'],
    },
    mediaTypes: { 'application/ld+json': { suffixes: ['jsonld'] } },
    outputFormats: {
      jsonld: { mediaType: 'application/ld+json', baseName: 'index', isPlainText: true, notAlternative: true },
    },
    outputs: { home: ['html', 'rss'], page: ['html', 'jsonld'] },
    params: { description: site.description, authors: site.authors },
  };
  writeFileSync(join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  for (const [path, text] of Object.entries(LAYOUTS)) {
    mkdirSync(join(dir, 'layouts', path, '..'), { recursive: true });
    writeFileSync(join(dir, 'layouts', path), text);
  }
}

const LAYOUTS: Record<string, string> = {
  // The NewsArticle of a page, as a value: the HTML page and index.jsonld both serialise it.
  'partials/news-article.html': `{{- $authors := slice -}}
{{- range .Params.authors -}}
  {{- with index site.Params.authors . -}}
    {{- $person := dict "@type" "Person" "name" .name -}}
    {{- with .url }}{{ $person = merge $person (dict "url" (absURL .)) }}{{ end -}}
    {{- $authors = $authors | append $person -}}
  {{- end -}}
{{- end -}}
{{- $article := dict "@context" "https://schema.org" "@type" "NewsArticle" "@id" .Permalink "url" .Permalink
  "headline" .Title "description" .Description "datePublished" (.Date.Format "2006-01-02T15:04:05-07:00")
  "dateModified" (.Lastmod.Format "2006-01-02T15:04:05-07:00") "author" $authors
  "keywords" (delimit (.Params.tags | default slice) ", ") "articleSection" .Params.section
  "inLanguage" (.Params.lang | default site.LanguageCode)
  "publisher" (dict "@type" "NewsMediaOrganization" "name" site.Title "url" site.BaseURL) -}}
{{- with .Params.image -}}
  {{- $article = merge $article (dict "image" (dict "@type" "ImageObject" "url" (absURL .src) "width" .width
    "height" .height)) -}}
{{- end -}}
{{- return $article -}}
`,
  '_default/single.html': `<!doctype html>
<html lang="{{ .Params.lang | default site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ site.Title }}</title>
<meta name="description" content="{{ .Description }}">
<link rel="canonical" href="{{ .Permalink }}">
<link rel="alternate" type="application/rss+xml" href="{{ "index.xml" | absURL }}">
<script type="application/ld+json">{{ partial "news-article.html" . | jsonify | safeJS }}</script>
</head>
<body>
<header><a href="{{ site.BaseURL }}"><img src="{{ "logo.png" | absURL }}" alt="{{ site.Title }}"></a></header>
<main><article>
<p class="section">{{ .Params.section }}</p>
<h1>{{ .Title }}</h1>
<p class="standfirst">{{ .Description }}</p>
<p class="byline">{{ range $i, $id := .Params.authors }}{{ if $i }}, {{ end }}
{{- with index site.Params.authors $id }}{{ .name }}{{ end }}{{ end }}
<time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "2 January 2006" }}</time></p>
{{ with .Params.image }}<figure>
<img src="{{ .src }}" alt="{{ .alt }}" width="{{ .width }}" height="{{ .height }}"></figure>{{ end }}
{{ .Content }}
<ul class="tags">{{ range .Params.tags }}<li>{{ . }}</li>{{ end }}</ul>
</article></main>
<footer>© {{ .Date.Year }} {{ site.Title }}</footer>
</body>
</html>
`,
  '_default/single.jsonld.jsonld': `{{ partial "news-article.html" . | jsonify }}
`,
  'index.html': `<!doctype html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<title>{{ site.Title }}</title>
<meta name="description" content="{{ site.Params.description }}">
<link rel="alternate" type="application/rss+xml" href="{{ "index.xml" | absURL }}">
</head>
<body>
<h1>{{ site.Title }}</h1>
<ol class="articles">
{{ range site.RegularPages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "2 January 2006" }}</time>
<p>{{ .Description }}</p></li>
{{ end }}</ol>
</body>
</html>
`,
  '404.html': `<!doctype html>
<html lang="{{ site.LanguageCode }}">
<head><meta charset="utf-8"><title>Page introuvable – {{ site.Title }}</title></head>
<body><h1>Page introuvable</h1><p><a href="{{ site.BaseURL }}">{{ site.Title }}</a></p></body></html>
`,
};

/**
 * A cold `hugo --quiet` build of `siteDir` into `publicDir`, with a cache folder of its own that
 * is emptied first, so that nothing of an earlier build is reused. Wall time from spawn to exit;
 * CPU time and peak RSS from GNU time (`/usr/bin/time`) when it is there.
 */
export async function hugoBuild(hugo: string, siteDir: string, publicDir: string, timeoutMs: number): Promise<Sample> {
  const cacheDir = `${publicDir}-cache`;
  rmSync(cacheDir, { recursive: true, force: true });
  const args = ['--quiet', '--source', siteDir, '--destination', publicDir, '--cacheDir', cacheDir];
  return run(hugo, args, timeoutMs);
}

const GNU_TIME = '/usr/bin/time';

/** Runs a program to its end, measured; throws `ChildFailed` on a non-zero exit. */
async function run(program: string, args: readonly string[], timeoutMs: number): Promise<Sample> {
  let timed = true;
  try {
    accessSync(GNU_TIME, constants.X_OK);
  } catch {
    timed = false;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'depeche-bench-'));
  const usageFile = join(scratch, 'usage');
  const command = timed ? GNU_TIME : program;
  const commandArgs = timed ? ['--format', '%U %S %M', '--output', usageFile, program, ...args] : args;
  const commandLine = [program, ...args].join(' ');
  try {
    const started = performance.now();
    // A group of its own, so that a time limit stops the program and not only GNU time around it.
    const child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stderr = '';
    child.stdout.resume();
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, timeoutMs);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
    });
    const wallMs = performance.now() - started;
    clearTimeout(timer);
    if (code !== 0) {
      const cause = signal === null ? `exit code ${code}` : `killed by ${signal}`;
      throw new ChildFailed(commandLine, `${cause} after ${(wallMs / 1000).toFixed(1)} s`, stderr);
    }
    if (!timed) return { wallMs };
    const [user, sys, maxRssKiB] = readFileSync(usageFile, 'utf8').trim().split('\n').at(-1)?.split(' ') ?? [];
    return {
      wallMs,
      userMs: Number(user) * 1000,
      sysMs: Number(sys) * 1000,
      maxRssBytes: Number(maxRssKiB) * 1024,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
