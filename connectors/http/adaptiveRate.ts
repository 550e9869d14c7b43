/**
 * The request rate one system's scheduler keeps to, found by AIMD (additive
 * increase, multiplicative decrease), as TCP finds a link's capacity. A
 * system's real limit is not one published number (Notion's depends on the
 * plan and on the rest of the workspace), so the configured rate is a
 * ceiling, and the server's 429s say where the limit is today:
 *
 * - On a 429 the rate drops to 70% of itself, at most once per window: a 429
 *   for a request sent before the last drop says nothing about the new rate.
 * - After each window of successes (as many as the rate sends in a second)
 *   the rate climbs by 5% of the rate that was last refused, so it returns to
 *   just under the limit in about six windows. Past it, with no 429 yet, the
 *   step doubles each window (as TCP BIC and CUBIC probe): a limit that has
 *   lifted is found in a few seconds, one still there costs one 429.
 * - It never exceeds the configured rate, and never falls below a floor.
 *
 * Pure: the caller says when requests were sent, on any scale that only
 * grows (the scheduler numbers its requests), so it needs no clock.
 */
export interface AdaptiveRateOptions {
  /** The configured rate: never exceeded. */
  max: number;
  /** Never paced slower than this; a twentieth of `max` by default. */
  min?: number;
}

/** What a 429 leaves of the rate. 0.7, not TCP's 0.5: one client against a fixed limit loses less time. */
const DECREASE = 0.7;
/** Growth per window of successes, as a share of the rate last refused. */
const INCREASE = 0.05;

export class AdaptiveRate {
  readonly #max: number;
  readonly #min: number;
  #rate: number;
  /** The rate in force when the server last said no: the best estimate of its limit. */
  #refused: number;
  /** When the rate last dropped: 429s for requests sent before then answered a faster rate. */
  #droppedAt = Number.NEGATIVE_INFINITY;
  /** The next increase: 5% of the rate last refused, doubled each window spent above it. */
  #step = 0;
  #successes = 0;
  #slowdowns = 0;

  constructor(options: AdaptiveRateOptions) {
    this.#max = options.max;
    this.#min = Math.min(options.max, options.min ?? options.max / 20);
    this.#rate = options.max;
    this.#refused = options.max;
  }

  get requestsPerSecond(): number {
    return this.#rate;
  }

  /** How many times a 429 slowed the rate down. */
  get slowdowns(): number {
    return this.#slowdowns;
  }

  /** A request sent at `sentAt` was refused with a 429 (or 529); a request sent from `now` on goes at the new rate. Returns whether the rate changed. */
  refused(sentAt: number, now: number): boolean {
    if (sentAt < this.#droppedAt || this.#rate === this.#min) return false;
    this.#refused = this.#rate;
    this.#rate = Math.max(this.#min, this.#rate * DECREASE);
    this.#droppedAt = now;
    this.#step = INCREASE * this.#refused;
    this.#successes = 0;
    this.#slowdowns += 1;
    return true;
  }

  /** A request was accepted. Returns whether the rate changed. */
  accepted(): boolean {
    if (this.#rate === this.#max) return false;
    this.#successes += 1;
    if (this.#successes < Math.ceil(this.#rate)) return false;
    this.#successes = 0;
    if (this.#rate >= this.#refused) this.#step *= 2;
    this.#rate = Math.min(this.#max, this.#rate + this.#step);
    return true;
  }
}
