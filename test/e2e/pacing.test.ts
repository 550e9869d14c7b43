import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sandboxHarness } from '../helpers/sandboxSync.ts';

const T0 = new Date('2026-11-23T08:00:00Z');

describe('pacing against a server slower than configured', () => {
  // The sandbox's limiter and the scheduler both read the fake clock, so the run is the same every time and takes no real time.
  beforeEach(() => vi.useFakeTimers({ now: T0 }));
  afterEach(() => vi.useRealTimers());

  it('a sync configured at four times the rate Notion allows finishes with few 429s, and logs the pace it settled on', async () => {
    const h = sandboxHarness({
      epics: 200,
      notionNow: () => new Date(),
      config: (c) => ({ ...c, notion: { ...c.notion, rateLimit: { requestsPerSecond: 40, concurrency: 3 } } }),
    });
    h.world.notionNet.setRateLimit({ requestsPerSecond: 10, burst: 10 });

    let done = false;
    const run = h.run(['sync'], T0).finally(() => (done = true));
    while (!done) await vi.advanceTimersByTimeAsync(100);
    const result = await run;

    expect(result.code).toBe(0);
    const { requests, rateLimited } = h.world.notionNet.stats;
    expect(requests).toBeGreaterThan(250);
    expect(rateLimited).toBeLessThan(0.05 * requests);
    const finished = result.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line)).find((l) => l.msg === 'sync finished');
    expect(finished.requests.notion.rateLimited).toBe(rateLimited);
    expect(finished.requests.notion.requestsPerSecond).toBeLessThan(20);
  });
});
