import { Client, LogLevel, type Logger } from '@notionhq/client';
import { judgeResponse } from '../http/judgeResponse.ts';
import type { RequestScheduler } from '../http/requestScheduler.ts';

export interface NotionClientOptions {
  baseUrl: string;
  token: string;
  scheduler: RequestScheduler;
  /** Where the SDK's own log lines go (it would print to the console otherwise). */
  log?: Logger;
  /** Applied to every request body, so a secret in the data (a token pasted into an epic) is never written to Notion. */
  scrub: (text: string) => string;
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
    // The SDK sends JSON text; a secret is replaced inside a string value, which keeps the JSON valid.
    const body = typeof init?.body === 'string' ? options.scrub(init.body) : init?.body;
    return options.scheduler.run(
      (signal) => globalThis.fetch(url, { ...init, body, signal }),
      judgeResponse,
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
