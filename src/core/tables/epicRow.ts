import type { ClassifiedEpic } from '../classifiedEpic.ts';
import { classifiedBy, linkFacts } from '../linkFacts.ts';
import type { Row } from '../plan.ts';
import { statusCategoryName } from '../statusCategory.ts';

/** An epic as its row in the Notion Epics database, keyed by the immutable Jira id. */
export function epicRow({ epic, classification, links }: ClassifiedEpic): Row {
  const facts = linkFacts(links);
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
      'Classified By': classifiedBy(classification),
      Impact: facts.impactIds,
      Usage: facts.usageIds,
      'Linked By': facts.linkedBy,
      Orphan: facts.orphan,
      'Story Points': epic.storyPoints,
      Updated: epic.updated,
      Resolved: epic.resolved,
    },
  };
}
