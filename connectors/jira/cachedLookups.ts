import type { JiraApi } from './jiraApi.ts';

/**
 * The site's field, status and issue-type lists, read at most once per run
 * however many steps need them (the pull discovers story points; the history
 * reads them again to name the field in changelogs; the pull and the in-scope
 * search both need the epic-level issue types). A failed read is not kept.
 */
export function cachedLookups(api: JiraApi): JiraApi {
  const once = <T>(read: () => Promise<T>) => {
    let pending: Promise<T> | undefined;
    return () => (pending ??= read().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
  };
  return { ...api, fields: once(() => api.fields()), statuses: once(() => api.statuses()), issueTypes: once(() => api.issueTypes()) };
}
