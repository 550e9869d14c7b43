import type { ClassifiedEpic } from '../classifiedEpic.ts';
import { classifiedBy, linkFacts } from '../linkFacts.ts';
import { UNCLASSIFIED, type WorkType } from '../mappings.ts';
import type { MixMark } from '../mixHistory.ts';
import type { ExistingRow, Row } from '../plan.ts';
import type { PortfolioEpic } from '../portfolioEpic.ts';
import { statusCategoryFromName, statusCategoryName } from '../statusCategory.ts';
import { formatSpans, parseSpans } from '../history/spanText.ts';
import { defineTable, type RowValues, type WrittenValues } from './table.ts';

/** One row per epic, keyed by Jira's immutable issue id, so an epic that moves project keeps its row. */
export const EPICS_TABLE = defineTable({
  title: 'Epics',
  key: 'jiraId',
  recoverKeyBy: [['jiraKey'], ['jiraUrl']],
  columns: {
    name: { name: 'Name', type: 'title' },
    jiraId: { name: 'Jira ID', type: 'rich_text' },
    jiraKey: { name: 'Jira Key', type: 'rich_text' },
    jiraUrl: { name: 'Jira URL', type: 'url' },
    team: { name: 'Team', type: 'select' },
    status: { name: 'Status', type: 'select' },
    statusCategory: { name: 'Status Category', type: 'select' },
    workType: { name: 'Work Type', type: 'select' },
    classifiedBy: { name: 'Classified By', type: 'rich_text' },
    workTypeOverride: { name: 'Work Type Override', type: 'select', humanOwned: true },
    impact: { name: 'Impact', type: 'relation', relation: 'strategy' },
    usage: { name: 'Usage', type: 'relation', relation: 'strategy' },
    linkedBy: { name: 'Linked By', type: 'rich_text' },
    orphan: { name: 'Orphan', type: 'checkbox' },
    storyPoints: { name: 'Story Points', type: 'number', format: 'number' },
    updated: { name: 'Updated', type: 'date' },
    resolved: { name: 'Resolved', type: 'date' },
    counts: { name: 'Counts', type: 'checkbox' },
    fix: { name: 'Fix', type: 'rich_text' },
    mixBefore: { name: 'Mix Before', type: 'select' },
    mixChangedIn: { name: 'Mix Changed In', type: 'rich_text' },
    inProgress: { name: 'In Progress', type: 'rich_text' },
  },
});

export type EpicsTable = typeof EPICS_TABLE;
export type EpicRow = Row<WrittenValues<EpicsTable>>;
export type StoredEpicRow = ExistingRow<RowValues<EpicsTable>>;

/**
 * An epic as its row, with what the engine derives beside Jira's facts:
 * whether it counts now (balancePolicy.ts), lint's fix for its work label, and
 * its mix mark (mixHistory.ts).
 */
export function epicRow({ epic, classification, links }: ClassifiedEpic, counts: boolean, fix: string, mark: MixMark): EpicRow {
  const facts = linkFacts(links);
  return {
    key: epic.id,
    values: {
      name: epic.summary,
      jiraId: epic.id,
      jiraKey: epic.key,
      jiraUrl: epic.url,
      team: epic.team,
      status: epic.status,
      statusCategory: statusCategoryName(epic.statusCategory),
      workType: classification.workType.name,
      classifiedBy: classifiedBy(classification),
      impact: facts.impactIds,
      usage: facts.usageIds,
      linkedBy: facts.linkedBy,
      orphan: facts.orphan,
      storyPoints: epic.storyPoints,
      updated: epic.updated,
      resolved: epic.resolved,
      counts,
      fix,
      mixBefore: mark.mixBefore,
      mixChangedIn: mark.mixChangedIn,
      // Left out, so left alone, when this run did not read the epic's changelog.
      inProgress: epic.inProgress && formatSpans(epic.inProgress),
    },
  };
}

/** The Work Type Override a person set on the row, if any. */
function overrideOf(row: StoredEpicRow | undefined): string | null {
  return row?.values.workTypeOverride || null;
}

/** Each epic's override; of duplicate rows, the oldest that has one (the planner carries it to the row it keeps). */
export function overridesByEpic(rows: readonly StoredEpicRow[]): Map<string, string> {
  const overrides = new Map<string, string>();
  for (const row of rows) {
    const override = overrideOf(row);
    if (override && row.key && !overrides.has(row.key)) overrides.set(row.key, override);
  }
  return overrides;
}

/**
 * An epic's facts read back from its row, for epics an incremental run did not
 * pull. A row whose work type no longer exists counts as Unclassified (the next
 * full run reclassifies it).
 */
export function epicFromRow(row: StoredEpicRow, workTypes: readonly WorkType[]): PortfolioEpic {
  const v = row.values;
  const workType = workTypes.find((t) => t.name === v.workType) ?? UNCLASSIFIED;
  return {
    id: row.key,
    key: v.jiraKey || row.key,
    summary: v.name ?? '',
    team: v.team || 'Unknown',
    statusCategory: statusCategoryFromName(v.statusCategory) ?? 'new',
    resolved: v.resolved || null,
    storyPoints: v.storyPoints,
    workTypeId: workType.id,
    impactIds: v.impact,
    usageIds: v.usage,
    inProgress: parseSpans(v.inProgress),
  };
}
