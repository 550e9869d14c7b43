import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { judgeResponse } from '#connectors/http/judgeResponse.ts';
import { RequestScheduler, type Outcome, type Verdict } from '#connectors/http/requestScheduler.ts';
import { FaultyEmulator } from '#sandbox/emulators/faults.ts';

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

  it.each([
    ['a 429 is retried after Retry-After, for writes too', 2_000, false],
    ["Notion's workspace limit, a Retry-After of minutes, is waited out in full, beyond the backoff cap", 300_000, true],
  ])('%s', async (_, retryAfterMs, idempotent) => {
    const s = new RequestScheduler({ requestsPerSecond: 1000, concurrency: 2, random: () => 1, maxDelayMs: 1_000 });
    const attempt = script({ status: 429, retryAfterMs }, { status: 200 });
    const result = s.run(attempt, judge, idempotent);
    await vi.advanceTimersByTimeAsync(retryAfterMs - 1);
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

/** A server that answers 200, behind the sandbox's token-bucket limiter (429 with Retry-After beyond it), on the fake clock. */
function limitedServer(requestsPerSecond: number) {
  const ok = { handle: async () => new Response('{}', { status: 200 }) };
  const limiter = new FaultyEmulator(ok, { forStatus: () => ({}) }, () => Date.now());
  limiter.setRateLimit({ requestsPerSecond, burst: requestsPerSecond });
  return { limiter, send: () => limiter.handle(new Request('https://server.test/v1/pages', { method: 'POST' })) };
}

describe('pacing that adapts to the server', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** Sends `n` requests at once through `s` and lets the fake clock run until all are answered. */
  async function sendAll(s: RequestScheduler, send: () => Promise<Response>, n: number) {
    let settled = false;
    const all = Promise.all(Array.from({ length: n }, () => s.run(send, judgeResponse, false))).finally(() => (settled = true));
    while (!settled) await vi.advanceTimersByTimeAsync(1_000);
    return all;
  }

  it("configured at four times what the server allows, it slows to the server's rate: few 429s, and it reports the pace it settled on", async () => {
    const s = new RequestScheduler({ requestsPerSecond: 40, concurrency: 3 });
    const server = limitedServer(10);
    const answers = await sendAll(s, server.send, 400);
    expect(answers.every((r) => r.status === 200)).toBe(true);
    expect(server.limiter.stats.rateLimited).toBeLessThan(0.05 * server.limiter.stats.requests);
    expect(s.stats.rateLimited).toBe(server.limiter.stats.rateLimited);
    expect(s.stats.slowdowns).toBeGreaterThan(0);
    expect(s.stats.requestsPerSecond).toBeGreaterThan(6);
    expect(s.stats.requestsPerSecond).toBeLessThan(13);
  });

  it('once the server stops refusing, the pace climbs back to the configured rate and no higher', async () => {
    const s = new RequestScheduler({ requestsPerSecond: 40, concurrency: 3 });
    const server = limitedServer(10);
    await sendAll(s, server.send, 100);
    expect(s.stats.requestsPerSecond).toBeLessThan(20);
    server.limiter.setRateLimit(null);
    const started: number[] = [];
    await sendAll(s, () => (started.push(Date.now()), server.send()), 1_000);
    expect(s.stats.requestsPerSecond).toBe(40);
    // No second of the run saw more than the configured 40 requests start.
    const perSecond = started.map((t) => started.filter((u) => u >= t && u < t + 1000).length);
    expect(Math.max(...perSecond)).toBeLessThanOrEqual(40);
  });

  it('requests that never had to wait for the pace do not raise it: a trickle says nothing about a faster one', async () => {
    const s = new RequestScheduler({ requestsPerSecond: 40, concurrency: 1 });
    const server = limitedServer(10);
    await sendAll(s, server.send, 100);
    const settled = s.stats.requestsPerSecond;
    for (let i = 0; i < 100; i++) {
      await vi.advanceTimersByTimeAsync(1_000);
      await s.run(server.send, judgeResponse, false);
    }
    expect(s.stats.requestsPerSecond).toBe(settled);
  });
});

describe('time limits', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a request with no answer is abandoned at its timeout and retried when safe', async () => {
    const s = new RequestScheduler({ requestsPerSecond: 1000, concurrency: 1, timeoutMs: 1000, baseDelayMs: 0, random: () => 0 });
    let calls = 0;
    const attempt = vi.fn((signal: AbortSignal) => {
      calls += 1;
      if (calls === 1) return new Promise<Step>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
      return Promise.resolve({ status: 200 });
    });
    const result = s.run(attempt, judge, true);
    await vi.advanceTimersByTimeAsync(1001);
    await expect(result).resolves.toEqual({ status: 200 });
    expect(attempt.mock.calls[0]![0].aborted).toBe(true);
  });

  it('after the run deadline, no request is sent: queued and new ones fail with the reason', async () => {
    const s = new RequestScheduler({ requestsPerSecond: 1, concurrency: 1 });
    const first = s.run(async () => ({ status: 200 }), judge, true).catch(() => undefined);
    const queued = s.run(async () => ({ status: 200 }), judge, true);
    const settledQueued = expect(queued).rejects.toThrow('deadline passed');
    s.abort(new Error('deadline passed'));
    await vi.advanceTimersByTimeAsync(5000);
    await first;
    await settledQueued;
    await expect(s.run(async () => ({ status: 200 }), judge, true)).rejects.toThrow('deadline passed');
  });
});

describe('reading Retry-After', () => {
  it('accepts seconds and HTTP dates, for 429 and 529 alike, for Notion and Data Center alike', async () => {
    const { judgeResponse } = await import('#connectors/http/judgeResponse.ts');
    const at = (headers: Record<string, string>, status = 429) => judgeResponse({ value: new Response(null, { status, headers }) });
    expect(at({ 'retry-after': '90' })).toEqual({ kind: 'rate-limited', retryAfterMs: 90_000 });
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    const fromDate = at({ 'retry-after': inTwoMinutes }, 529);
    expect(fromDate.kind).toBe('rate-limited');
    expect((fromDate as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(100_000);
    expect(at({}, 503)).toEqual({ kind: 'transient', retryAfterMs: undefined });
    expect(at({}, 400)).toEqual({ kind: 'done' });
  });
});
