import { isApiError, isNetworkError } from 'jira.js/core';
import { BackboneError } from '#core/errors.ts';
import { networkCause } from '../http/networkCause.ts';
import { RequestTimeoutError } from '../http/requestScheduler.ts';
import { DataCenterApiError } from './dataCenterApi.ts';

export interface JiraErrorContext {
  host: string;
  emailEnv: string;
  tokenEnv: string;
  jql?: string;
  deployment?: 'cloud' | 'datacenter';
}

function jiraMessages(body: unknown): string[] {
  if (!body || typeof body !== 'object') return typeof body === 'string' && body ? [body] : [];
  const { errorMessages, errors } = body as { errorMessages?: unknown; errors?: unknown };
  const list = Array.isArray(errorMessages) ? errorMessages.filter((m): m is string => typeof m === 'string') : [];
  const fields = errors && typeof errors === 'object' ? Object.entries(errors).map(([k, v]) => `${k}: ${String(v)}`) : [];
  return [...list, ...fields];
}

/** Turns a jira.js failure into a message that says which credential, which site, which query, and what to do. */
export function explainJiraError(error: unknown, context: JiraErrorContext): unknown {
  if (error instanceof BackboneError) return error;
  // jira.js (Cloud) and the Data Center adapter report HTTP failures with the same shape.
  const api = isApiError(error) || error instanceof DataCenterApiError ? error : null;
  if (api?.status === 401) {
    const credentials =
      context.deployment === 'datacenter'
        ? `${context.tokenEnv} (a personal access token)`
        : `${context.emailEnv} (the account's email) and ${context.tokenEnv} (an API token from https://id.atlassian.com/manage-profile/security/api-tokens)`;
    return new BackboneError('auth', 'jira-auth', `Jira at ${context.host} rejected the credentials (401). Check ${credentials}.`, { cause: error });
  }
  if (api) {
    const messages = jiraMessages(api.body);
    const said = messages.length ? messages.join(' ') : `${api.status} ${api.statusText}`;
    if (api.status === 410) {
      return new BackboneError('remote', 'jira-gone', `Jira at ${context.host} says an endpoint was removed (410): ${said}`, { cause: api });
    }
    if (api.status === 400 && context.jql) {
      return new BackboneError(
        'remote',
        'jira-jql',
        `Jira at ${context.host} refused the epic search: ${said}\n  JQL: ${context.jql}\n  Fix jira.projects / jira.jql / jira.extraJql in the config; a project the account cannot browse looks like one that does not exist.`,
        { cause: api },
      );
    }
    return new BackboneError('remote', 'jira-api', `Jira at ${context.host} answered ${api.status}: ${said}`, { cause: api });
  }
  if (isNetworkError(error) || error instanceof RequestTimeoutError || error instanceof TypeError) {
    const cause = networkCause(error);
    return new BackboneError('network', 'jira-network', `Could not reach Jira at ${context.host}: ${error.message}${cause ? ` (${cause})` : ''}. Check jira.host and the network.`, {
      cause: error,
    });
  }
  return error;
}
