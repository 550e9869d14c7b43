import { RequestScheduler } from './requestScheduler.ts';

/** The pacing and retry settings each system's config section carries. */
export interface TransportSettings {
  rateLimit: { requestsPerSecond: number; concurrency: number };
  retry: { maxRetries: number; baseDelayMs: number; maxDelayMs: number };
  requestTimeoutSeconds: number;
}

/** One scheduler per system, from that system's settings. */
export function schedulerFor(settings: TransportSettings): RequestScheduler {
  return new RequestScheduler({ ...settings.rateLimit, ...settings.retry, timeoutMs: settings.requestTimeoutSeconds * 1000 });
}
