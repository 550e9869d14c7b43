import type { Epic } from '#core/epic.ts';
import { BackboneError } from '#core/errors.ts';
import { recoverKeys } from '#core/recoverKeys.ts';
import { EPICS_TABLE, type StoredEpicRow } from '#core/tables/epicsTable.ts';

const SHOWN = 5;
const some = (items: readonly string[]) => `${items.slice(0, SHOWN).join(', ')}${items.length > SHOWN ? ` and ${items.length - SHOWN} more` : ''}`;

/**
 * The Epics rows, each under its epic's Jira ID. Rows that lost it (a person
 * deleted the Jira ID property, which the engine adds back empty, or cleared a
 * cell) are matched to the pulled epics by Jira Key, else Jira URL, and get the
 * ID written back by an update: never a second row. Such rows force a full run
 * (see epicRowsDamage), so every epic is here to match against.
 *
 * A row that still matches nothing may be the row of an epic whose key changed
 * (moved to another project); creating rows for epics that have none could then
 * duplicate it and strand its override, so the run stops before any write and
 * says how to repair. When every epic has its row, such rows are of epics gone
 * from Jira, and the full run archives them like any other.
 */
export function identifyEpicRows(rows: readonly StoredEpicRow[], epics: readonly Epic[], missingColumns: readonly string[]): StoredEpicRow[] {
  const { jiraId, jiraKey, jiraUrl } = EPICS_TABLE.columns;
  const identities = [jiraId.name, jiraKey.name, jiraUrl.name];
  if (identities.every((name) => missingColumns.includes(name))) {
    throw new BackboneError(
      'data',
      'notion-rows-unidentifiable',
      `The Epics database lost ${identities.map((n) => `"${n}"`).join(', ')}: its rows can no longer be told apart, and syncing would add a second row for every epic. Restore one of them in Notion (the database's ••• → Properties → Deleted properties, or the page history), or move the database to the trash to have it rebuilt (its Work Type Overrides go with it). Nothing was written.`,
    );
  }
  const { rows: identified, unmatched } = recoverKeys(
    EPICS_TABLE,
    rows,
    epics.map((epic) => ({ key: epic.id, values: { jiraKey: epic.key, jiraUrl: epic.url } })),
  );
  if (unmatched.length === 0) return identified;
  const rowed = new Set(identified.map((row) => row.key));
  const rowless = epics.filter((epic) => !rowed.has(epic.id)).map((epic) => epic.key);
  if (rowless.length === 0) return identified;
  const named = unmatched.map((row) => `"${row.values.name ?? ''}" (${jiraKey.name} ${row.values.jiraKey ?? '(empty)'}, page ${row.pageId})`);
  throw new BackboneError(
    'data',
    'notion-rows-without-key',
    `${unmatched.length} Epics row(s) have no ${jiraId.name} and match no epic by ${jiraKey.name} or ${jiraUrl.name}: ${some(named)}; and ${rowless.length} epic(s) have no row: ${some(rowless)}. A row of an epic whose key changed (moved to another project) would be duplicated, so nothing was written. Type each row's current key into its ${jiraKey.name} (or its ${jiraId.name} back), or move the rows of epics that are gone to the trash; then run again.`,
  );
}
