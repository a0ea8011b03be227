/** An `Io` in memory: what a command wrote, a fixed clock, a chosen terminal and environment. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export interface FakeOptions {
  cwd: string;
  tty?: boolean;
  env?: Record<string, string>;
  /** "now": 2024-02-28T08:00:00Z unless given. */
  now?: number;
  /** The local offset: +01:00 unless given. */
  offsetMinutes?: number;
}

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

export function fakeIo(options: FakeOptions): {
  io: Io;
  out: { stdout: string; stderr: string };
  interrupt: () => void;
} {
  const out = { stdout: '', stderr: '' };
  let interrupt: () => void = () => {};
  const interrupted = new Promise<void>((resolve) => {
    interrupt = resolve;
  });
  const io: Io = {
    stdout: {
      write: (text) => {
        out.stdout += text;
      },
      isTTY: options.tty ?? false,
    },
    stderr: {
      write: (text) => {
        out.stderr += text;
      },
      isTTY: options.tty ?? false,
    },
    env: options.env ?? {},
    clock: {
      now: () => options.now ?? Date.parse('2024-02-28T08:00:00Z'),
      offsetMinutes: () => options.offsetMinutes ?? 60,
    },
    cwd: options.cwd,
    untilInterrupted: () => interrupted,
  };
  return { io, out, interrupt };
}

/** Runs `depeche <args>` in memory. */
export async function depeche(args: string[], options: FakeOptions): Promise<Run> {
  const { io, out } = fakeIo(options);
  const status = await main(args, io, () => '9.9.9');
  return { status, ...out };
}

const root = join(import.meta.dirname, '../..');

/** A scratch folder holding a copy of the seed's `content/`; `remove()` deletes it. */
export function scratchWithSeed(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'depeche-cli-'));
  cpSync(join(root, 'content'), join(dir, 'content'), { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
