import PQueue from 'p-queue';
import { AdaptiveRate } from './adaptiveRate.ts';

/**
 * One scheduler per external system: every request to that system, from every
 * caller, goes through it. It paces requests evenly at a rate that adapts
 * (adaptiveRate.ts: slower after 429s, back up after successes, never above the
 * configured rate, so 429s stay rare however high that is set), and applies the
 * one retry policy both systems share:
 *
 * - 429 and 529 are retried for every request: the server refused before doing
 *   anything. The whole queue pauses for `Retry-After`, since the limit is per
 *   integration, not per caller.
 * - 5xx and network errors are retried only for idempotent requests (reads,
 *   updates of named properties), because a create whose response was lost may
 *   already exist; creates are made safe one level up, by re-reading first.
 * - Backoff is exponential with full jitter when the server gave no Retry-After.
 */
export type Outcome<T> = { value: T } | { error: unknown };

export type Verdict =
  | { kind: 'done' }
  | { kind: 'rate-limited'; retryAfterMs?: number }
  | { kind: 'transient'; retryAfterMs?: number };

/** Which request this was, in the order they were let through, and whether the pace (or a pause) held it back first. */
interface Slot {
  number: number;
  paced: boolean;
}

/** A server that keeps saying "slow down" is waited out this many times per request. */
const MAX_THROTTLED_RETRIES = 50;

export interface SchedulerOptions {
  /** The most requests per second ever sent; 429s lower the pace below it. */
  requestsPerSecond: number;
  /** The pace never drops below this after 429s; a twentieth of `requestsPerSecond` by default. */
  minRequestsPerSecond?: number;
  concurrency: number;
  /** Each attempt is abandoned after this long and counts as a transient failure. */
  timeoutMs?: number;
  /** Attempts after the first. */
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

export interface SchedulerStats {
  requests: number;
  retries: number;
  rateLimited: number;
  /** The pace in force now: at the end of a run, the one it settled on. */
  requestsPerSecond: number;
  /** How many times a 429 lowered the pace. */
  slowdowns: number;
  /** The most requests handed to the scheduler and not yet finished at one time: what callers hold in memory. */
  peakWaiting: number;
}

export class RequestScheduler {
  readonly stats: SchedulerStats;
  readonly #queue: PQueue;
  readonly #rate: AdaptiveRate;
  readonly #maxRetries: number;
  readonly #baseDelayMs: number;
  readonly #maxDelayMs: number;
  readonly #random: () => number;
  readonly #timeoutMs: number;
  #pausedUntil = 0;
  /** When the last request was let through: the next waits one spacing at the current pace. */
  #lastStart = Number.NEGATIVE_INFINITY;
  /** Requests let through so far: numbers them, so a 429 can be told apart as an answer to an older, faster pace. */
  #letThrough = 0;
  #aborted: Error | null = null;
  #waiting = 0;

  constructor(options: SchedulerOptions) {
    // The queue bounds concurrency; the pace (one start per 1/rate seconds) is kept in #waitForSlot, since it changes.
    this.#queue = new PQueue({ concurrency: options.concurrency });
    this.#rate = new AdaptiveRate({ max: options.requestsPerSecond, min: options.minRequestsPerSecond });
    this.stats = { requests: 0, retries: 0, rateLimited: 0, requestsPerSecond: options.requestsPerSecond, slowdowns: 0, peakWaiting: 0 };
    this.#maxRetries = options.maxRetries ?? 5;
    this.#baseDelayMs = options.baseDelayMs ?? 500;
    this.#maxDelayMs = options.maxDelayMs ?? 120_000;
    this.#random = options.random ?? Math.random;
    this.#timeoutMs = options.timeoutMs ?? 60_000;
  }

  /** Refuses every request from now on with `reason`: the run's deadline has passed. */
  abort(reason: Error): void {
    this.#aborted = reason;
    this.#queue.clear();
  }

