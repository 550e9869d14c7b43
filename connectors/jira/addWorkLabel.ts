import type { CloudClient } from 'jira.js';

/**
 * Adds one label to an issue and touches nothing else: Jira's `update` verb
 * with `add` keeps every label already there, and adding one twice is a no-op,
 * so a retry cannot do harm.
 */
export async function addWorkLabel(jira: CloudClient, issueId: string, label: string): Promise<void> {
  await jira.issues.editIssue({ issueIdOrKey: issueId, update: { labels: [{ add: label }] }, notifyUsers: false });
}
