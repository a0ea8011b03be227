#!/usr/bin/env node
/**
 * The command line: argv → commands. The only place with `process.exit` and the console.
 * Exit codes: 0 ok, 1 content problems, 2 usage.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { build } from './build.js';
import { ContentError } from './errors.js';

const USAGE = `Usage: depeche <command> [options]

Commands:
  build     Build content/ into dist/

Options for build:
  --content DIR   the content folder (default: content)
  --out DIR       the output folder, replaced whole on success (default: dist)
  --base-url URL  the public base URL, instead of site.yaml's url
  -h, --help      show this help
  -v, --version   show the version
`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        content: { type: 'string', default: 'content' },
        out: { type: 'string', default: 'dist' },
        'base-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  const command = positionals[0];
  if (values.help || command === undefined) {
    process.stdout.write(USAGE);
    return command === undefined && !values.help ? 2 : 0;
  }
  if (command !== 'build') {
    process.stderr.write(`depeche: unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
    return 2;
  }
  const baseUrl = values['base-url'];
  if (baseUrl !== undefined && !/^https?:\/\/[^/]/.test(baseUrl)) {
    process.stderr.write(`depeche: --base-url expects an absolute http(s) URL, found ${JSON.stringify(baseUrl)}\n`);
    return 2;
  }
  const started = performance.now();
  try {
    const result = await build({ contentDir: values.content, outDir: values.out, ...(baseUrl === undefined ? {} : { baseUrl }) });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    process.stdout.write(
      `depeche: built ${result.site.articles.length} article(s) into ${values.out}/: ${result.files.length} files, ${result.bytes} bytes, ${seconds} s\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ContentError) {
      process.stderr.write(`${error.message}\ndepeche: ${error.problems.length} problem(s); ${values.out}/ was left as it was\n`);
      return 1;
    }
    throw error;
  }
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

process.exitCode = await main(process.argv.slice(2));
