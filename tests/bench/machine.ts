/** What the benchmark ran on, printed above its tables: results only compare within one machine. */
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';

function output(command: string, args: readonly string[], cwd?: string): string | undefined {
  try {
    return execFileSync(command, args, { encoding: 'utf8', cwd, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function cpuModel(): string {
  const lscpu = output('lscpu', []);
  const model = lscpu === undefined ? undefined : /^Model name:\s*(.+)$/m.exec(lscpu)?.[1];
  const hypervisor = lscpu === undefined ? undefined : /^Hypervisor vendor:\s*(.+)$/m.exec(lscpu)?.[1];
  return `${model ?? cpus()[0]?.model ?? 'unknown'}${hypervisor === undefined ? '' : ` (${hypervisor} guest)`}`;
}

/** The commit measured, and whether `src/` differs from it. */
function code(root: string): string {
  const commit = output('git', ['rev-parse', '--short', 'HEAD'], root);
  if (commit === undefined) return 'not a git checkout';
  const dirty = output('git', ['status', '--porcelain', '--', 'src'], root);
  return `${commit}${dirty ? ' + uncommitted changes in src/' : ''}`;
}

/** Lines describing the machine and the code, for the report; `hugo` is the Hugo measured, if any. */
export function describeMachine(root: string, benchDir: string, hugo: string | undefined): string[] {
  const filesystem = output('findmnt', ['-no', 'FSTYPE,OPTIONS', '-T', benchDir]);
  return [
    `- CPU: ${cpuModel()}, nproc ${availableParallelism()}`,
    `- memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB; load average at start ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
    `- OS: ${type()} ${release()}; file system of ${benchDir}: ${filesystem ?? 'unknown'}`,
    `- Node ${process.version}; code measured: ${code(root)}`,
    hugo === undefined
      ? '- Hugo: not installed (no `hugo` on the PATH), so no "hugo cold" rows'
      : `- Hugo: ${output(hugo, ['version'])?.split('\n')[0] ?? 'unknown version'} (${hugo})`,
  ];
}
