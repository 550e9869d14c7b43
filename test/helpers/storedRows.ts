import type { ExistingRow, Row } from '#core/plan.ts';
import { columnsOf, type CellValue, type RowValues, type TableSpec } from '#core/tables/table.ts';

/** Rows as they read back from Notion: every column present, an unset one empty (relations as no ids). */
export function storedRows<S extends TableSpec>(spec: S, rows: readonly Row[]): ExistingRow<RowValues<S>>[] {
  return rows.map((row, i) => {
    const values: Record<string, CellValue> = {};
    for (const [id, column] of columnsOf(spec)) values[id] = row.values[id] ?? (column.type === 'relation' ? [] : null);
    return { key: row.key, pageId: `p${i}`, values: values as RowValues<S> };
  });
}
