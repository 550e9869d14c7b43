import type { Issue } from 'jira.js/cloud';
import { customValue } from './customValues.ts';
import { offsetMs } from './jqlDates.ts';
import { adfToWiki } from './wikiMarkup.ts';
import type { JiraIssue, JiraSite } from './model.ts';
import { renderStatus, statusDef } from './statuses.ts';

/** Jira's timestamp format: 2026-11-20T10:15:30.123+0000. */
export const jiraTime = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');

/** The same in a user's time zone, as Jira writes changelog times: 2026-11-20T10:15:30.123+0100. */
export function jiraTimeIn(ms: number, timeZone: string): string {
  const offset = offsetMs(ms, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.abs(offset) / 60_000;
  const pad = (n: number) => String(Math.floor(n)).padStart(2, '0');
  return `${new Date(ms + offset).toISOString().slice(0, -1)}${sign}${pad(minutes / 60)}${pad(minutes % 60)}`;
}

export const TEAM_FIELD = 'customfield_10001';


/** All fields of an issue as a site of the given flavour returns them. */
function allFields(issue: JiraIssue, site: JiraSite, host: string, flavour: 'cloud' | 'datacenter', api: string): Record<string, unknown> {
  const project = site.projects.find((p) => p.key === issue.projectKey)!;
  const type = site.issueTypes.find((t) => t.id === issue.typeId)!;
  const parent = issue.parentKey ? site.issues.find((i) => i.key === issue.parentKey) : undefined;
  const fields: Record<string, unknown> = {
    summary: issue.summary,
    labels: issue.labels,
    status: renderStatus(statusDef(issue.status.name, issue.status.category), host, api),
    issuetype: {
      self: `${host}/rest/api/${api}/issuetype/${type.id}`,
      id: type.id,
      name: type.name,
      subtask: false,
      hierarchyLevel: type.hierarchyLevel,
      ...(type.projectId ? { scope: { type: 'PROJECT', project: { id: type.projectId } } } : {}),
    },
    project: { self: `${host}/rest/api/${api}/project/${project.id}`, id: project.id, key: project.key, name: project.name, projectTypeKey: 'software', simplified: project.simplified },
    components: issue.components.map((name, i) => ({ self: `${host}/rest/api/${api}/component/${1000 + i}`, id: String(1000 + i), name })),
    created: jiraTime(issue.created),
    updated: jiraTime(issue.updated),
    resolutiondate: issue.resolved === null ? null : jiraTime(issue.resolved),
    description: flavour === 'cloud' ? issue.description : adfToWiki(issue.description).trim() || null,
    [site.storyPointsField]: issue.storyPoints,
    timeoriginalestimate: issue.originalEstimateSeconds,
    timetracking: issue.originalEstimateSeconds === null ? {} : { originalEstimateSeconds: issue.originalEstimateSeconds },
  };
  for (const field of site.customFields) fields[field.id] = customValue(field, issue.custom?.[field.id] ?? [], site, { host, flavour, api });
  if (flavour === 'cloud') {
    fields[TEAM_FIELD] = issue.team;
    if (parent) fields['parent'] = { id: parent.id, key: parent.key, self: `${host}/rest/api/${api}/issue/${parent.id}`, fields: { summary: parent.summary } };
  } else if (site.epicLinkField) {
    // Data Center children name their epic by key in Epic Link; `parent` is only a sub-task's.
    fields[site.epicLinkField] = parent?.key ?? null;
  }
  return fields;
}

/**
 * The `fields` parameter: explicit names, `*all` / `*navigable`, and `-name` to
 * drop one. With none given, /search/jql returns the id only.
 */
export function selectFields(requested: readonly string[]): (name: string) => boolean {
  const wantsAll = requested.includes('*all') || requested.includes('*navigable');
  const excluded = new Set(requested.filter((f) => f.startsWith('-')).map((f) => f.slice(1)));
  const included = new Set(requested.filter((f) => !f.startsWith('-') && !f.startsWith('*')));
  return (name) => !excluded.has(name) && (wantsAll || included.has(name));
}

export function renderIssue(
  issue: JiraIssue,
  site: JiraSite,
  options: { host: string; flavour: 'cloud' | 'datacenter'; api: string; fields: readonly string[] },
): Issue {
  const base = { id: issue.id, key: issue.key, self: `${options.host}/rest/api/${options.api}/issue/${issue.id}` };
  const wanted = selectFields(options.fields);
  const fields = Object.fromEntries(Object.entries(allFields(issue, site, options.host, options.flavour, options.api)).filter(([name]) => wanted(name)));
  if (options.fields.length === 0 || (options.fields.length === 1 && options.fields[0] === 'id')) return { id: issue.id };
  return { expand: 'operations,editmeta,changelog,renderedFields', ...base, fields };
}
