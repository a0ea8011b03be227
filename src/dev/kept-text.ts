/**
 * A record's text as the dev server keeps it between rebuilds (its pages are rendered from it when
 * asked for): its UTF-8 bytes, half the size of French text held as a JavaScript string and
 * outside the V8 heap, deflated in the thread pool (a record's text deflates to well under half).
 */
import { deflateRaw, inflateRawSync } from 'node:zlib';

/** A record's text as kept: its UTF-8 bytes, deflated (raw) once that is done. */
export interface KeptText {
  bytes: Buffer;
  deflated: boolean;
}

/**
 * The text's UTF-8 bytes, deflated in the thread pool (level 1: fast, and most of the gain); until
 * then, as they are. A few at a time: each deflate holds a few hundred KB of zlib state while it
 * waits, and the pool's threads also serve the file reads of the next edit.
 */
export function keepText(text: string): KeptText {
  const kept: KeptText = { bytes: Buffer.from(text), deflated: false };
  waiting.push(kept);
  deflateNext();
  return kept;
}

export const DEFLATING_AT_ONCE = 16;
let deflating = 0;
let waiting: KeptText[] = [];
let next = 0;

function deflateNext(): void {
  while (deflating < DEFLATING_AT_ONCE && next < waiting.length) {
    const kept = waiting[next++] as KeptText;
    if (next === waiting.length) {
      waiting = [];
      next = 0;
    }
    deflating++;
    // An 8 KB window: a record is about that long; inflateRaw's default window (32 KB) reads it.
    deflateRaw(kept.bytes, { level: 1, windowBits: 13, memLevel: 7 }, (error, bytes) => {
      deflating--;
      if (error === null) {
        // A copy: zlib's result is a slice of its 16 KB output chunk, which it would keep alive.
        kept.bytes = Buffer.from(bytes);
        kept.deflated = true;
      }
      deflateNext();
    });
  }
}

/** The text kept. */
export function keptText(kept: KeptText): string {
  return (kept.deflated ? inflateRawSync(kept.bytes) : kept.bytes).toString('utf8');
}
