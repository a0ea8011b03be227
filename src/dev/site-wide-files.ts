/**
 * The site-wide files of the dev server's site, rendered from the one list (`SITE_FILES`), made
 * again after each edit with what is known from the previous ones, for one site's settings (a new
 * model, a new memo): a renderer that declares its inputs is rendered again only when one of them
 * differs (an edit of a body, say, changes no home-page item, no sitemap entry, no header), the
 * others always. Same files, same order, same bytes as `renderSiteFiles`
 * (`tests/dev/site-wide-files.test.ts`). The files kept are kept as bytes.
 */
import type { OutputFile, Site } from '../model.js';
import { type RenderMemo, SITE_FILES, type SiteFileRenderer } from '../render/index.js';

export interface SiteFilesMemo extends RenderMemo {
  kept: Map<SiteFileRenderer['name'], { inputs: readonly unknown[]; files: OutputFile[] }>;
}

export function createSiteFilesMemo(): SiteFilesMemo {
  return { items: new WeakMap(), kept: new Map() };
}

/** `renderSiteFiles(site)`, reusing what `memo` kept of the previous calls; `memo` is updated. */
export function renderSiteWideFiles(site: Site, memo: SiteFilesMemo): OutputFile[] {
  return SITE_FILES.flatMap((renderer) => {
    const inputs = renderer.inputs?.(site, memo);
    if (inputs === undefined) return [...renderer.render(site, memo)];
    const kept = memo.kept.get(renderer.name);
    if (kept !== undefined && sameInputs(kept.inputs, inputs)) return kept.files;
    const files = Array.from(renderer.render(site, memo), asBytes);
    memo.kept.set(renderer.name, { inputs, files });
    return files;
  });
}

/**
 * The file with its contents as UTF-8 bytes: what is kept is half the size of French text held
 * as a JavaScript string (two bytes a character), and outside the V8 heap.
 */
function asBytes(file: OutputFile): OutputFile {
  return typeof file.contents === 'string' ? { path: file.path, contents: Buffer.from(file.contents) } : file;
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
