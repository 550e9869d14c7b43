import { Client, LogLevel, type Logger } from '@notionhq/client';
import type { Outcome, RequestScheduler, Verdict } from '../../src/engine/http/requestScheduler.ts';

export interface NotionClientOptions {
  baseUrl: string;
  token: string;
  scheduler: RequestScheduler;
  /** Where the SDK's own log lines go (it would print to the console otherwise). */
  log?: Logger;
}

/** How a raw Notion HTTP outcome counts for the shared retry policy. */
export function judgeNotionOutcome(outcome: Outcome<Response>): Verdict {
  if ('error' in outcome) {
    // A timeout or a dropped connection: the request may or may not have landed.
    return { kind: 'transient' };
  }
  const { status, headers } = outcome.value;
  const retryAfter = headers.get('retry-after');
  const seconds = retryAfter === null ? NaN : Number(retryAfter);
  const retryAfterMs = Number.isFinite(seconds)
    ? seconds * 1000
    : retryAfter && !Number.isNaN(Date.parse(retryAfter))
      ? Math.max(0, Date.parse(retryAfter) - Date.now())
      : undefined;
  // 529 means overloaded: like a 429, nothing was done, so any request may be retried.
  if (status === 429 || status === 529) return { kind: 'rate-limited', retryAfterMs };
  if (status === 500 || status === 502 || status === 503 || status === 504) return { kind: 'transient', retryAfterMs };
  return { kind: 'done' };
}

/** Reads, queries and updates of named properties can be repeated safely; creates and appends cannot. */
function isIdempotent(method: string, url: string): boolean {
  const path = new URL(url).pathname;
  if (method === 'GET' || method === 'DELETE') return true;
  if (method === 'POST') return /\/(query|search)$/.test(path);
  if (method === 'PATCH') return !/\/children$/.test(path);
  return false;
}

/**
 * The real Notion SDK, with its own retries switched off: every request goes
 * through the Notion scheduler instead, so one policy (pacing, Retry-After,
 * backoff, safe-to-retry) covers every call and retries are never stacked.
 * The fetch looks up `globalThis.fetch` per call so msw can intercept in tests.
 */
export function createNotionClient(options: NotionClientOptions): Client {
  const scheduledFetch = (url: string, init?: RequestInit): Promise<Response> => {
    const method = (init?.method ?? 'GET').toUpperCase();
    return options.scheduler.run(
      (signal) => globalThis.fetch(url, { ...init, signal }),
      judgeNotionOutcome,
      isIdempotent(method, url),
    );
  };
  return new Client({
    auth: options.token,
    baseUrl: options.baseUrl,
    fetch: scheduledFetch as typeof fetch,
    retry: false,
    logLevel: LogLevel.DEBUG,
    logger: options.log ?? (() => undefined),
    // The scheduler times each attempt out itself; the SDK's timer must not cut a queued request short.
    timeoutMs: 24 * 3_600_000,
  });
}
