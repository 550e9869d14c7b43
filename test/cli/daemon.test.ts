import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseSchedule, scheduleRuns } from '#cli/daemon/scheduleRuns.ts';
import { memoryLogger } from '../helpers/silentLogger.ts';

describe('the daemon', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-23T10:59:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('runs on the cron schedule', async () => {
    const runOnce = vi.fn(async () => 0);
    const runs = scheduleRuns({ schedule: parseSchedule('0 * * * *'), runOnce, logger: memoryLogger().logger });
    await vi.advanceTimersByTimeAsync(59_000);
    expect(runOnce).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runOnce).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(runOnce).toHaveBeenCalledTimes(2);
    await runs.stop();
  });

  it('never overlaps a run still going: the tick is skipped, not queued', async () => {
    let finish!: () => void;
    const runOnce = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { logger, lines } = memoryLogger();
    const runs = scheduleRuns({ schedule: parseSchedule('* * * * *'), runOnce, logger });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runOnce).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(180_000);
    expect(runOnce).toHaveBeenCalledTimes(1);
    expect(lines().filter((l) => String(l['msg']).includes('skipping'))).toHaveLength(3);
    finish();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runOnce).toHaveBeenCalledTimes(2);
    finish();
    await runs.stop();
  });

  it('on shutdown, lets the current run finish and starts no new one', async () => {
    let finish!: () => void;
    let finished = false;
    const runOnce = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)).then(() => (finished = true)));
    const runs = scheduleRuns({ schedule: parseSchedule('* * * * *'), runOnce, logger: memoryLogger().logger });
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
    const runs = scheduleRuns({ schedule: parseSchedule('* * * * *'), runOnce, logger });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(runOnce).toHaveBeenCalledTimes(2);
    expect(lines().some((l) => l['msg'] === 'run failed; the daemon keeps its schedule')).toBe(true);
    await runs.stop();
  });

  it('an invalid cron expression is refused', () => {
    expect(() => parseSchedule('every hour')).toThrow();
  });
});
