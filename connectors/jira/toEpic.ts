import type { Epic, StatusCategory } from '#core/epic.ts';
import { BackboneError } from '#core/errors.ts';
import type { Interner } from '#core/interner.ts';
import type { RejectedEstimate } from '#core/storyPoints.ts';
import type { RawHistory } from './jiraApi.ts';
import { effortOf, NO_EFFORT } from './effort.ts';
import { fieldTexts } from './fieldTexts.ts';
import { jiraTimeMs } from './jiraTime.ts';
import { epicFieldsSchema } from './issueFields.ts';
import { notionLinksIn } from './notionLinks.ts';
import { teamOf, type TeamRule } from './teamOf.ts';

export interface RawIssue {
  id: string;
  key: string;
  fields?: Record<string, unknown>;
  /** Data Center, with `expand=changelog`: every history of the issue. */
  changelog?: { histories?: RawHistory[] };
}

/** Jira's category keys, each to the core's own constant (not the string parsed from every issue's JSON). */
const CATEGORIES = new Map<string, StatusCategory>([
  ['new', 'new'],
  ['indeterminate', 'indeterminate'],
  ['done', 'done'],
]);

/** Jira timestamps ("2026-11-20T10:15:30.123+0100") as ISO-8601 UTC. */
function isoTimestamp(value: string | null | undefined): string | null {
  const ms = jiraTimeMs(value);
  return ms === null ? null : new Date(ms).toISOString();
}

/** A Jira issue, as returned by the epic search, in the shape the domain core reads. */
export interface EpicReading {
  storyPointsField: string | null;
  team: TeamRule;
  /** Fields the classification rules read. */
  ruleFields: readonly string[];
  /**
   * One copy of the values that repeat from epic to epic (a status, a team, a
   * label set): each page of JSON parses into new strings, and a first sync
   * holds every epic until its rows are decided.
   */
  shared: Interner;
}

/** The epic, and its story points if they were rejected as implausible (the epic then has none). */
export interface ReadEpic {
  epic: Epic;
  rejected: RejectedEstimate | null;
}

export function toEpic(issue: RawIssue, host: string, reading: EpicReading): ReadEpic {
  const { storyPointsField, team } = reading;
  const parsed = epicFieldsSchema.safeParse(issue.fields ?? {});
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.') || '(fields)').join(', ');
    throw new BackboneError('data', 'jira-issue-shape', `Jira issue ${issue.key} has unexpected fields (${where}); is the site a Jira Software site?`);
  }
  const f = parsed.data;
  // Missing, null or non-numeric is "no estimate"; a number out of bounds is rejected.
  const effort = storyPointsField ? effortOf(issue.key, 'storyPoints', issue.fields?.[storyPointsField]) : NO_EFFORT;
  const { shared } = reading;
  const epic: Epic = {
    id: issue.id,
    key: issue.key,
    summary: f.summary ?? '',
    url: `${host.replace(/\/$/, '')}/browse/${issue.key}`,
    projectKey: shared.string(f.project.key),
    team: shared.string(teamOf(team, f, issue.fields ?? {})),
    status: shared.string(f.status?.name ?? 'Unknown'),
    statusCategory: CATEGORIES.get(f.status?.statusCategory?.key ?? '') ?? 'new',
    issueType: shared.string(f.issuetype?.name ?? 'Epic'),
    labels: shared.list(f.labels ?? []),
    components: shared.list((f.components ?? []).map((c) => c.name)),
    fields: Object.fromEntries(reading.ruleFields.map((id) => [id, fieldTexts(issue.fields?.[id])])),
    storyPoints: effort.points,
    notionLinks: notionLinksIn(f.description),
    created: isoTimestamp(f.created) ?? new Date(0).toISOString(),
    updated: isoTimestamp(f.updated) ?? new Date(0).toISOString(),
    resolved: isoTimestamp(f.resolutiondate),
  };
  return { epic, rejected: effort.rejected };
}
