import { afterEach, describe, expect, it, vi } from 'vitest';
import { logLines, type CliResult } from '../helpers/cliRun.ts';
import { sandboxHarness } from '../helpers/sandboxSync.ts';

const NOW = new Date('2026-11-23T08:00:00Z');

/** Runs the CLI on a fake clock, moving it a second at a time: minutes of paced requests in a moment. */
async function onFakeClock(run: () => Promise<CliResult>): Promise<CliResult> {
  let result: CliResult | undefined;
  const running = run().then((r) => (result = r));
  while (!result) await vi.advanceTimersByTimeAsync(1000);
  return running;
}

describe('the run deadline', () => {
  afterEach(() => vi.useRealTimers());

  it('grows to fit a first sync bigger than sync.deadlineMinutes allows, so it finishes', async () => {
    vi.useFakeTimers();
    // At 1 Notion request a second, the first sync's writes take about two minutes: twice the configured deadline.
    const h = sandboxHarness({
      epics: 40,
      config: (c) => ({ ...c, sync: { deadlineMinutes: 1 }, notion: { ...c.notion, rateLimit: { requestsPerSecond: 1, concurrency: 3 } } }),
    });
    const result = await onFakeClock(() => h.run(['sync'], NOW));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    const lines = logLines(result.stdout);
    const planned = lines.filter((l) => l['msg'] === 'planned').reduce((sum, l) => sum + Number(l['create']) + Number(l['update']) + Number(l['archive']), 0);
    expect(planned).toBeGreaterThan(60);
    const deadlines = lines.filter((l) => l['msg'] === 'deadline');
    expect(deadlines[0]).toMatchObject({ minutes: 1, reason: 'sync.deadlineMinutes' });
    expect(deadlines.at(-1)).toMatchObject({
      minutes: Math.ceil((2 * planned) / 60),
      reason: `2 × ${planned} planned Notion writes at 1 requests/second (notion.rateLimit.requestsPerSecond): more than sync.deadlineMinutes (1)`,
    });
  });

  it('still stops a run that outlasts it, saying which deadline and why', async () => {
    vi.useFakeTimers();
    const h = sandboxHarness({ epics: 10, config: (c) => ({ ...c, sync: { deadlineMinutes: 1 } }) });
    // Notion answers every request with a 429 asking to wait a minute, for longer than the deadline.
    h.world.notionNet.inject({ path: /./, times: 1000, fault: { kind: 'status', status: 429, retryAfterSeconds: 60 } });
    const result = await onFakeClock(() => h.run(['sync'], NOW));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the run passed its deadline of 1 minutes (sync.deadlineMinutes)');
  });
});
