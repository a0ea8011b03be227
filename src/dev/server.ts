/**
 * `depeche dev`: builds the content in memory, serves the site on a local port, watches the content
 * folder and rebuilds when it changes, and reloads the open pages that changed. Nothing is written
 * to disk. A build that fails keeps the last good site served; its problems go to `onEvent` (the
 * CLI prints them) and to a panel over the open pages. Pure `node:http` and `fs.watch`.
 */
import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Problem } from '../errors.js';
import { escapeHtml } from '../render/html.js';
import { CLIENT_PATH, CLIENT_SCRIPT, EVENTS_PATH, injectClient } from './client.js';
import { type EventHub, createEventHub } from './events.js';
import { mediaType } from './media-types.js';
import { injectBanners } from './page-banners.js';
import { type SiteState, createSiteState } from './site-state.js';
import { sitePath } from './site-path.js';
import { watchFolder } from './watch.js';

export interface DevServerOptions {
  /** Folder holding `site.yaml`, `articles/` and `public/`; watched with everything under it. */
  contentDir: string;
  /** Port to listen on; 0 picks a free one (read it from the returned `url`). */
  port: number;
  /** Interface to listen on. Default `localhost`. */
  host?: string;
  /**
   * The site's base URL in the pages and feeds; its path is the one the site is served under, and
   * `/` redirects to it. Default `http://<host>:<port>/` followed by the path of `url` in `site.yaml`
   * (`/actu/`), read once at the start.
   */
  baseUrl?: string;
  /**
   * The folder that file names in problems are relative to, as in `BuildOptions`; the CLI passes its
   * working directory. Default: none, files are named as `contentDir` is spelled.
   */
  namesRelativeTo?: string;
  /** Called after each build: what changed, or the problems. Default: nothing. */
  onEvent?: (event: DevEvent) => void;
  /**
   * Quiet time after a change before rebuilding, in ms. Default 25: the steps of an editor's save
   * (vim's write backup, a temporary file renamed, JetBrains' safe write) come within a
   * millisecond of each other (`tests/dev/watch.test.ts`).
   */
  debounceMs?: number;
  /**
   * The site's "now": the News sitemap's window ends at it, and the pages of records dated after it
   * (which dev shows, as `--future` builds them) carry a banner. Default: the time of each rebuild.
   */
  now?: Date;
  /**
   * Serves the records marked `draft: true` too, as `build({ drafts: true })` builds them, each page
   * with a "Brouillon / Draft" banner. Default false: drafts have no page, as in a build.
   */
  drafts?: boolean;
}

/** What happened, for the CLI to print. `trigger`: the content files whose change caused it. */
export type DevEvent =
  | {
      type: 'built';
      version: string;
      durationMs: number;
      articles: number;
      changed: string[];
      trigger: string[];
      /** What the records hold that the outputs do not carry; the build succeeded. */
      warnings: readonly Problem[];
    }
  | { type: 'problems'; problems: readonly Problem[]; durationMs: number; trigger: string[] }
  | { type: 'failed'; error: Error; trigger: string[] };

