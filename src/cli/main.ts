/**
 * argv → a command. Parses the options of the command named first, answers `--help` and
 * `--version` without loading any command, and turns usage mistakes into exit code 2.
 */
import { parseArgs } from 'node:util';
import { closestName } from '../did-you-mean.js';
import { COMMANDS, USAGE, type Command } from './commands.js';
import { type Io, UsageError } from './io.js';

/** Runs the command line `argv` (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: Io, version: () => string): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(USAGE);
    return 2;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  if (first === '-h' || first === '--help') {
    io.stdout.write(USAGE);
    return 0;
  }
  if (first === 'help') return help(rest[0], io);
  const command = COMMANDS.find((candidate) => candidate.name === first);
  if (command === undefined) {
    const suggestion = first.startsWith('-')
      ? undefined
      : closestName(
          first,
          COMMANDS.map((candidate) => candidate.name),
        );
    const hint = suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`;
    io.stderr.write(
      `depeche: unknown ${first.startsWith('-') ? 'option' : 'command'} ${JSON.stringify(first)}${hint}\n\n${USAGE}`,
    );
    return 2;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout.write(command.help);
    return 0;
  }
  try {
    const { values, positionals } = parseCommand(command, rest);
    const run = await command.load();
    return await run(values, positionals, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(
      `depeche ${command.name}: ${error.message}\nRun "depeche ${command.name} --help" for the options.\n`,
    );
    return 2;
  }
}

function help(name: string | undefined, io: Io): number {
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (name !== undefined && command === undefined) {
    io.stderr.write(`depeche: unknown command ${JSON.stringify(name)}\n\n${USAGE}`);
    return 2;
  }
  io.stdout.write(command?.help ?? USAGE);
  return 0;
}

function parseCommand(
  command: Command,
  args: string[],
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(message + optionHint(error, command));
  }
  const { values, positionals } = parsed;
  const { min, max } = command.positionals;
  if (positionals.length > max) {
    throw new UsageError(`unexpected argument ${JSON.stringify(positionals[max])}`);
  }
  if (positionals.length < min) throw new UsageError('missing argument');
  return { values: values as Record<string, string | boolean | undefined>, positionals };
}

/** ` (did you mean "--drafts"?)` for an unknown long option close to one of the command's, as for commands. */
function optionHint(error: unknown, command: Command): string {
  if ((error as { code?: unknown }).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return '';
  const name = /^Unknown option '--([^'=]+)'/.exec((error as Error).message)?.[1];
  if (name === undefined) return '';
  const suggestion = closestName(name, Object.keys(command.options));
  return suggestion === undefined ? '' : ` (did you mean "--${suggestion}"?)`;
}
