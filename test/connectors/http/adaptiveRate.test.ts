import { describe, expect, it } from 'vitest';
import { AdaptiveRate } from '#connectors/http/adaptiveRate.ts';

/** Reports `n` accepted requests. */
const accept = (rate: AdaptiveRate, n: number) => {
  for (let i = 0; i < n; i++) rate.accepted();
};

describe('the pace a scheduler keeps to', () => {
  it('starts at the configured rate and stays there while the server accepts everything', () => {
    const rate = new AdaptiveRate({ max: 40 });
    accept(rate, 1_000);
    expect(rate.requestsPerSecond).toBe(40);
  });

  it('a 429 slows it to 70%', () => {
    const rate = new AdaptiveRate({ max: 40 });
    expect(rate.refused(0, 10)).toBe(true);
    expect(rate.requestsPerSecond).toBe(28);
    expect(rate.slowdowns).toBe(1);
  });

  it('429s for requests sent before the last slowdown do not slow it again; one sent after does', () => {
    const rate = new AdaptiveRate({ max: 40 });
    rate.refused(0, 100);
    expect(rate.refused(50, 110)).toBe(false);
    expect(rate.refused(99, 120)).toBe(false);
    expect(rate.requestsPerSecond).toBe(28);
    expect(rate.refused(100, 130)).toBe(true);
    expect(rate.requestsPerSecond).toBeCloseTo(19.6);
  });

  it('recovers after successes, one step per window of as many successes as the pace sends in a second', () => {
    const rate = new AdaptiveRate({ max: 40 });
    rate.refused(0, 0);
    accept(rate, 27);
    expect(rate.requestsPerSecond).toBe(28);
    accept(rate, 1);
    // The step is 5% of the rate last refused (40).
    expect(rate.requestsPerSecond).toBe(30);
    accept(rate, 30);
    expect(rate.requestsPerSecond).toBe(32);
  });

  it('past the rate last refused, with no 429 yet, the step doubles each window: a lifted limit is found fast', () => {
    const rate = new AdaptiveRate({ max: 100 });
    rate.refused(0, 0);
    rate.refused(1, 1);
    // Last refused at 70, now at 49: 3.5 per window back up to 70.
    const paces = [];
    for (let window = 0; window < 10; window++) {
      accept(rate, Math.ceil(rate.requestsPerSecond));
      paces.push(rate.requestsPerSecond);
    }
    expect(paces).toEqual([52.5, 56, 59.5, 63, 66.5, 70, 77, 91, 100, 100]);
  });

  it('never climbs above the configured rate', () => {
    const rate = new AdaptiveRate({ max: 40 });
    rate.refused(0, 0);
    accept(rate, 10_000);
    expect(rate.requestsPerSecond).toBe(40);
  });

  it('never falls below its floor, a twentieth of the configured rate unless set', () => {
    const byDefault = new AdaptiveRate({ max: 40 });
    const set = new AdaptiveRate({ max: 40, min: 5 });
    for (let t = 0; t < 50; t++) {
      byDefault.refused(t, t);
      set.refused(t, t);
    }
    expect(byDefault.requestsPerSecond).toBe(2);
    expect(set.requestsPerSecond).toBe(5);
  });
});
