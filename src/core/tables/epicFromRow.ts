import { UNCLASSIFIED, type WorkType } from '../mappings.ts';
import type { CellValue, ExistingRow } from '../plan.ts';
import type { PortfolioEpic } from '../portfolioEpic.ts';
import { statusCategoryFromName } from '../statusCategory.ts';

const text = (v: CellValue | undefined): string | null => (typeof v === 'string' && v ? v : null);
const ids = (v: CellValue | undefined): string[] => (Array.isArray(v) ? [...v] : []);

/**
 * An epic's facts read back from its Notion row, for epics an incremental run
 * did not pull. A row whose work type no longer exists counts as Unclassified
 * (the next full run reclassifies it).
 */
export function epicFromRow(row: ExistingRow, workTypes: readonly WorkType[]): PortfolioEpic {
  const v = row.values;
  const workTypeName = text(v['Work Type']);
  const workType = workTypes.find((t) => t.name === workTypeName) ?? UNCLASSIFIED;
  return {
    id: row.key,
    key: text(v['Jira Key']) ?? row.key,
    summary: text(v['Name']) ?? '',
    team: text(v['Team']) ?? 'Unknown',
    statusCategory: statusCategoryFromName(text(v['Status Category'])) ?? 'new',
    resolved: text(v['Resolved']),
    storyPoints: typeof v['Story Points'] === 'number' ? v['Story Points'] : null,
    workTypeId: workType.id,
    impactIds: ids(v['Impact']),
    usageIds: ids(v['Usage']),
  };
}
