/**
 * Runs a Node child process and measures it: wall time from spawn to exit, as seen by the parent,
 * and the child's own CPU time, peak RSS and bytes written, which a tiny `--import` probe reads
 * from `process.resourceUsage()` and `/proc/self/io` as the child exits. The child runs its
 * command unchanged (`node lib/cli.js build …`).
 *
 * The figures cover the child process and its worker threads. Processes it would fork itself are
 * not counted: if the build ever forks, measure with `/usr/bin/time -f "%e %U %S %M"` instead.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ChildUsage {
  /** Wall time from spawn to exit, milliseconds. */
  wallMs: number;
  /** CPU time in user mode, all threads, milliseconds. */
  userMs: number;
  /** CPU time in the kernel, milliseconds. */
  sysMs: number;
  /** Peak resident set size, bytes. */
  maxRssBytes: number;
  /** Bytes the child passed to write(2) (`wchar` of /proc/self/io; includes its stdout). */
  writtenBytes: number;
  stdout: string;
}

export class ChildFailed extends Error {
  constructor(
    readonly command: string,
    readonly reason: string,
    readonly stderr: string,
  ) {
    super(`${command}: ${reason}\n${stderr.trim().split('\n').slice(-8).join('\n')}`);
    this.name = 'ChildFailed';
  }
}

const ENV_KEY = 'DEPECHE_BENCH_USAGE_FILE';

/** Runs in the child: writes its resource usage where the parent asked, once, at exit. */
const PROBE = `
import { readFileSync, writeFileSync } from 'node:fs';
const file = process.env.${ENV_KEY};
delete process.env.${ENV_KEY};
if (file) process.on('exit', () => {
  const usage = process.resourceUsage();
  let io = '';
  try { io = readFileSync('/proc/self/io', 'utf8'); } catch {}
  writeFileSync(file, JSON.stringify({ user: usage.userCPUTime, sys: usage.systemCPUTime, maxRss: usage.maxRSS, io }));
});
`;
const PROBE_FLAG = `--import=data:text/javascript,${encodeURIComponent(PROBE)}`;

interface ProbeReport {
  user: number;
  sys: number;
  /** Kibibytes. */
  maxRss: number;
  io: string;
}

export interface RunOptions {
  cwd?: string;
  /** Flags for node itself, before the script (`--cpu-prof`, `--import tsx`). */
  nodeFlags?: readonly string[];
  /** Kill the child after this many milliseconds. Default: no limit. */
  timeoutMs?: number;
}

/** A child still running: what it printed so far, its CPU and memory so far (Linux), and how to stop it. */
export interface RunningChild {
  readonly stdout: string;
  /** Resolves with the first match of `pattern` in its stdout; rejects if it exits first. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  /** User + system CPU time so far, milliseconds (10 ms resolution; NaN where /proc is missing). */
  cpuMs(): number;
  /** Peak RSS so far, bytes (NaN where /proc is missing). */
  peakRssBytes(): number;
  /** Sends `signal` and resolves with the usage once it has exited with code 0. */
  stop(signal?: NodeJS.Signals): Promise<ChildUsage>;
  /** Resolves with the usage when it exits with code 0; rejects with `ChildFailed` otherwise. */
  readonly finished: Promise<ChildUsage>;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function procFile(pid: number | undefined, name: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${name}`, 'utf8');
  } catch {
    return undefined; // not on Linux, or already gone
  }
}

/** Starts `node [probe] [flags] script ...args`. */
export function startNode(script: string, args: readonly string[], options: RunOptions = {}): RunningChild {
  const scratch = mkdtempSync(join(tmpdir(), 'depeche-bench-'));
  const usageFile = join(scratch, 'usage.json');
  const command = ['node', ...(options.nodeFlags ?? []), script, ...args].join(' ');
  const child = spawn(process.execPath, [PROBE_FLAG, ...(options.nodeFlags ?? []), script, ...args], {
    cwd: options.cwd,
    env: { ...process.env, [ENV_KEY]: usageFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started = performance.now();
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const listener of listeners) listener();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer =
    options.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
  // A child that dies (out of memory, killed) never reports its usage: watch its peak RSS from here.
  let peakKiB = 0;
  const peakRssBytes = (): number => {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(procFile(child.pid, 'status') ?? '')?.[1];
    if (hwm !== undefined) peakKiB = Math.max(peakKiB, Number(hwm));
    return peakKiB > 0 ? peakKiB * 1024 : Number.NaN;
  };
  const watcher = setInterval(peakRssBytes, 250);
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
  });
  const finished = (async (): Promise<ChildUsage> => {
    try {
      const [code, signal] = await exited;
      const wallMs = performance.now() - started;
      clearTimeout(timer);
      clearInterval(watcher);
      await new Promise((resolve) =>
        child.stdout.readableEnded ? resolve(undefined) : child.stdout.on('end', resolve),
      );
      if (code !== 0) {
        const cause = /heap out of memory/.test(stderr)
          ? 'out of memory (V8 heap limit)'
          : signal !== null
            ? `killed by ${signal}` +
              (signal === 'SIGKILL' && options.timeoutMs !== undefined
                ? ` (time limit ${options.timeoutMs / 1000} s, or the system ran out of memory)`
                : '')
            : `exit code ${code}`;
        const peak = peakKiB > 0 ? `, peak RSS ≥ ${(peakKiB / 1024).toFixed(0)} MiB` : '';
        throw new ChildFailed(command, `${cause} after ${(wallMs / 1000).toFixed(1)} s${peak}`, stderr);
      }
      const report = JSON.parse(readFileSync(usageFile, 'utf8')) as ProbeReport;
      return {
        wallMs,
        userMs: report.user / 1000,
        sysMs: report.sys / 1000,
        maxRssBytes: report.maxRss * 1024,
        writtenBytes: Number(/^wchar: (\d+)$/m.exec(report.io)?.[1] ?? Number.NaN),
        stdout,
      };
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  })();
  finished.catch(() => {}); // reported to whoever awaits it; never an unhandled rejection
  return {
    get stdout() {
      return stdout;
    },
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const match = pattern.exec(stdout);
          if (match === null) return;
          done();
          resolve(match);
        };
        const expire = setTimeout(() => {
          done();
          reject(new ChildFailed(command, `no ${pattern} in its output after ${timeoutMs / 1000} s`, stderr));
        }, timeoutMs);
        const done = (): void => {
          clearTimeout(expire);
          listeners.delete(check);
        };
        finished.then(
          () => {
            done();
            reject(new ChildFailed(command, `exited before printing ${pattern}`, stderr));
          },
          (error: unknown) => {
            done();
            reject(error);
          },
        );
        listeners.add(check);
        check();
      });
    },
    cpuMs() {
      // /proc/<pid>/stat: fields 14 and 15 (utime, stime), after the parenthesised command name.
      const fields = (procFile(child.pid, 'stat') ?? '').replace(/^.*\) /s, '').split(' ');
      return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1000;
    },
    peakRssBytes,
    async stop(signal = 'SIGINT') {
      child.kill(signal);
      return finished;
    },
    finished,
  };
}

/** Runs `node [flags] script ...args` to its end, measured; throws `ChildFailed` on a non-zero exit. */
export function runNode(script: string, args: readonly string[], options: RunOptions = {}): Promise<ChildUsage> {
  return startNode(script, args, options).finished;
}
