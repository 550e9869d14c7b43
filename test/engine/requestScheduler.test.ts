import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequestScheduler, type Outcome, type Verdict } from '../../src/engine/http/requestScheduler.ts';

type Step = { status: number; retryAfterMs?: number };

/** Judges fake outcomes the way the connectors judge HTTP responses. */
const judge = (outcome: Outcome<Step>): Verdict => {
  if ('error' in outcome) return { kind: 'transient' };
  const { status, retryAfterMs } = outcome.value;
  if (status === 429) return { kind: 'rate-limited', retryAfterMs };
  if (status >= 500) return { kind: 'transient', retryAfterMs };
  return { kind: 'done' };
};

function script(...steps: (Step | Error)[]) {
  let i = 0;
  const attempt = vi.fn(async () => {
    const step = steps[Math.min(i++, steps.length - 1)]!;
    if (step instanceof Error) throw step;
    return step;
  });
  return attempt;
}

describe('the shared retry policy', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const scheduler = () => new RequestScheduler({ requestsPerSecond: 1000, concurrency: 2, random: () => 1 });

  it('a 429 is retried after Retry-After, for writes too', async () => {
    const s = scheduler();
    const attempt = script({ status: 429, retryAfterMs: 2000 }, { status: 200 });
    const result = s.run(attempt, judge, false);
    await vi.advanceTimersByTimeAsync(1999);
    expect(attempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10);
    await expect(result).resolves.toEqual({ status: 200 });
    expect(s.stats).toMatchObject({ requests: 2, retries: 1, rateLimited: 1 });
  });

  it('a 503 is retried for a read but not for a create', async () => {
    const read = scheduler();
    const readAttempt = script({ status: 503 }, { status: 200 });
    const readResult = read.run(readAttempt, judge, true);
    await vi.runAllTimersAsync();
    await expect(readResult).resolves.toEqual({ status: 200 });

    const create = scheduler();
    const createAttempt = script({ status: 503 }, { status: 200 });
    await expect(create.run(createAttempt, judge, false)).resolves.toEqual({ status: 503 });
    expect(createAttempt).toHaveBeenCalledTimes(1);
  });

  it('a dropped connection on a read is retried; the error surfaces once retries run out', async () => {
    const s = new RequestScheduler({ requestsPerSecond: 1000, concurrency: 1, maxRetries: 2, random: () => 0 });
    const attempt = script(new Error('ECONNRESET'));
    const result = s.run(attempt, judge, true);
    const settled = expect(result).rejects.toThrow('ECONNRESET');
    await vi.runAllTimersAsync();
    await settled;
    expect(attempt).toHaveBeenCalledTimes(3);
  });

  it('backoff grows exponentially when the server gives no Retry-After', async () => {
    const s = new RequestScheduler({ requestsPerSecond: 1000, concurrency: 1, baseDelayMs: 100, random: () => 1 });
    const attempt = script({ status: 500 }, { status: 500 }, { status: 200 });
    const result = s.run(attempt, judge, true);
    await vi.advanceTimersByTimeAsync(99);
    expect(attempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2);
    expect(attempt).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(180);
    expect(attempt).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(30);
    await expect(result).resolves.toEqual({ status: 200 });
  });

  it('a 429 pauses every request to that system, not just the one that got it', async () => {
    const s = scheduler();
    const first = script({ status: 429, retryAfterMs: 5000 }, { status: 200 });
    const second = script({ status: 200 });
    const a = s.run(first, judge, true);
    await vi.advanceTimersByTimeAsync(5);
    const b = s.run(second, judge, true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(second).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(4100);
    await Promise.all([a, b]);
    expect(second).toHaveBeenCalledTimes(1);
  });
});
