/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): where the main thread's time went, by
 * package and by function (self time), and the inclusive time of our own functions.
 *
 *   npx tsx tests/bench/profile-summary.ts FILE.cpuprofile [TOP]
 *
 * The profile samples the main JavaScript thread only: file-system work that libuv runs on its
 * thread pool (async `writeFile`, `readFile`) shows up as `(idle)` waiting, not as fs time.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownTable } from './stats.js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The package of a frame with a URL: a node_modules package, our code, node's fs, node. */
export function packageOf(url: string): string {
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (module?.[1] !== undefined) return module[1];
  if (/^node:(?:internal\/)?fs\b|^node:internal\/fs\//.test(url)) return 'node: fs';
  if (url.startsWith('node:')) return 'node (other internals)';
  if (/\/(?:lib|src)\//.test(url)) return OURS;
  return 'other';
}

const OURS = 'depeche (our code)';

/** `(garbage collector)`, `(idle)`, `(program)`, `(root)`: V8's own entries, not code. */
const isMeta = (frame: CallFrame): boolean => frame.url === '' && frame.functionName.startsWith('(');

function frameName(frame: CallFrame): string {
  const file = frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(lib|src)\//, '$1/');
  return `${frame.functionName || '(anonymous)'}${file === '' ? '' : ` ${file}:${frame.lineNumber + 1}`}`;
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time by package; V8 built-ins and native bindings (no URL) count for the package that called them. */
  byPackage: { name: string; ms: number; nativeMs: number }[];
  byFunction: { name: string; package: string; ms: number }[];
  /** Our functions, by the time spent in them and everything they call (synchronously). */
  oursInclusive: { name: string; ms: number }[];
}

export function summarise(profile: CpuProfile): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  /** The nearest frame with a URL, from `id` up: who called a built-in. */
  const caller = (id: number): CallFrame | undefined => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = nodes.get(at)?.callFrame;
      if (frame !== undefined && frame.url !== '') return frame;
    }
    return undefined;
  };
  const self = new Map<string, { package: string; ms: number }>();
  const packages = new Map<string, { ms: number; nativeMs: number }>();
  const inclusive = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, index) => {
    // timeDeltas[i] is the time before sample i; the time after it is closer to what it measured.
    const ms = (profile.timeDeltas[index + 1] ?? profile.timeDeltas[index] ?? 0) / 1000;
    const frame = nodes.get(id)?.callFrame;
    if (frame === undefined) return;
    totalMs += ms;
    let name = frameName(frame);
    let pkg = frame.functionName;
    let native = false;
    if (!isMeta(frame)) {
      const owner = frame.url === '' ? caller(id) : frame;
      native = frame.url === '';
      pkg = owner === undefined ? 'V8 (no caller)' : packageOf(owner.url);
      if (native && owner !== undefined) name = `${name} (built-in) ← ${frameName(owner)}`;
    }
    const entry = self.get(name) ?? { package: pkg, ms: 0 };
    entry.ms += ms;
    self.set(name, entry);
    const total = packages.get(pkg) ?? { ms: 0, nativeMs: 0 };
    total.ms += ms;
    if (native) total.nativeMs += ms;
    packages.set(pkg, total);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const outer = nodes.get(at)?.callFrame;
      if (outer === undefined || outer.url === '' || packageOf(outer.url) !== OURS) continue;
      const ours = frameName(outer);
      if (seen.has(ours)) continue;
      seen.add(ours);
      inclusive.set(ours, (inclusive.get(ours) ?? 0) + ms);
    }
  });
  const sorted = <T extends { ms: number }>(items: T[]): T[] => items.sort((a, b) => b.ms - a.ms);
  return {
    totalMs,
    byPackage: sorted([...packages].map(([name, entry]) => ({ name, ...entry }))),
    byFunction: sorted([...self].map(([name, entry]) => ({ name, package: entry.package, ms: entry.ms }))),
    oursInclusive: sorted([...inclusive].map(([name, ms]) => ({ name, ms }))),
  };
}

export function formatSummary(summary: ProfileSummary, top = 15): string {
  const share = (ms: number): string => `${((ms / summary.totalMs) * 100).toFixed(1)} %`;
  const time = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  const right = new Set([1, 2]);
  return [
    `Main thread, ${time(summary.totalMs)} sampled.`,
    '',
    'Self time by package (V8 built-ins and native bindings, such as RegExp or the fs bindings, ' +
      'count for the package that called them):',
    '',
    markdownTable(
      ['package', 'self', 'share', 'of which built-ins it called'],
      summary.byPackage.map((row) => [
        row.name,
        time(row.ms),
        share(row.ms),
        row.nativeMs > 0 ? time(row.nativeMs) : '',
      ]),
      new Set([1, 2, 3]),
    ),
    '',
    `Top ${top} functions by self time:`,
    '',
    markdownTable(
      ['function', 'self', 'share', 'package'],
      summary.byFunction.slice(0, top).map((row) => [`\`${row.name}\``, time(row.ms), share(row.ms), row.package]),
      right,
    ),
    '',
    'Our functions by inclusive time (themselves and what they call synchronously; ' +
      `time after an await is not charged to the caller), top ${top}:`,
    '',
    markdownTable(
      ['function', 'inclusive', 'share'],
      summary.oursInclusive.slice(0, top).map((row) => [`\`${row.name}\``, time(row.ms), share(row.ms)]),
      right,
    ),
    '',
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [file, top = '15'] = process.argv.slice(2);
  if (file === undefined) {
    process.stderr.write('usage: profile-summary.ts FILE.cpuprofile [TOP]\n');
    process.exitCode = 2;
  } else {
    process.stdout.write(formatSummary(summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile), Number(top)));
  }
}
