/**
 * `Retry-After` in milliseconds: delay-seconds ("30") or an HTTP date ("Wed, 02
 * Dec 2026 06:00:00 GMT"), as RFC 9110 §10.2.3 allows and Notion's workspace
 * limit sends. Anything else is ignored rather than guessed at. jira.js reads
 * Cloud's header by the same rule and hands over `retryAfterMs` itself.
 */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
