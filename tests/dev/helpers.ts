/** A scratch copy of the embedded content, and a reader of the dev server's event stream. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '../..');
export const SLUG = 'le-partenariat-entre-microsoft-et-mistral-ai-agace-bruxelles-mais-ravit-le-gouvernement';
export const TITLE = 'Le partenariat entre Microsoft et Mistral AI agace Bruxelles mais ravit le gouvernement';

/** Copies `content/` into a fresh temporary folder; returns the copy and a way to edit its record. */
export function copySeed(): {
  dir: string;
  contentDir: string;
  record: string;
  original: string;
  edit: (change: (text: string) => string) => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'depeche-dev-'));
  const contentDir = join(dir, 'content');
  cpSync(join(root, 'content'), contentDir, { recursive: true });
  const record = join(contentDir, 'articles', `${SLUG}.md`);
  const original = readFileSync(record, 'utf8');
  return {
    dir,
    contentDir,
    record,
    original,
    edit: (change) => writeFileSync(record, change(readFileSync(record, 'utf8'))),
  };
}

export interface ServerEvent {
  name: string;
  data: Record<string, unknown>;
}

/** Resolves when `test` holds, polling every 10 ms; rejects after `timeoutMs` with `what`. */
export async function until<T>(what: string, test: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = test();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Opens the server-sent event stream at `url` and collects its events as they come. */
export async function openEvents(
  url: string,
): Promise<{ events: ServerEvent[]; next: (name: string, after?: number) => Promise<ServerEvent>; close: () => void }> {
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal });
  if (response.headers.get('content-type') !== 'text/event-stream; charset=utf-8')
    throw new Error('not an event stream');
  const events: ServerEvent[] = [];
  const reader = response.body?.getReader();
  if (reader === undefined) throw new Error('no body');
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (name !== undefined && data !== undefined)
            events.push({ name, data: JSON.parse(data) as Record<string, unknown> });
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    events,
    /** The first event named `name` at index `after` or later. */
    next: (name, after = 0) =>
      until(`a "${name}" event`, () => events.slice(after).find((event) => event.name === name)),
    close: () => abort.abort(),
  };
}
