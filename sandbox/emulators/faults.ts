import type { Emulator } from './emulator.ts';

/**
 * What goes wrong on a real network, injected in front of an emulator: rate
 * limits, server errors, dropped connections, and writes whose response is
 * lost after the write was applied. Shared by both systems; only the error
 * bodies differ, so each system passes its own.
 */
export type Fault =
  /** `body` replaces the system's usual error body, e.g. one echoing the request's headers as some proxies do. */
  | { kind: 'status'; status: number; retryAfterSeconds?: number; body?: (request: Request) => unknown }
  | { kind: 'reset' }
  | { kind: 'lose-response' };

export interface FaultRule {
  method?: string;
  /** Matched against the URL pathname. */
  path: RegExp;
  /** How many matching requests get the fault; then the rule is spent. */
  times: number;
  fault: Fault;
}

export interface RateLimit {
  /** Sustained rate the bucket refills at. */
  requestsPerSecond: number;
  /** Requests allowed in a burst above the sustained rate. */
  burst: number;
}

export interface ErrorBodies {
  /** The JSON body this system sends with a given error status. */
  forStatus(status: number): unknown;
}

export class FaultyEmulator implements Emulator {
  readonly #inner: Emulator;
  readonly #bodies: ErrorBodies;
  readonly #now: () => number;
  #rules: FaultRule[] = [];
  #rateLimit: RateLimit | null = null;
  #tokens = 0;
  #lastRefill = 0;
  /** Counts for tests and benchmarks: every request seen, and the 429s answered. */
  readonly stats = { requests: 0, rateLimited: 0, faults: 0 };

  constructor(inner: Emulator, bodies: ErrorBodies, now: () => number = () => performance.now()) {
    this.#inner = inner;
    this.#bodies = bodies;
    this.#now = now;
  }

  inject(rule: FaultRule): void {
    this.#rules.push({ ...rule });
  }

  clearFaults(): void {
    this.#rules = [];
  }

  setRateLimit(limit: RateLimit | null): void {
    this.#rateLimit = limit;
    this.#tokens = limit?.burst ?? 0;
    this.#lastRefill = this.#now();
  }

  async handle(request: Request): Promise<Response> {
    this.stats.requests += 1;
    const limited = this.#takeToken();
    if (limited !== null) {
      this.stats.rateLimited += 1;
      return this.#errorResponse(429, limited);
    }
    const path = new URL(request.url).pathname;
    const rule = this.#rules.find((r) => r.times > 0 && r.path.test(path) && (!r.method || r.method === request.method));
    if (!rule) return this.#inner.handle(request);
    rule.times -= 1;
    this.stats.faults += 1;
    const { fault } = rule;
    if (fault.kind === 'reset') return Response.error();
    if (fault.kind === 'lose-response') {
      await this.#inner.handle(request);
      return Response.error();
    }
    return this.#errorResponse(fault.status, fault.retryAfterSeconds, fault.body?.(request));
  }

  /** Token bucket: null when a token was available, else the seconds until one is. */
  #takeToken(): number | null {
    const limit = this.#rateLimit;
    if (!limit) return null;
    const now = this.#now();
    this.#tokens = Math.min(limit.burst, this.#tokens + ((now - this.#lastRefill) / 1000) * limit.requestsPerSecond);
    this.#lastRefill = now;
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return null;
    }
    return (1 - this.#tokens) / limit.requestsPerSecond;
  }

  #errorResponse(status: number, retryAfterSeconds?: number, body: unknown = this.#bodies.forStatus(status)): Response {
    const headers = new Headers({ 'content-type': 'application/json' });
    if (retryAfterSeconds !== undefined) headers.set('retry-after', String(Math.ceil(retryAfterSeconds * 1000) / 1000));
    return new Response(JSON.stringify(body), { status, headers });
  }
}
