/**
 * What each record rendered to, kept between the builds of one process (the dev server's
 * rebuilds), so that an unchanged record is neither parsed nor rendered again. A record's outcome
 * depends on its file name and text, the site settings and the year the pages show: the memo is
 * keyed by the first two and emptied whenever the others change.
 */
import type { SiteConfig } from './config.js';
import type { SourceFile } from './content/load.js';
import type { DateTime } from './model.js';
import type { RecordOutcome } from './render-record.js';

export interface RenderMemo {
  settings: string;
  outcomes: Map<string, RecordOutcome>;
}

export function createRenderMemo(): RenderMemo {
  return { settings: '', outcomes: new Map() };
}

/** Empties the memo when the settings or the pages' year differ from those its outcomes were made with. */
export function useSettings(memo: RenderMemo, config: SiteConfig, updated: DateTime): void {
  const settings = JSON.stringify([config, updated.iso.slice(0, 4)], (_key, value: unknown) => (value instanceof Map ? [...value] : value));
  if (settings === memo.settings) return;
  memo.settings = settings;
  memo.outcomes.clear();
}

export function memoKey(source: SourceFile): string {
  return `${source.file}\0${source.name}\0${source.text}`;
}

/** The record a memo key was made from: the inverse of `memoKey` (file paths and names hold no NUL). */
export function memoSource(key: string): SourceFile {
  const afterFile = key.indexOf('\0');
  const afterName = key.indexOf('\0', afterFile + 1);
  return { file: key.slice(0, afterFile), name: key.slice(afterFile + 1, afterName), text: key.slice(afterName + 1) };
}
