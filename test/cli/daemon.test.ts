import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Cron } from 'croner';
import { parseSchedule, type Schedule } from '#cli/daemon/parseSchedule.ts';
import { scheduleRuns } from '#cli/daemon/scheduleRuns.ts';
import { memoryLogger } from '../helpers/silentLogger.ts';
import { runCli, writeConfig } from '../helpers/cliRun.ts';

/** runOnce that records the wall-clock time of every run. */
function recordingRun() {
  const times: string[] = [];
  const runOnce = vi.fn(async () => {
    times.push(new Date().toISOString());
  });
  return { runOnce, times };
}

/**
 * Moves the clock to `until` as quiet hours pass for croner: it wakes at least
 * every 30 s, compares the clock with the next scheduled time and sleeps again,
 * keeping nothing between wake-ups but its last run. So when no scheduled time
 * lies before `until`, jumping there is the same to it as the thousands of empty
 * wake-ups fake timers would otherwise play one by one (seconds per month with a
 * time zone). The hours around each scheduled time are always played in full.
 */
async function passQuietly(schedule: Schedule, until: string) {
  const next = new Cron(schedule.expression, { timezone: schedule.timeZone }).nextRun();
  expect(next!.getTime(), `a run is due before ${until}`).toBeGreaterThan(Date.parse(until));
  // Land between two wake-ups, so croner reads the new clock on its next one.
  vi.setSystemTime(new Date(Date.parse(until) - CRONER_WAKE_MS));
  await vi.advanceTimersByTimeAsync(CRONER_WAKE_MS);
}

/** croner's longest sleep between two looks at the clock. */
const CRONER_WAKE_MS = 30_000;
const HOUR = 3_600_000;

/** A daily 06:00 UTC schedule that has just made its run of 24 November. */
async function dailyScheduleAfterItsRunOn24November() {
  const schedule = parseSchedule('0 6 * * *', 'UTC');
  const { runOnce, times } = recordingRun();
  const runs = scheduleRuns({ schedule, runOnce, logger: memoryLogger().logger });
  await passQuietly(schedule, '2026-11-24T05:59:00Z');
  await vi.advanceTimersByTimeAsync(60_000);
  expect(times).toEqual(['2026-11-24T06:00:00.000Z']);
  return { schedule, times, runs };
}

describe('the daemon', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-23T10:59:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('runs on the cron schedule', async () => {
    const runOnce = vi.fn(async () => 0);
    const runs = scheduleRuns({ schedule: parseSchedule('0 * * * *', 'UTC'), runOnce, logger: memoryLogger().logger });
    await vi.advanceTimersByTimeAsync(59_000);
    expect(runOnce).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runOnce).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(runOnce).toHaveBeenCalledTimes(2);
    await runs.stop();
  });

  it('never overlaps a run still going: each tick is skipped once, not queued to run late', async () => {
    let finish!: () => void;
    const runOnce = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { logger, lines } = memoryLogger();
    const runs = scheduleRuns({ schedule: parseSchedule('* * * * *', 'UTC'), runOnce, logger });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runOnce).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(180_000);
    expect(runOnce).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(59_000);
    expect(runOnce).toHaveBeenCalledTimes(1);
    const skips = lines().filter((l) => String(l['msg']).includes('skipping'));
    expect(skips.map((l) => l['skippedRun'])).toEqual(['2026-11-23T11:01:00.000Z', '2026-11-23T11:02:00.000Z', '2026-11-23T11:03:00.000Z']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runOnce).toHaveBeenCalledTimes(2);
    finish();
    await runs.stop();
  });

  it('on shutdown, lets the current run finish and starts no new one', async () => {
    let finish!: () => void;
    let finished = false;
    const runOnce = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)).then(() => (finished = true)));
    const runs = scheduleRuns({ schedule: parseSchedule('* * * * *', 'UTC'), runOnce, logger: memoryLogger().logger });
    await vi.advanceTimersByTimeAsync(60_000);
    let stopped = false;
    const stopping = runs.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(finished).toBe(true);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(runOnce).toHaveBeenCalledTimes(1);
  });

  it('a failed run is logged and the schedule goes on', async () => {
    const runOnce = vi.fn().mockRejectedValueOnce(new Error('Notion is down')).mockResolvedValue(0);
    const { logger, lines } = memoryLogger();
    const runs = scheduleRuns({ schedule: parseSchedule('* * * * *', 'UTC'), runOnce, logger });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(runOnce).toHaveBeenCalledTimes(2);
    expect(lines().some((l) => l['msg'] === 'run failed; the daemon keeps its schedule')).toBe(true);
    await runs.stop();
  });

  it('a monthly schedule started mid-month runs nothing until the 1st, then exactly once', async () => {
    vi.setSystemTime(new Date('2026-11-02T10:00:00Z'));
    const schedule = parseSchedule('0 6 1 * *', 'UTC');
    const { runOnce, times } = recordingRun();
    const { logger, lines } = memoryLogger();
    const runs = scheduleRuns({ schedule, runOnce, logger });
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(times).toEqual([]);
    await passQuietly(schedule, '2026-12-01T04:00:00Z');
    await vi.advanceTimersByTimeAsync(2 * HOUR - 1_000);
    expect(times).toEqual([]);
    await vi.advanceTimersByTimeAsync(2 * HOUR + 1_000);
    expect(times).toEqual(['2026-12-01T06:00:00.000Z']);
    const nextRuns = lines().filter((l) => l['msg'] === 'next run scheduled').map((l) => l['nextRun']);
    expect(nextRuns).toEqual(['2026-12-01T06:00:00.000Z', '2027-01-01T06:00:00.000Z']);
    expect(lines().some((l) => String(l['msg']).includes('skipping'))).toBe(false);
    await runs.stop();
  });

  it('a yearly schedule started the day after its run waits the whole year, then runs once', async () => {
    vi.setSystemTime(new Date('2027-01-02T09:00:00Z'));
    const schedule = parseSchedule('@yearly', 'UTC');
    const { runOnce, times } = recordingRun();
    const runs = scheduleRuns({ schedule, runOnce, logger: memoryLogger().logger });
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    await passQuietly(schedule, '2027-12-31T22:00:00Z');
    await vi.advanceTimersByTimeAsync(4 * HOUR);
    expect(times).toEqual(['2028-01-01T00:00:00.000Z']);
    await runs.stop();
  });

  it.each([
    ['autumn (clocks go back on 25 October)', ['2026-10-24T04:00:00.000Z', '2026-10-25T05:00:00.000Z', '2026-10-26T05:00:00.000Z']],
    ['spring (clocks go forward on 28 March)', ['2027-03-27T05:00:00.000Z', '2027-03-28T04:00:00.000Z', '2027-03-29T04:00:00.000Z']],
  ])('with --tz Europe/Berlin, 06:00 stays 06:00 Berlin time across the %s change', async (_season, expected) => {
    const schedule = parseSchedule('0 6 * * *', 'Europe/Berlin');
    vi.setSystemTime(new Date(Date.parse(expected[0]!) - 4 * HOUR));
    const { runOnce, times } = recordingRun();
    const runs = scheduleRuns({ schedule, runOnce, logger: memoryLogger().logger });
    for (const [day, due] of expected.entries()) {
      // Hours early in UTC, so a run an hour off in either direction would show.
      await passQuietly(schedule, new Date(Date.parse(due) - 3 * HOUR).toISOString());
      await vi.advanceTimersByTimeAsync(6 * HOUR);
      expect(times).toHaveLength(day + 1);
    }
    expect(times).toEqual(expected);
    const berlin = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' });
    expect(times.map((t) => berlin.format(new Date(t)))).toEqual(['06:00', '06:00', '06:00']);
    await runs.stop();
  });

  it.each([
    // A host waking from sleep: the runs it slept through are made up once, right away.
    ['forward by three days', '2026-11-27T12:00:00Z', 1, ['2026-11-28T06:00:00.000Z']],
    // A clock set back: nothing fires; 06:00 runs again each time the clock shows it.
    ['back by two days', '2026-11-22T12:00:00Z', 0, ['2026-11-23T06:00:00.000Z', '2026-11-24T06:00:00.000Z']],
  ])('a clock that jumps %s fires no burst of runs and keeps the schedule', async (_jump, jumpTo, madeUp, following) => {
    const { schedule, times, runs } = await dailyScheduleAfterItsRunOn24November();
    vi.setSystemTime(new Date(jumpTo));
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(times).toHaveLength(1 + madeUp);
    for (const due of following) {
      await passQuietly(schedule, new Date(Date.parse(due) - HOUR).toISOString());
      await vi.advanceTimersByTimeAsync(2 * HOUR);
    }
    expect(times.slice(1 + madeUp)).toEqual(following);
    await runs.stop();
  });
});

