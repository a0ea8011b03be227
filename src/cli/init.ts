/**
 * `depeche init [FOLDER]`: writes a new site into an empty (or new) folder, ready to build. The new
 * site's `package.json` names this depeche: a registry install by its version, a clone by its folder
 * (`file:`), linked into the new site's `node_modules` as `npm install` would, so that `npx depeche
 * build` runs there at once.
 */
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newSiteFiles } from '../init/template.js';
import type { Io, OptionValues } from './io.js';
import { coloursFor } from './output.js';

/** The folder of the depeche that runs: `lib/` and `src/` are both one below it. */
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export async function run(_values: OptionValues, positionals: readonly string[], io: Io): Promise<number> {
  const folder = resolve(io.cwd, positionals[0] ?? '.');
  const shown = relative(io.cwd, folder) || '.';
  const present = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (present.length > 0) {
    io.stderr.write(
      `depeche: ${shown}/ is not empty (${present.length} entries); nothing was written ` +
        '(choose a new or empty folder)\n',
    );
    return 1;
  }
  const fromRegistry = packageRoot.split(sep).includes('node_modules');
  const version = (JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as { version: string })
    .version;
  const epochMs = io.clock.now();
  const files = newSiteFiles({
    depeche: fromRegistry ? `^${version}` : `file:${relative(folder, packageRoot)}`,
    now: { epochMs, offsetMinutes: io.clock.offsetMinutes(epochMs) },
  });
  for (const [path, contents] of files) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), contents, { flag: 'wx' });
  }
  if (!fromRegistry) await linkDepeche(folder);
  const colours = coloursFor(io.stdout, io.env);
  const cd = shown === '.' ? '' : `cd ${shown} && `;
  io.stdout.write(
    `depeche: wrote a new site in ${colours.bold(`${shown}/`)}: content/site.yaml, content/articles/bienvenue.md, ` +
      `content/public/logo.png\n  ${cd}npx depeche build   (or npx depeche dev to write with the site served)\n` +
      `  ${fromRegistry ? 'run npm install first; ' : ''}set url and publisher in content/site.yaml before deploying\n`,
  );
  return 0;
}

/** What `npm install` makes of a `file:` dependency: `node_modules/depeche` and its command, as links. */
async function linkDepeche(folder: string): Promise<void> {
  const modules = join(folder, 'node_modules');
  await mkdir(join(modules, '.bin'), { recursive: true });
  await symlink(relative(modules, packageRoot), join(modules, 'depeche'), 'dir');
  await symlink(join('..', 'depeche', 'lib', 'cli.js'), join(modules, '.bin', 'depeche'));
}
