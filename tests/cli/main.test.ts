/** The dispatcher: help, version, usage mistakes (exit 2), unknown commands with a suggestion. */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { depeche } from './fake-io.js';

const cwd = import.meta.dirname;

describe('depeche', () => {
  it('lists the commands with --help, and without a command (exit 2, on stderr)', async () => {
    const help = await depeche(['--help'], { cwd });
    expect(help.status).toBe(0);
    for (const name of ['build', 'dev', 'check', 'new', 'import'])
      expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(help.stdout).toContain('Exit codes: 0 ok, 1 content problems or check errors, 2 usage.');
    const none = await depeche([], { cwd });
    expect(none).toMatchObject({ status: 2, stdout: '', stderr: help.stdout });
  });

  it('prints the version', async () => {
    expect(await depeche(['--version'], { cwd })).toEqual({ status: 0, stdout: '9.9.9\n', stderr: '' });
    expect(await depeche(['-v'], { cwd })).toMatchObject({ status: 0, stdout: '9.9.9\n' });
  });

  it("prints each command's help, with every option it accepts", async () => {
    for (const command of COMMANDS) {
      const viaFlag = await depeche([command.name, '--help'], { cwd });
      expect(viaFlag).toEqual({ status: 0, stdout: command.help, stderr: '' });
      expect(await depeche(['help', command.name], { cwd })).toEqual(viaFlag);
      for (const option of Object.keys(command.options))
        expect(command.help, `${command.name} --${option}`).toContain(`--${option}`);
    }
  });

  it('suggests the command meant', async () => {
    const result = await depeche(['biuld'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^depeche: unknown command "biuld" \(did you mean "build"\?\)\n/);
  });

  it('suggests the option meant, as for commands', async () => {
    const result = await depeche(['build', '--draft'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'depeche build: Unknown option \'--draft\' (did you mean "--drafts"?)\n' +
        'Run "depeche build --help" for the options.\n',
    );
    expect((await depeche(['check', '--strcit'], { cwd })).stderr).toMatch(/\(did you mean "--strict"\?\)/);
  });

  it('answers unknown options, missing and extra arguments with exit code 2 and a pointer to the help', async () => {
    const unknown = await depeche(['build', '--nope'], { cwd });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(
      'depeche build: Unknown option \'--nope\'\nRun "depeche build --help" for the options.\n',
    );
    expect((await depeche(['new'], { cwd })).stderr).toBe(
      'depeche new: missing argument\nRun "depeche new --help" for the options.\n',
    );
    expect((await depeche(['check', 'a', 'b'], { cwd })).stderr).toMatch(/^depeche check: unexpected argument "b"/);
    expect((await depeche(['build', '--base-url', 'staging.example'], { cwd })).status).toBe(2);
    expect((await depeche(['dev', '--port', 'http'], { cwd })).status).toBe(2);
  });
});
