/** `depeche dev`: the wiring of the dev server (src/dev/server.ts) to the terminal, until Ctrl-C. */
import { resolve } from 'node:path';
import type { DevEvent } from '../dev/server.js';
import { flag, type Io, type OptionValues, stringOption, UsageError } from './io.js';
import { coloursFor, count } from './output.js';
import { formatProblems } from './problems.js';

export async function run(values: OptionValues, _positionals: readonly string[], io: Io): Promise<number> {
  const contentDir = stringOption(values, 'content') ?? 'content';
  const port = portOption(stringOption(values, 'port') ?? '4321');
  const host = stringOption(values, 'host') ?? 'localhost';
  const { startDevServer } = await import('../dev/server.js');
  let server: Awaited<ReturnType<typeof startDevServer>>;
  try {
    server = await startDevServer({
      contentDir: resolve(io.cwd, contentDir),
      namesRelativeTo: io.cwd,
      port,
      host,
      drafts: flag(values, 'drafts'),
      onEvent: (event) => report(event, io),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      io.stderr.write(
        `depeche dev: port ${port} is already in use (try --port ${port + 1}, or --port 0 for any free port)\n`,
      );
    else if (code === 'ENOENT')
      io.stderr.write(`depeche dev: expected a content folder at ${contentDir}/, found none\n`);
    else throw error;
    return 1;
  }
  const colours = coloursFor(io.stdout, io.env);
  io.stdout.write(`depeche dev: serving ${contentDir}/ at ${colours.bold(server.url)} (Ctrl-C to stop)\n`);
  await io.untilInterrupted();
  await server.close();
  io.stdout.write('depeche dev: stopped\n');
  return 0;
}

function portOption(text: string): number {
  const port = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 0 && port <= 65_535))
    throw new UsageError(`--port expects a number from 0 to 65535, found ${JSON.stringify(text)}`);
  return port;
}

function report(event: DevEvent, io: Io): void {
  const because = event.trigger.length === 0 ? '' : ` (${event.trigger.join(', ')})`;
  if (event.type === 'built') {
    const colours = coloursFor(io.stdout, io.env);
    const what =
      event.trigger.length === 0
        ? `built ${count(event.articles, 'article')}`
        : `rebuilt: ${count(event.changed.length, 'file')} changed`;
    io.stdout.write(`depeche dev: ${colours.green(what)} in ${event.durationMs} ms${because}\n`);
    if (event.warnings.length > 0) io.stderr.write(formatProblems(event.warnings, coloursFor(io.stderr, io.env)));
  } else if (event.type === 'problems') {
    const colours = coloursFor(io.stderr, io.env);
    io.stderr.write(formatProblems(event.problems, colours));
    io.stderr.write(
      `depeche dev: ${colours.red(count(event.problems.length, 'problem'))}${because}; the last good site is still ` +
        `served\n`,
    );
  } else {
    io.stderr.write(`depeche dev: the build failed: ${event.error.message}${because}\n`);
  }
}
