/**
 * What `depeche ping` knows, kept beside the output folder with the build's other state
 * (`.depeche/`): the topics the last build published and a hash of each (written by every build
 * that writes, marked failed when it failed), and what each hub was last told.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { STATE_FOLDER } from '../write/spare.js';
import type { Topic } from './topics.js';

/** The last build of an output folder, as `depeche ping` reads it. */
export interface PublishedTopics {
  /** False when the last build failed: its output folder was left as it was, and nothing is pinged. */
  ok: boolean;
  hubs: string[];
  /** Each topic and the SHA-256 of its file as built. */
  topics: (Topic & { sha256: string })[];
}

/** For each hub, the hash of each topic as it was when that hub last took a ping for it. */
export type PingedTopics = Record<string, Record<string, string>>;

const FORMAT = 1;

function stateFile(outDir: string, kind: 'published' | 'pinged'): string {
  const target = resolve(outDir);
  return join(dirname(target), STATE_FOLDER, `websub-${kind}-${basename(target)}.json`);
}

/** After a build swapped its site in: the topics as they now are in `outDir`. */
export function savePublished(outDir: string, hubs: readonly string[], topics: readonly Topic[]): void {
  const hashed = topics.map((topic) => ({ ...topic, sha256: sha256(readFileSync(join(outDir, topic.path))) }));
  saveJson(stateFile(outDir, 'published'), { format: FORMAT, ok: true, hubs, topics: hashed });
}

/**
 * After a build failed: the next ping refuses, whatever an earlier build published. Without an
 * earlier build there is nothing to mark (a ping has nothing to send), and nothing is written.
 */
export function markFailed(outDir: string): void {
  const last = readPublished(outDir);
  if (last !== undefined) saveJson(stateFile(outDir, 'published'), { format: FORMAT, ...last, ok: false });
}

/** The last build's topics; undefined when no build of `outDir` wrote any (or an older depeche did). */
export function readPublished(outDir: string): PublishedTopics | undefined {
  const data = readJson(stateFile(outDir, 'published')) as (PublishedTopics & { format?: number }) | undefined;
  if (data?.format !== FORMAT) return undefined;
  return { ok: data.ok, hubs: data.hubs, topics: data.topics };
}

export function readPinged(outDir: string): PingedTopics {
  const data = readJson(stateFile(outDir, 'pinged')) as { format?: number; hubs?: PingedTopics } | undefined;
  return data?.format === FORMAT && data.hubs !== undefined ? data.hubs : {};
}

export function savePinged(outDir: string, pinged: PingedTopics): void {
  saveJson(stateFile(outDir, 'pinged'), { format: FORMAT, hubs: pinged });
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/** Written beside, then renamed: a reader never sees half a file. */
function saveJson(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(temporary, file);
}
