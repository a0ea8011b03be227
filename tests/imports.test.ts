import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(import.meta.dirname, '../src');

/** Every module of src/ (relative to it) with the modules of src/ it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s+'(\.{1,2}\/[^']+)'/g)].map(
      (match) => relative(src, resolve(dirname(file), (match[1] as string).replace(/\.js$/, '.ts'))),
    );
    graph.set(relative(src, file), targets);
  }
  return graph;
}

/** The composition roots: the only modules of the core that may put the speed-ups or dev in. */
const ROOTS = new Set(['build.ts', 'index.ts', 'cli.ts']);
const outside = (module: string): boolean =>
  module.startsWith('incremental/') || module.startsWith('dev/') || module.startsWith('cli/');

describe('imports', () => {
  const graph = importGraph();

  it('finds the modules and their imports', () => {
    expect(graph.get('build.ts')).toContain('pipeline.ts');
    expect(graph.get('build.ts')).toContain('incremental/index.ts');
    expect(graph.size).toBeGreaterThan(50);
  });

  it('go from incremental/, dev/ and cli/ into the core, never back (but for the composition roots)', () => {
    const back: string[] = [];
    for (const [module, targets] of graph) {
      if (outside(module) || ROOTS.has(module)) continue;
      for (const target of targets) if (outside(target)) back.push(`${module} → ${target}`);
    }
    expect(back).toEqual([]);
  });

  it('leave incremental/ and dev/ apart from each other', () => {
    const across: string[] = [];
    for (const [module, targets] of graph) {
      for (const target of targets) {
        if (module.startsWith('incremental/') && target.startsWith('dev/')) across.push(`${module} → ${target}`);
        if (module.startsWith('dev/') && target.startsWith('incremental/')) across.push(`${module} → ${target}`);
      }
    }
    expect(across).toEqual([]);
  });

  it('never make a circle within the writer', () => {
    const write = [...graph].filter(([module]) => module.startsWith('write/'));
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
      for (const next of graph.get(from) ?? []) {
        if (!next.startsWith('write/') || seen.has(next)) continue;
        if (next === to) return true;
        seen.add(next);
        if (reaches(next, to, seen)) return true;
      }
      return false;
    };
    expect(write.filter(([module]) => reaches(module, module)).map(([module]) => module)).toEqual([]);
  });
});
