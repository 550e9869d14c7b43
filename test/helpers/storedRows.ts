import type { ExistingRow, Row } from '#core/plan.ts';
import { asReadBack, type RowValues, type TableSpec } from '#core/tables/table.ts';

/** Rows as they read back from Notion: every column present, an unset one empty (relations as no ids). */
export function storedRows<S extends TableSpec>(spec: S, rows: readonly Row[]): ExistingRow<RowValues<S>>[] {
  return rows.map((row, i) => ({ ...asReadBack(spec, row), pageId: `p${i}` }));
}
