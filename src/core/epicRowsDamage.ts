import { UNCLASSIFIED, type WorkType } from './mappings.ts';
import { statusCategoryFromName } from './statusCategory.ts';
import type { StoredEpicRow } from './tables/epicsTable.ts';

/** What is wrong with a row the engine wrote, as a person would say it; null when the balance can read it. */
function unreadable(row: StoredEpicRow, workTypeNames: ReadonlySet<string>): string | null {
  const { workType, statusCategory, team } = row.values;
  if (!workType) return 'Work Type is empty';
  if (!workTypeNames.has(workType)) return `Work Type "${workType}" names no work type`;
  if (!statusCategoryFromName(statusCategory)) return statusCategory ? `Status Category "${statusCategory}" is not one Jira has` : 'Status Category is empty';
  if (!team) return 'Team is empty';
  return null;
}

/**
 * Why the Epics rows cannot stand in for Jira this run, or null. An incremental
 * run reads the epics it did not pull from their rows, so a person's edit that
 * emptied or renamed what the balance reads there (a property deleted, renamed
 * or added back empty; a select option deleted or renamed; a Jira ID cleared)
 * would be counted as Unclassified, or not at all. Then the run must be a full
 * one: every row rewritten from Jira, and the balance computed from Jira alone.
 */
export function epicRowsDamage(rows: readonly StoredEpicRow[], missingColumns: readonly string[], workTypes: readonly WorkType[]): string | null {
  if (missingColumns.length > 0) return `the Epics database lacked ${missingColumns.map((name) => `"${name}"`).join(', ')} (added back empty)`;
  const names = new Set([...workTypes.map((t) => t.name), UNCLASSIFIED.name]);
  let keyless = 0;
  let damaged = 0;
  let example: string | undefined;
  for (const row of rows) {
    if (!row.key) {
      keyless += 1;
      continue;
    }
    const problem = unreadable(row, names);
    if (problem) {
      damaged += 1;
      example ??= `${row.values.jiraKey ?? row.key}: ${problem}`;
    }
  }
  const reasons = [
    ...(keyless > 0 ? [`${keyless} Epics row(s) have no Jira ID`] : []),
    ...(damaged > 0 ? [`${damaged} Epics row(s) lost values the balance reads (e.g. ${example})`] : []),
  ];
  return reasons.length > 0 ? reasons.join('; ') : null;
}
