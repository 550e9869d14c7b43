/**
 * JQL built from user-supplied values. Every value is a quoted string literal
 * with quotes and backslashes escaped, so a project key or label can never
 * change the shape of the query.
 */
export function jqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function jqlList(values: readonly string[]): string {
  return `(${values.map(jqlString).join(', ')})`;
}

export interface EpicQuery {
  projects: readonly string[];
  /** Issue type names that sit at the epic level (Epic, plus renamed team-managed types). */
  epicTypeNames: readonly string[];
  /** User JQL replacing the generated restriction. */
  jql?: string;
  /** User JQL ANDed onto it. */
  extraJql?: string;
  /** Only epics in these statuses (quoted like every other value). */
  statuses?: readonly string[];
  /** Epoch ms: only epics updated since. Epoch ms is read the same in every account time zone. */
  updatedSinceMs?: number;
}

/** Where a query's own ORDER BY starts, outside any quoted string (`summary ~ "order by"` is a search, not a sort); -1 if none. */
function orderByStart(jql: string): number {
  const orderBy = /\border\s+by\b/iy;
  let quote: string | null = null;
  for (let i = 0; i < jql.length; i += 1) {
    const c = jql[i]!;
    if (quote) {
      if (c === '\\') i += 1;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else {
      orderBy.lastIndex = i;
      if (orderBy.test(jql)) return i;
    }
  }
  return -1;
}

/** A user query's own ORDER BY (`ORDER BY "Rank" ASC` too) is dropped: paging needs the engine's stable order. */
function withoutOrderBy(jql: string): string {
  const start = orderByStart(jql);
  return (start < 0 ? jql : jql.slice(0, start)).trim();
}

/** The bounded epic search: by default `issuetype in ("Epic", …) AND project in (...)`, in a stable order for paging. */
export function buildEpicJql(query: EpicQuery): string {
  const base =
    query.jql === undefined ? `issuetype in ${jqlList(query.epicTypeNames)} AND project in ${jqlList(query.projects)}` : withoutOrderBy(query.jql);
  const clauses = [query.extraJql, query.statuses?.length ? `status in ${jqlList(query.statuses)}` : undefined, query.updatedSinceMs === undefined ? undefined : `updated >= ${Math.floor(query.updatedSinceMs)}`].filter(
    (c): c is string => Boolean(c),
  );
  const restricted = clauses.length && base ? [`(${base})`, ...clauses.map((c) => `(${c})`)].join(' AND ') : base || clauses.join(' AND ');
  return `${restricted} ORDER BY key ASC`.trim();
}
