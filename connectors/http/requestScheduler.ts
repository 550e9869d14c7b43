import PQueue from 'p-queue';

/**
 * One scheduler per external system: every request to that system, from every
 * caller, goes through it. It keeps to the configured rate (so 429s are rare),
 * and applies the one retry policy both systems share:
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

/** A server that keeps saying "slow down" is waited out this many times per request. */
const MAX_THROTTLED_RETRIES = 50;

export interface SchedulerOptions {
  requestsPerSecond: number;
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
}

export class RequestScheduler {
  readonly stats: SchedulerStats = { requests: 0, retries: 0, rateLimited: 0 };
  readonly #queue: PQueue;
  readonly #maxRetries: number;
  readonly #baseDelayMs: number;
  readonly #maxDelayMs: number;
  readonly #random: () => number;
  readonly #timeoutMs: number;
  #pausedUntil = 0;
  #aborted: Error | null = null;

  constructor(options: SchedulerOptions) {
    // One start per 1/rate seconds, sliding: smooth pacing never bursts past the limit.
    const spacingMs = Math.max(1, Math.round(1000 / options.requestsPerSecond));
    this.#queue = new PQueue({ concurrency: options.concurrency, intervalCap: 1, interval: spacingMs, strict: true });
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
    // Failures and throttling have separate budgets: a 429 says "later", not "broken",
    // so a storm of them is waited out far longer than a run of 5xx (the run's deadline still bounds it).
    let failures = 0;
    let throttles = 0;
    for (;;) {
      if (this.#aborted) throw this.#aborted;
      const outcome = await this.#queue
        .add(async (): Promise<Outcome<T>> => {
          await this.#waitOutPause();
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

  async #waitOutPause(): Promise<void> {
    const wait = this.#pausedUntil - Date.now();
    if (wait > 0) await sleep(wait);
  }
}

export class RequestTimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'RequestTimeoutError';
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
