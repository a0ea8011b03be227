/**
 * The record `depeche new` writes: the required fields, ready to fill, marked as a draft. Pure:
 * the title and "now" in, the file's text out.
 */
import { stringify } from 'yaml';

/** An instant and the UTC offset to write it in, as the CLI's clock gives them. */
export interface LocalTime {
  epochMs: number;
  /** Minutes east of UTC (`+01:00` → 60). */
  offsetMinutes: number;
}

/** `2024-02-28T09:00:00+01:00`: the wall-clock time at `offsetMinutes`, with that offset. */
export function formatLocalDateTime({ epochMs, offsetMinutes }: LocalTime): string {
  const wall = new Date(Math.floor(epochMs / 1000) * 1000 + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(offsetMinutes);
  return `${wall.toISOString().slice(0, 19)}${sign}${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A YAML scalar on one line, quoted only when it must be. */
export function yamlScalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** The front matter and an empty body for an article titled `title`, published `now`. */
export function newRecord(title: string, now: LocalTime): string {
  return `---
title: ${yamlScalar(title)}
# The standfirst: one or two sentences, shown under the title and as the feeds' summary.
description: ""
datePublished: ${formatLocalDateTime(now)}
# Optional: section, tags, authors (ids from site.yaml), image, citations, isBasedOn, quotes…
# (see README.md). Remove the next line to publish.
draft: true
---

`;
}
