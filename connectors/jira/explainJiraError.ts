import { isApiError, isAuthError, isNetworkError } from 'jira.js/core';
import { BackboneError } from '../../src/engine/errors.ts';

export interface JiraErrorContext {
  host: string;
  emailEnv: string;
  tokenEnv: string;
  jql?: string;
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
  if (isAuthError(error)) {
    return new BackboneError(
      'jira-auth',
      `Jira at ${context.host} rejected the credentials (401). Check ${context.emailEnv} (the account's email) and ${context.tokenEnv} (an API token from https://id.atlassian.com/manage-profile/security/api-tokens).`,
      undefined,
      { cause: error },
    );
  }
  if (isApiError(error)) {
    const messages = jiraMessages(error.body);
    const said = messages.length ? messages.join(' ') : `${error.status} ${error.statusText}`;
    if (error.status === 410) {
      return new BackboneError('jira-gone', `Jira at ${context.host} says an endpoint was removed (410): ${said}`, undefined, { cause: error });
    }
    if (error.status === 400 && context.jql) {
      return new BackboneError(
        'jira-jql',
        `Jira at ${context.host} refused the epic search: ${said}\n  JQL: ${context.jql}\n  Fix jira.projects / jira.jql / jira.extraJql in the config; a project the account cannot browse looks like one that does not exist.`,
        undefined,
        { cause: error },
      );
    }
    return new BackboneError('jira-api', `Jira at ${context.host} answered ${error.status}: ${said}`, undefined, { cause: error });
  }
  if (isNetworkError(error)) {
    return new BackboneError('jira-network', `Could not reach Jira at ${context.host}: ${error.message}. Check jira.host and the network.`, undefined, {
      cause: error,
    });
  }
  return error;
}