  /**
   * Runs `attempt` through the queue until `judge` calls it done or retries run
   * out. The last outcome is returned (or thrown) as it came, so callers see the
   * SDK's own error for a failure that outlasted the retries.
   */
  async run<T>(attempt: (signal: AbortSignal) => Promise<T>, judge: (outcome: Outcome<T>) => Verdict, idempotent: boolean): Promise<T> {
    this.#waiting += 1;
    this.stats.peakWaiting = Math.max(this.stats.peakWaiting, this.#waiting);
    try {
      return await this.#runUntilDone(attempt, judge, idempotent);
    } finally {
      this.#waiting -= 1;
    }
  }

  async #runUntilDone<T>(attempt: (signal: AbortSignal) => Promise<T>, judge: (outcome: Outcome<T>) => Verdict, idempotent: boolean): Promise<T> {
    // Failures and throttling have separate budgets: a 429 says "later", not "broken",
    // so a storm of them is waited out far longer than a run of 5xx (the run's deadline still bounds it).
    let failures = 0;
    let throttles = 0;
    for (;;) {
      if (this.#aborted) throw this.#aborted;
      let slot: Slot = { number: 0, paced: false };
      const outcome = await this.#queue
        .add(async (): Promise<Outcome<T>> => {
          slot = await this.#waitForSlot();
          if (this.#aborted) return { error: this.#aborted };
          this.stats.requests += 1;
          try {
            return { value: await withTimeout(attempt, this.#timeoutMs) };
          } catch (error) {
            return { error };
          }
        })
        // Aborting clears the queue, which rejects what waited in it: report the reason instead.
        .catch((error: unknown): Outcome<T> => ({ error: this.#aborted ?? error }));
      if (this.#aborted) {
        if ('error' in outcome) throw outcome.error;
        return outcome.value;
      }
      const verdict = judge(outcome);
      this.#adaptPace(verdict, slot);
      const retryable =
        (verdict.kind === 'rate-limited' && throttles < MAX_THROTTLED_RETRIES) ||
        (verdict.kind === 'transient' && idempotent && failures < this.#maxRetries);
      if (!retryable) {
        if ('error' in outcome) throw outcome.error;
        return outcome.value;
      }
      this.stats.retries += 1;
      const retry = verdict.kind === 'rate-limited' ? throttles++ : failures++;
      const delay = verdict.retryAfterMs ?? this.#backoff(retry);
      if (verdict.kind === 'rate-limited') {
        this.stats.rateLimited += 1;
        this.#pausedUntil = Math.max(this.#pausedUntil, Date.now() + delay);
      } else {
        await sleep(delay);
      }
    }
  }

  #backoff(retry: number): number {
    return Math.round(this.#random() * Math.min(this.#maxDelayMs, this.#baseDelayMs * 2 ** retry));
  }

  #adaptPace(verdict: Verdict, { number, paced }: Slot): void {
    // Only throttling moves the pace down: a 5xx or a timeout says the server is broken, not that we are fast.
    // Only a request the pace held back moves it up: one sent at once shows nothing about a faster pace (RFC 7661's rule).
    const changed =
      verdict.kind === 'rate-limited' ? this.#rate.refused(number, this.#letThrough + 1) : verdict.kind === 'done' && paced && this.#rate.accepted();
    if (!changed) return;
    this.stats.requestsPerSecond = Math.round(this.#rate.requestsPerSecond * 100) / 100;
    this.stats.slowdowns = this.#rate.slowdowns;
  }

  /** Waits out any Retry-After pause and the spacing the current pace asks for; returns when the request may go. */
  async #waitForSlot(): Promise<Slot> {
    let paced = false;
    for (;;) {
      const now = Date.now();
      const spacingMs = 1000 / this.#rate.requestsPerSecond;
      const at = Math.max(this.#pausedUntil, this.#lastStart + spacingMs);
      if (at <= now) {
        // Timers fire late: count the start at its slot so the pace holds on average, but never bank more than one slot.
        this.#lastStart = Math.max(at, now - spacingMs);
        this.#letThrough += 1;
        return { number: this.#letThrough, paced };
      }
      // Asleep, the pace or the pause may change: look again on waking.
      paced = true;
      await sleep(at - now);
    }
  }
}

export class RequestTimeoutError extends Error {
  readonly ms: number;

  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'RequestTimeoutError';
    this.ms = ms;
  }
}

/** Aborts the attempt's signal after `ms` and stops waiting for it, whether or not the client honours the signal. */
async function withTimeout<T>(attempt: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new RequestTimeoutError(ms);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([attempt(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
