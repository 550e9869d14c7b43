import type { ClassifiedEpic } from '../classifiedEpic.ts';
import type { Row } from '../plan.ts';
import { statusCategoryName } from '../statusCategory.ts';

/** An epic as its row in the Notion Epics database, keyed by the immutable Jira id. */
export function epicRow({ epic, classification, links }: ClassifiedEpic): Row {
  return {
    key: epic.id,
    values: {
      Name: epic.summary,
      'Jira ID': epic.id,
      'Jira Key': epic.key,
      'Jira URL': epic.url,
      Team: epic.team,
      Status: epic.status,
      'Status Category': statusCategoryName(epic.statusCategory),
      'Work Type': classification.workType.name,
      'Classified By': `${classification.source}: ${classification.reason}`,
      Impact: links.impact.map((p) => p.id),
      Usage: links.usage.map((p) => p.id),
      'Linked By': [...links.reasons, ...links.unknownLabels.map((l) => `label ${l} names no strategy page`)].join('; '),
      Orphan: links.impact.length === 0 || links.usage.length === 0,
      'Story Points': epic.storyPoints,
      Updated: epic.updated,
      Resolved: epic.resolved,
    },
  };
}
