/**
 * `npm run compile` (and build, dev, check before they run): `tsc -b` compiles only when a file of src/
 * changed since its build info, and then this removes every module of lib/ whose source was deleted, so a
 * file removed from src/ cannot linger in lib/ and still load. Plain JavaScript so it runs before lib/ exists.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

const outputs = /(\.d\.ts\.map|\.d\.ts|\.js\.map|\.js)$/;
for (const entry of readdirSync('lib', { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !outputs.test(entry.name)) continue;
  const output = relative('lib', join(entry.parentPath, entry.name));
  const source = join('src', output.replace(outputs, '.ts'));
  if (!existsSync(source)) rmSync(join('lib', output));
}
