/**
 * How many issues one search page may hold, as real Jira decides it (a larger
 * `maxResults` is lowered silently; the default is 50 everywhere):
 *
 * - Cloud, `/rest/api/3/search/jql`: up to 5,000 when only `id` or `key` is
 *   asked for (the OpenAPI document's `maxResults`: "The greatest number of
 *   items returned per page is achieved when requesting `id` or `key` only. It
 *   returns max 5000 issues."); otherwise 100, and fewer when many fields are
 *   asked for (the emulator returns 50 for `*all`, `*navigable` or more than 12
 *   fields).
 * - Data Center / Server, `/rest/api/2/search`: up to 1,000, the
 *   `jira.search.views.default.max` setting's default, whatever the fields.
 */
export function searchPageLimit(flavour: 'cloud' | 'datacenter', fields: readonly string[]): number {
  if (flavour === 'datacenter') return 1000;
  if (fields.length > 0 && fields.every((f) => f === 'id' || f === 'key')) return 5000;
  const heavy = fields.includes('*all') || fields.includes('*navigable') || fields.length > 12;
  return heavy ? 50 : 100;
}
