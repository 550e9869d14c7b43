import { describe, expect, it } from 'vitest';
import { forEachWithin } from '#connectors/http/forEachWithin.ts';

describe('work in a window', () => {
  it('runs every item, never more than the window at once: 10,000 writes, 48 under way at most', async () => {
    let underWay = 0;
    let peak = 0;
    let done = 0;
    const items = Array.from({ length: 10_000 }, (_, i) => i);
    await forEachWithin(items, 48, async () => {
      underWay += 1;
      peak = Math.max(peak, underWay);
      await new Promise<void>((resolve) => setImmediate(resolve));
      underWay -= 1;
      done += 1;
    });
    expect(done).toBe(10_000);
    expect(peak).toBe(48);
  });

  it('takes items from a generator only as the window frees up, so they are built one at a time', async () => {
    let built = 0;
    let maxAhead = 0;
    let finished = 0;
    function* writes() {
      for (let i = 0; i < 1_000; i += 1) {
        built += 1;
        maxAhead = Math.max(maxAhead, built - finished);
        yield i;
      }
    }
    await forEachWithin(writes(), 8, async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      finished += 1;
    });
    expect(built).toBe(1_000);
    expect(maxAhead).toBeLessThanOrEqual(8);
  });
});
