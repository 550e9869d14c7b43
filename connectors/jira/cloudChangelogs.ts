import type { CloudClient } from 'jira.js';
import { isApiError } from 'jira.js/core';
import type { IssueHistories } from './jiraApi.ts';

/** Bulk fetch takes up to 1,000 issues a call. */
const ISSUES_PER_CALL = 1000;
/** Histories per page: the most the API allows, so most calls need no second page. */
const HISTORIES_PER_PAGE = 10_000;
/** The per-issue fallback's page size (Jira's maximum there). */
const PER_ISSUE_PAGE = 100;

/** A site that answers the bulk fetch with 404 or 405 does not offer it (a proxy in front, or an older platform). */
function bulkFetchMissing(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || error.status === 405);
}

async function* bulk(jira: CloudClient, issueIds: readonly string[], fieldIds: readonly string[]): AsyncGenerator<IssueHistories[]> {
  let nextPageToken: string | undefined;
  do {
    const page = await jira.issues.getBulkChangelogs({
      issueIdsOrKeys: [...issueIds],
      fieldIds: [...fieldIds],
      maxResults: HISTORIES_PER_PAGE,
      ...(nextPageToken ? { nextPageToken } : {}),
    });
    yield (page.issueChangeLogs ?? []).flatMap((log) => (log.issueId ? [{ issueId: log.issueId, histories: log.changeHistories ?? [] }] : []));
    nextPageToken = page.nextPageToken ?? undefined;
  } while (nextPageToken);
}

/** GET /issue/{id}/changelog, paged by `startAt`: every field's changes, filtered later. */
async function* perIssue(jira: CloudClient, issueIds: readonly string[]): AsyncGenerator<IssueHistories[]> {
  for (const issueId of issueIds) {
    for (let startAt = 0; ; ) {
      const page = await jira.issues.getChangeLogs({ issueIdOrKey: issueId, startAt, maxResults: PER_ISSUE_PAGE });
      yield [{ issueId, histories: page.values }];
      startAt += page.values.length;
      if (page.isLast || page.values.length === 0 || startAt >= page.total) break;
    }
  }
}

/**
 * Changelogs on Jira Cloud: POST /changelog/bulkfetch, 1,000 issues and the
 * needed field ids a call, paged by `nextPageToken`. `expand=changelog` on the
 * search is not used: it stops at 40 histories per issue. Where the bulk fetch
 * is missing, each issue's changelog is read on its own (one call per issue).
 */
export async function* cloudChangelogs(jira: CloudClient, issueIds: readonly string[], fieldIds: readonly string[]): AsyncGenerator<IssueHistories[]> {
  for (let i = 0; i < issueIds.length; i += ISSUES_PER_CALL) {
    try {
      yield* bulk(jira, issueIds.slice(i, i + ISSUES_PER_CALL), fieldIds);
    } catch (error) {
      if (!bulkFetchMissing(error)) throw error;
      yield* perIssue(jira, issueIds.slice(i));
      return;
    }
  }
}
