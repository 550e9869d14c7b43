import { createCloudClient, type CloudClient } from 'jira.js';
import { createClient, isNetworkError, isRateLimitError, isServerError, type Client } from 'jira.js/core';
import { RequestTimeoutError, type Outcome, type RequestScheduler, type Verdict } from '../http/requestScheduler.ts';

export interface JiraCredentials {
  email: string;
  apiToken: string;
}

export interface JiraClientOptions {
  host: string;
  credentials: JiraCredentials;
  scheduler: RequestScheduler;
  /** 'throw' in tests, so a mock that drifts from Jira's real schema fails loudly. */
  onSchemaMismatch?: 'throw' | 'warn';
}

/** How a jira.js outcome counts for the shared retry policy. */
export function judgeJiraOutcome(outcome: Outcome<unknown>): Verdict {
  if (!('error' in outcome)) return { kind: 'done' };
  const { error } = outcome;
  if (isRateLimitError(error)) return { kind: 'rate-limited', retryAfterMs: error.retryAfterMs };
  if (isServerError(error) || (isNetworkError(error) && error.transient) || error instanceof RequestTimeoutError) return { kind: 'transient' };
  return { kind: 'done' };
}

/**
 * A jira.js Cloud client whose every request goes through the Jira scheduler.
 * jira.js's own retries stay off (its default), so there is one retry policy.
 */
export function createJiraClient(options: JiraClientOptions): CloudClient {
  const base = createClient({
    host: options.host,
    auth: { type: 'basic', email: options.credentials.email, apiToken: options.credentials.apiToken },
    onSchemaMismatch: options.onSchemaMismatch ?? 'warn',
  });
  const scheduled: Client = {
    sendRequest: (request) =>
      options.scheduler.run(() => base.sendRequest(request), judgeJiraOutcome, isIdempotent(request.method, request.url)),
  };
  return createCloudClient(scheduled);
}

/** Reads are idempotent, and so are a JQL search and a changelog bulk fetch sent by POST; edits that set values are too. */
function isIdempotent(method: string | undefined, url: string): boolean {
  const m = (method ?? 'GET').toUpperCase();
  return m === 'GET' || m === 'PUT' || (m === 'POST' && /\/(search\/(jql|approximate-count)|changelog\/bulkfetch)$/.test(url));
}
