/**
 * A build in a child process, for tests that kill it: `node --import tsx build-child.ts <content> <out> [incremental]`
 * (`incremental`: as the CLI builds, with the build cache and the spare folder).
 * It calls `build` itself (not the CLI), so only the pipeline and its writer are under test, and
 * prints `writing` on stdout when the write phase starts, so a test can aim its kills at it.
 */
import { build } from '../../src/build.js';

const [contentDir, outDir, mode] = process.argv.slice(2);
if (contentDir === undefined || outDir === undefined)
  throw new Error('usage: build-child.ts <content> <out> [incremental]');
await build({
  contentDir,
  outDir,
  ...(mode === 'incremental' ? { incremental: true, keepFiles: false } : {}),
  onProgress: (progress) => {
    if (progress.phase === 'write') process.stdout.write('writing\n');
  },
});