export interface DevServer {
  /** The address the site is served at (the base URL), ending with `/`. */
  url: string;
  /** Stops watching, ends the open event streams and closes the server. */
  close(): Promise<void>;
}

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const host = options.host ?? 'localhost';
  const onEvent = options.onEvent ?? (() => {});
  const hub = createEventHub();
  let closed = false;
  let running: Promise<void> | undefined;
  let queued: string[] | undefined;
  let state: SiteState | undefined;
  let prefix = '/';

  const run = async (trigger: string[]): Promise<void> => {
    if (state === undefined) return;
    const outcome = await state.rebuild(trigger);
    if (closed) return;
    if (outcome.ok) {
      hub.send('built', { version: outcome.version, changed: outcome.changed });
      onEvent({
        type: 'built',
        version: outcome.version,
        durationMs: outcome.durationMs,
        articles: outcome.articles,
        changed: outcome.changed,
        trigger,
        warnings: outcome.warnings,
      });
      return;
    }
    hub.send('problems', { problems: state.problems });
    if (outcome.error !== undefined) onEvent({ type: 'failed', error: outcome.error, trigger });
    else onEvent({ type: 'problems', problems: outcome.problems, durationMs: outcome.durationMs, trigger });
  };
  // One build at a time; changes that come during a build make one more build after it.
  const schedule = (trigger: string[]): void => {
    if (closed) return;
    if (running !== undefined) {
      queued = [...(queued ?? []), ...trigger];
      return;
    }
    running = run(trigger).finally(() => {
      running = undefined;
      const next = queued;
      queued = undefined;
      if (next !== undefined) schedule(next);
    });
  };

  const watcher = watchFolder(options.contentDir, options.debounceMs ?? 25, schedule, (error) =>
    onEvent({ type: 'failed', error, trigger: [] }),
  );
  const server = createServer((request, response) => {
    if (state === undefined) return void response.writeHead(503).end();
    handle(request, response, state, prefix, hub);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, host, () => resolve());
    });
  } catch (error) {
    watcher.close();
    hub.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const url = withSlash(options.baseUrl ?? `${origin}${sitePath(options.contentDir)}`);
  prefix = new URL(url).pathname;
  const fixed = options.now?.getTime();
  const clock = fixed === undefined ? Date.now : () => fixed;
  state = createSiteState(
    options.contentDir,
    url,
    randomUUID().slice(0, 8),
    options.namesRelativeTo,
    clock,
    options.drafts ?? false,
  );
  running = run([]).finally(() => {
    running = undefined;
  });
  await running;

  return {
    url,
    async close() {
      closed = true;
      watcher.close();
      hub.close();
      await running;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function handle(
  request: IncomingMessage,
  response: ServerResponse,
  state: SiteState,
  prefix: string,
  hub: EventHub,
): void {
  const { pathname } = new URL(request.url ?? '/', 'http://dev.invalid');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  if (pathname === EVENTS_PATH) {
    hub.connect(request, response, { version: state.version, problems: state.problems });
    return;
  }
  if (pathname === CLIENT_PATH) {
    send(request, response, 200, 'text/javascript; charset=utf-8', CLIENT_SCRIPT);
    return;
  }
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    send(request, response, 400, 'text/plain; charset=utf-8', 'Bad request: the path is not valid percent-encoding\n');
    return;
  }
  if (path === '/' && prefix !== '/') {
    response.writeHead(302, { Location: prefix, 'Cache-Control': 'no-store' }).end();
    return;
  }
  if (!path.startsWith(prefix)) {
    notFound(request, response, state);
    return;
  }
  serveFile(request, response, path.slice(prefix.length), state);
}

/** Serves `relative` (a path under the site's root, without its leading `/`) from the last good build. */
function serveFile(request: IncomingMessage, response: ServerResponse, relative: string, state: SiteState): void {
  if (state.files.size === 0) {
    waiting(request, response, state);
    return;
  }
  const file = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
  const contents = file === '_headers' ? undefined : state.files.get(file);
  if (contents === undefined) {
    // Like the static hosts: `/articles/x` → `/articles/x/` when that folder has a page.
    if (state.files.has(`${relative}/index.html`)) {
      response.writeHead(301, { Location: `${request.url?.split('?')[0] ?? ''}/`, 'Cache-Control': 'no-store' }).end();
      return;
    }
    notFound(request, response, state);
    return;
  }
  const type = mediaType(file);
  const banners = state.banners.get(file);
  let body: string | Uint8Array = contents;
  if (type.startsWith('text/html')) {
    const page = Buffer.from(contents.buffer, contents.byteOffset, contents.byteLength).toString('utf8');
    body = injectClient(banners === undefined ? page : injectBanners(page, banners), file, state.version);
  }
  send(request, response, 200, type, body);
}

function notFound(request: IncomingMessage, response: ServerResponse, state: SiteState): void {
  const page = state.files.get('404.html');
  if (page === undefined) {
    send(request, response, 404, 'text/plain; charset=utf-8', 'Not found\n');
    return;
  }
  send(
    request,
    response,
    404,
    'text/html; charset=utf-8',
    injectClient(
      Buffer.from(page.buffer, page.byteOffset, page.byteLength).toString('utf8'),
      '404.html',
      state.version,
    ),
  );
}

/** Before the first good build: the problems, in a page that reloads once the content builds. */
function waiting(request: IncomingMessage, response: ServerResponse, state: SiteState): void {
  const list = state.problems.map((line) => escapeHtml(line)).join('\n');
  const page =
    `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>depeche dev: content ` +
    `problems</title></head>\n<body>\n<h1>The content does not build yet</h1>\n<p>Fix these problems; this page ` +
    `reloads when the site builds.</p>\n<pre>${list}</pre>\n</body>\n</html>\n`;
  send(request, response, 503, 'text/html; charset=utf-8', injectClient(page, '*', state.version));
}

function send(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Uint8Array,
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  response.writeHead(status, { 'Content-Type': type, 'Content-Length': bytes.byteLength, 'Cache-Control': 'no-store' });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}