describe('a schedule weeks away', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  // Real timers: fake ones cut an over-long timeout to 1 ms silently, so only
  // Node's own setTimeout shows the TimeoutOverflowWarning the daemon used to raise.
  it('sets no timeout longer than Node allows (no TimeoutOverflowWarning)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-02T10:00:00Z'));
    const emitWarning = vi.spyOn(process, 'emitWarning');
    const runOnce = vi.fn(async () => 0);
    const runs = scheduleRuns({ schedule: parseSchedule('0 6 1 * *', 'UTC'), runOnce, logger: memoryLogger().logger });
    await runs.stop();
    expect(emitWarning).not.toHaveBeenCalled();
    expect(runOnce).not.toHaveBeenCalled();
  });
});

describe('the daemon command refuses a bad schedule at start', () => {
  const config = {
    jira: { host: 'https://acme.atlassian.net', projects: ['PAY'] },
    notion: { strategyDatabase: '1b2c3d4e5f60718293a4b5c6d7e8f901', parentPage: '2c3d4e5f60718293a4b5c6d7e8f9012a' },
  };
  const env = { JIRA_EMAIL: 'me@example.com', JIRA_API_TOKEN: 'jira-token-123', NOTION_TOKEN: 'notion-token-123' };

  it('an unknown --tz exits 2 naming the flag and what to give instead', async () => {
    const result = await runCli(['daemon', '--schedule', '0 6 * * *', '--tz', 'Europe/Berln', '--config', writeConfig(config)], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--tz: "Europe/Berln" is not a time zone; use an IANA name such as "Europe/Berlin"');
  });

  it('a bad --schedule and a bad --tz are reported together', () => {
    expect(() => parseSchedule('every morning', 'Mars/Olympus')).toThrow(/--tz: "Mars\/Olympus"[\s\S]*--schedule: "every morning" is not a cron expression/);
  });

  it('a schedule whose last run is past is refused, not left waiting forever', () => {
    expect(() => parseSchedule('0 0 6 1 1 * 2020', 'UTC')).toThrow('--schedule: "0 0 6 1 1 * 2020" has no run in the future');
  });

  it('a time zone is accepted in any case and logged under its IANA name', () => {
    expect(parseSchedule('0 6 * * *', 'europe/berlin')).toEqual({ expression: '0 6 * * *', timeZone: 'Europe/Berlin' });
  });
});
