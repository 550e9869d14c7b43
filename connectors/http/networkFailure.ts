import { RequestTimeoutError } from './requestScheduler.ts';

/**
 * Why a request got no HTTP answer at all, as far as the error tells. fetch
 * (undici) reports every such failure as `TypeError: fetch failed` and puts
 * the reason in `cause.code`: ENOTFOUND for a name that does not resolve,
 * ECONNREFUSED for a port nobody listens on, UND_ERR_SOCKET or ECONNRESET for
 * a connection dropped mid-request (msw's `HttpResponse.error()` has no code).
 */
export type NetworkFailure =
  | { kind: 'dns'; hostname?: string }
  | { kind: 'refused' }
  | { kind: 'dropped' }
  | { kind: 'timeout'; ms?: number };

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME']);
const TIMEOUT = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** The network failure behind `error`, or null when it is something else (an HTTP answer, a bug). */
export function networkFailure(error: unknown): NetworkFailure | null {
  if (error instanceof RequestTimeoutError) return { kind: 'timeout', ms: error.ms };
  // Only fetch's own failure: a TypeError from a bug elsewhere is not the network's fault.
  if (!(error instanceof TypeError) || !/^(fetch failed|failed to fetch)$/i.test(error.message)) return null;
  const cause = error.cause as { code?: unknown; hostname?: unknown } | undefined;
  const code = typeof cause?.code === 'string' ? cause.code : '';
  if (DNS.has(code)) return { kind: 'dns', ...(typeof cause?.hostname === 'string' ? { hostname: cause.hostname } : {}) };
  if (code === 'ECONNREFUSED') return { kind: 'refused' };
  if (TIMEOUT.has(code)) return { kind: 'timeout' };
  return { kind: 'dropped' };
}
