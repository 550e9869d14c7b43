import type { CloudClient } from 'jira.js';
import { cloudChangelogs } from './cloudChangelogs.ts';
import type { JiraApi } from './jiraApi.ts';
import type { RawIssue } from './toEpic.ts';

/** Jira Cloud through jira.js: /rest/api/3/search/jql, paged by `nextPageToken` until Jira stops sending one (`isLast` is not trusted). */
export function cloudApi(jira: CloudClient): JiraApi {
  return {
    deployment: 'cloud',
    // search/jql's `maxResults`: "The greatest number of items returned per page is achieved when requesting `id` or `key` only. It returns max 5000 issues."
    idsPerPage: 5000,
    fields: () => jira.issueFields.getFields(),
    issueTypes: () => jira.issueTypes.getIssueAllTypes(),
    statuses: () => jira.workflowStatuses.getStatuses(),
    changelogs: (issueIds, fieldIds) => cloudChangelogs(jira, issueIds, fieldIds),
    async *search(jql, fields, pageSize) {
      let nextPageToken: string | undefined;
      do {
        const page = await jira.issueSearch.searchAndReconsileIssuesUsingJqlPost({
          jql,
          fields: [...fields],
          maxResults: pageSize,
          ...(nextPageToken ? { nextPageToken } : {}),
        });
        yield (page.issues ?? []) as RawIssue[];
        nextPageToken = page.nextPageToken ?? undefined;
      } while (nextPageToken);
    },
    // Jira's `update` verb with `add` keeps every label already there, and adding one twice is a no-op.
    addLabel: (issueId, label) => jira.issues.editIssue({ issueIdOrKey: issueId, update: { labels: [{ add: label }] }, notifyUsers: false }),
  };
}
