import { describe, expect, it } from 'vitest';
import type { CommandContext } from '#cli/context.ts';
import { reportFailure } from '#cli/reportFailure.ts';
import { SecretScrubber } from '#log/secrets.ts';
import { capture, logLines, runCli } from '../helpers/cliRun.ts';
import { memoryLogger } from '../helpers/silentLogger.ts';
import { sandboxHarness } from '../helpers/sandboxSync.ts';

const NOW = new Date('2026-11-23T08:00:00Z');
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/g;
const ansiIn = (result: { stdout: string; stderr: string }) => (result.stdout + result.stderr).match(ANSI)?.length ?? 0;

describe('colour', () => {
  it('on a terminal, pretty logs and the balance table are coloured', async () => {
    const h = sandboxHarness({ epics: 10 });
    const result = await h.runWithEnv(['sync'], {}, NOW, { terminal: true });
    expect(result.code).toBe(0);
    expect(ansiIn(result)).toBeGreaterThan(0);
  });

  it('NO_COLOR turns every colour off, even on a terminal with --pretty', async () => {
    const h = sandboxHarness({ epics: 10 });
    const result = await h.runWithEnv(['sync', '--pretty'], { NO_COLOR: '1' }, NOW, { terminal: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Portfolio balance');
    expect(ansiIn(result)).toBe(0);
  });

  it('FORCE_COLOR colours pretty output that is not going to a terminal', async () => {
    const h = sandboxHarness({ epics: 10 });
    const result = await h.runWithEnv(['sync', '--pretty'], { FORCE_COLOR: '1' }, NOW);
    expect(ansiIn(result)).toBeGreaterThan(0);
  });
});

describe('the log level', () => {
  it('--log-level warn leaves out the info lines', async () => {
    const h = sandboxHarness({ epics: 10 });
    const result = await h.run(['sync', '--log-level', 'warn'], NOW);
    expect(result.code).toBe(0);
    expect(logLines(result.stdout).filter((l) => Number(l['level']) < 40)).toEqual([]);
  });

  it('LOG_LEVEL sets it when the flag is not given, and the flag wins over it', async () => {
    const h = sandboxHarness({ epics: 10 });
    const quiet = await h.runWithEnv(['sync', '--dry-run'], { LOG_LEVEL: 'error' }, NOW);
    expect(quiet.stdout).toBe('');
    const debug = await h.runWithEnv(['sync', '--dry-run', '--log-level', 'debug'], { LOG_LEVEL: 'error' }, NOW);
    expect(logLines(debug.stdout).map((l) => l['msg'])).toContain('sync finished');
  });
});

describe('JSON mode', () => {
  it('prints no balance table unless asked with --table, and then on stderr', async () => {
    const h = sandboxHarness({ epics: 10 });
    const plain = await h.run(['sync'], NOW);
    expect(plain.code).toBe(0);
    expect(plain.stdout + plain.stderr).not.toContain('Portfolio balance, period');
    const asked = await h.run(['sync', '--table'], NOW);
    expect(asked.stderr).toContain('Portfolio balance, period 2026-W48');
    // stdout stays JSON lines only.
    expect(() => logLines(asked.stdout)).not.toThrow();
  });

  it('a failed run writes one error log line with the error kind and code', async () => {
    const h = sandboxHarness({ epics: 10 });
    h.world.notion.unshare(h.world.notionIds.strategyDatabase);
    const result = await h.run(['sync'], NOW);
    expect(result.code).toBe(1);
    const errors = logLines(result.stdout).filter((l) => l['level'] === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ command: 'sync', kind: 'access', code: 'notion-not-shared', msg: expect.stringContaining('Connections') });
    expect(result.stderr).toContain('Connections');
  });

  it('a config that cannot be loaded is logged as an error line too', async () => {
    const result = await runCli(['sync', '--config', '/nonexistent/backbone.json'], {});
    expect(result.code).toBe(2);
    expect(logLines(result.stdout)).toEqual([expect.objectContaining({ level: 50, kind: 'config', code: 'config', msg: expect.stringContaining('file not found') })]);
  });
});

describe('progress', () => {
  it('a sync logs a progress line per table as its writes start, with the total to write', async () => {
    const h = sandboxHarness({ epics: 10 });
    const result = await h.run(['sync'], NOW);
    expect(result.code).toBe(0);
    const progress = logLines(result.stdout).filter((l) => l['msg'] === 'progress');
    expect(progress[0]).toMatchObject({ table: 'Epics', done: 0, etaSeconds: null });
    expect(progress[0]!['total']).toBeGreaterThan(0);
    expect(progress.map((l) => l['table'])).toContain('Portfolio Balance');
  });

  it('on a terminal, a bar is drawn in place on stderr and cleared at the end', async () => {
    const h = sandboxHarness({ epics: 10 });
    const result = await h.runWithEnv(['sync', '--pretty'], {}, NOW, { terminal: true });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/\rEpics [█·]+ \d+\/\d+ \(\d+%\)/);
    // Cleared at the end: blanks over the last bar, and the cursor back at the line's start.
    expect(result.stderr).toMatch(/\r {20,}\r$/);
  });
});

describe('a failure', () => {
  it('of the network names the system, the host and what was being done, never a bare "TypeError: fetch failed"', async () => {
    const h = sandboxHarness({ epics: 10 });
    // Every connection to Notion dropped, on every retry.
    h.world.notionNet.inject({ path: /./, times: 1000, fault: { kind: 'reset' } });
    const result = await h.run(['sync'], NOW);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/^(backbone-sync: )?TypeError: [^\n]*$/m);
    expect(result.stderr).toMatch(/^backbone-sync: Could not reach Notion at api-[\w.-]+ while working on .*Check the network/);
    expect(logLines(result.stdout).filter((l) => l['level'] === 50)).toEqual([expect.objectContaining({ kind: 'network' })]);
  });

  it('that nothing explains names the command and says it was unexpected, in one JSON error line too', () => {
    const out = capture();
    const err = capture();
    const { logger, lines } = memoryLogger();
    const ctx = { io: { stdout: out.stream, stderr: err.stream, env: {} }, flags: { config: 'x.json', pretty: false }, scrubber: new SecretScrubber(), logger } as unknown as CommandContext;
    expect(reportFailure(new TypeError('fetch failed'), 'sync', ctx)).toBe(1);
    expect(err.text()).toMatch(/^backbone-sync: unexpected error in `backbone-sync sync`: TypeError: fetch failed\. .*check the network .*notion\.baseUrl in x\.json/);
    expect(lines().filter((l) => l['level'] === 50)).toEqual([expect.objectContaining({ kind: 'unexpected', code: 'unexpected', command: 'sync' })]);
  });
});
