/**
 * What the dev server adds to the pages it serves, and only there: one `<script>` tag before
 * `</body>`, which loads `CLIENT_SCRIPT`. The script listens to the server's events over SSE:
 * - `built`: a new site is served; the page reloads when its own file changed, else it only clears
 *   the problems panel;
 * - `problems`: the content has problems; a panel lists them over the page, which keeps showing the
 *   last good site;
 * - `hello` (on each connection, so also after the server restarts): the current version; a page
 *   served from an older build reloads, and the current problems are shown.
 */
import { escapeHtml } from '../render/html.js';

/** Where the events are served. */
export const EVENTS_PATH = '/__depeche/events';
/** Where the script is served. */
export const CLIENT_PATH = '/__depeche/client.js';

/**
 * Adds the script tag to a page. `path` is the file the page was made from (`articles/x/index.html`,
 * or `*` for a page that must reload on any new build); `version` the build it came from.
 */
export function injectClient(page: string, path: string, version: string): string {
  const tag =
    `<script src="${CLIENT_PATH}" data-path="${escapeHtml(path)}" ` +
    `data-version="${escapeHtml(version)}" defer></script>\n`;
  const end = page.lastIndexOf('</body>');
  return end === -1 ? page + tag : page.slice(0, end) + tag + page.slice(end);
}

export const CLIENT_SCRIPT =
  `// depeche dev: reloads this page when its content changes, shows content problems.
(() => {
  const script = document.currentScript;
  const path = script.dataset.path;
  let version = script.dataset.version;
  const source = new EventSource(${JSON.stringify(EVENTS_PATH)});
  const on = (name, handle) => source.addEventListener(name, (event) => handle(JSON.parse(event.data)));
  on('hello', (data) => {
    if (data.version !== version) location.reload();
    else show(data.problems);
  });
  on('built', (data) => {
    version = data.version;
    if (path === '*' || data.changed.includes(path)) location.reload();
    else show([]);
  });
  on('problems', (data) => show(data.problems));

  let panel;
  function show(problems) {
    if (panel) panel.remove();
    panel = undefined;
    if (problems.length === 0) return;
    panel = document.createElement('depeche-problems');
    const root = panel.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = ':host{all:initial;position:fixed;z-index:2147483647;inset:auto 0 0 0;` +
  `max-height:60vh;overflow:auto;' +
      'background:#2b0d0d;color:#fde8e8;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;` +
  `border-top:4px solid #e5484d}' +
      'div{padding:12px 16px}h2{font:600 15px/1.4 system-ui,sans-serif;margin:0 0 8px}` +
  `pre{margin:0;white-space:pre-wrap}' +
      'button{float:right;font:inherit;background:none;color:inherit;border:1px solid currentColor;` +
  `border-radius:4px;cursor:pointer}';
    const box = document.createElement('div');
    box.setAttribute('role', 'alert');
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Close';
    close.addEventListener('click', () => panel && panel.remove());
    const title = document.createElement('h2');
    title.textContent = 'depeche dev: the content has ' + problems.length + ' problem(s); ` +
  `this page shows the last good build';
    const list = document.createElement('pre');
    list.textContent = problems.join('\\n');
    box.append(close, title, list);
    root.append(style, box);
    document.documentElement.append(panel);
  }
})();
`;
