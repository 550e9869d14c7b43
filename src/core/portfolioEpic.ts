import type { ClassifiedEpic } from './classifiedEpic.ts';
import type { StatusCategory } from './epic.ts';
import type { TimeSpan } from './history/timeSpans.ts';
import { linkFacts } from './linkFacts.ts';

/**
 * The facts about an epic that the balance needs, and no more. A sync that
 * pulled only the epics changed since the last run gets these facts for the
 * rest from their Notion rows, so both sources meet in this one shape.
 */
export interface PortfolioEpic {
  id: string;
  key: string;
  summary: string;
  team: string;
  statusCategory: StatusCategory;
  /** ISO timestamp, or null while the epic is open. */
  resolved: string | null;
  storyPoints: number | null;
  workTypeId: string;
  impactIds: readonly string[];
  usageIds: readonly string[];
  /** When it was in progress (the time weight); absent when unknown. */
  inProgress?: readonly TimeSpan[] | undefined;
}

export function portfolioEpicOf({ epic, classification, links }: ClassifiedEpic): PortfolioEpic {
  const { impactIds, usageIds } = linkFacts(links);
  return {
    id: epic.id,
    key: epic.key,
    summary: epic.summary,
    team: epic.team,
    statusCategory: epic.statusCategory,
    resolved: epic.resolved,
    storyPoints: epic.storyPoints,
    workTypeId: classification.workType.id,
    impactIds,
    usageIds,
    inProgress: epic.inProgress,
  };
}
