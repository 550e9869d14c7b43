import type { Outcome, Verdict } from './requestScheduler.ts';
import { parseRetryAfter } from './retryAfter.ts';

/**
 * How a plain fetch outcome (Notion's SDK, the Data Center adapter) counts for
 * the shared retry policy: 429, and 529 (overloaded), mean nothing was done and
 * any request may be retried; a gateway or server failure may have landed; a
 * request that got no answer at all (a timeout, a dropped connection) too.
 */
export function judgeResponse(outcome: Outcome<Response>): Verdict {
  if ('error' in outcome) return { kind: 'transient' };
  const { status, headers } = outcome.value;
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'));
  if (status === 429 || status === 529) return { kind: 'rate-limited', retryAfterMs };
  if (status === 500 || status === 502 || status === 503 || status === 504) return { kind: 'transient', retryAfterMs };
  return { kind: 'done' };
}
