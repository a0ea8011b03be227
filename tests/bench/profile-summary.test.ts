/**
 * The .cpuprofile summary the optimiser reads: self time by package and function, built-ins charged to their caller.
 */
import { describe, expect, it } from 'vitest';
import { packageOf, summarise, type CpuProfile } from './profile-summary.js';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });

/** root → build (ours) → parse (yaml) → exec (built-in); root → (garbage collector). */
function profile(): CpuProfile {
  return {
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 5] },
      { id: 2, callFrame: frame('build', 'file:///work/main/lib/build.js', 9), children: [3] },
      { id: 3, callFrame: frame('parse', 'file:///work/main/node_modules/yaml/dist/index.js', 4), children: [4] },
      { id: 4, callFrame: frame('exec') },
      { id: 5, callFrame: frame('(garbage collector)') },
    ],
    startTime: 0,
    endTime: 10_000,
    // Sample i lasts timeDeltas[i + 1] microseconds.
    samples: [2, 3, 4, 4, 5],
    timeDeltas: [0, 1000, 2000, 3000, 1000, 1000],
  };
}

describe('summarise', () => {
  it('charges built-ins to the package that called them, and keeps V8 entries apart', () => {
    const summary = summarise(profile());
    expect(summary.totalMs).toBe(8);
    expect(summary.byPackage).toEqual([
      { name: 'yaml', ms: 6, nativeMs: 4 },
      { name: 'depeche (our code)', ms: 1, nativeMs: 0 },
      { name: '(garbage collector)', ms: 1, nativeMs: 0 },
    ]);
    expect(summary.byFunction[0]).toEqual({
      name: 'exec (built-in) ← parse yaml/dist/index.js:5',
      package: 'yaml',
      ms: 4,
    });
    expect(summary.oursInclusive).toEqual([{ name: 'build lib/build.js:10', ms: 7 }]);
  });

  it('names packages from their URLs', () => {
    expect(packageOf('file:///x/node_modules/@oozcitak/dom/lib/a.js')).toBe('@oozcitak/dom');
    expect(packageOf('node:internal/fs/promises')).toBe('node: fs');
    expect(packageOf('node:buffer')).toBe('node (other internals)');
    expect(packageOf('file:///work/main/src/render/rss.ts')).toBe('depeche (our code)');
  });
});
