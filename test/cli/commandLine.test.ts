import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sandboxEnv } from '#sandbox/company/world.ts';
import { runCli, writeConfig } from '../helpers/cliRun.ts';
import { sandboxHarness } from '../helpers/sandboxSync.ts';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

describe('the command line', () => {
  it.each([[['--version']], [['-V']], [['sync', '--version']]])('%j prints the version from package.json and exits 0', async (argv) => {
    const result = await runCli(argv, {});
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${version}\n`);
  });

  it('help lists every command and the global options, and exits 0', async () => {
    const result = await runCli(['help'], {});
    expect(result.code).toBe(0);
    for (const command of ['init', 'sync', 'lint', 'daemon', 'report']) expect(result.stdout).toMatch(new RegExp(`^ {2}${command}\\b`, 'm'));
    for (const option of ['--config <file>', '--pretty', '--no-pretty', '--log-level <level>', '--version', '--help']) expect(result.stdout).toContain(option);
  });

  it.each([
    { command: 'sync', options: ['--dry-run', '--full', '--table'] },
    { command: 'lint', options: ['--apply-labels', '--dry-run'] },
    { command: 'daemon', options: ['--schedule <cron>'] },
    { command: 'report', options: ['--html <file>'] },
  ])("`help $command` and `$command --help` print that command's usage and options", async ({ command, options }) => {
    const viaHelp = await runCli(['help', command], {});
    const viaFlag = await runCli([command, '--help'], {});
    expect(viaHelp.code).toBe(0);
    expect(viaFlag.code).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
    expect(viaHelp.stdout).toMatch(new RegExp(`^Usage: backbone-sync ${command} `));
    for (const option of options) expect(viaHelp.stdout).toContain(option);
    // The global options are listed too, but not the other commands.
    expect(viaHelp.stdout).toContain('--config <file>');
    for (const other of ['init', 'sync', 'lint', 'daemon', 'report'].filter((c) => c !== command)) expect(viaHelp.stdout).not.toMatch(new RegExp(`^ {2}${other}\\b`, 'm'));
  });

  it.each([
    [['sync', '--no-such-flag'], "unknown option '--no-such-flag'", 'backbone-sync help sync'],
    [['--no-such-flag', 'sync'], "unknown option '--no-such-flag'", 'backbone-sync help'],
    [['synk'], "unknown command 'synk' (Did you mean sync?)", 'backbone-sync help'],
    [['sync', 'now'], "too many arguments for 'sync'", 'backbone-sync help sync'],
    [['report'], "required option '--html <file>' not specified", 'backbone-sync help report'],
    [['sync', '--log-level', 'loud'], "argument 'loud' is invalid. Allowed choices are trace, debug, info, warn, error", 'backbone-sync help'],
  ])('%j exits 2 with a one-line error and a hint', async (argv, error, hint) => {
    const result = await runCli(argv, {});
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^backbone-sync: /);
    expect(lines[0]).toContain(error);
    expect(lines[1]).toContain(hint);
    expect(result.stdout).toBe('');
  });

  it('an unknown LOG_LEVEL is refused, naming the variable', async () => {
    const result = await runCli(['sync', '--config', writeConfig({})], { LOG_LEVEL: 'loud' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('LOG_LEVEL is "loud"; use one of trace, debug, info, warn, error');
  });

  it('global options work before and after the command', async () => {
    const h = sandboxHarness({ epics: 6 });
    const before = await runCli(['--config', h.configPath, '--log-level', 'warn', '--no-pretty', 'sync', '--dry-run'], sandboxEnv());
    const after = await h.run(['sync', '--dry-run', '--log-level', 'warn', '--no-pretty']);
    for (const result of [before, after]) {
      expect(result.code).toBe(0);
      // warn: no info lines; --no-pretty: nothing but JSON lines (here, none) on stdout.
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('Would write (dry run: nothing was written)');
    }
  });
});
