import type { ExistingRow, Row } from './plan.ts';
import type { TableSpec } from './tables/table.ts';

const identity = (values: ExistingRow['values'], columns: readonly string[]): string | null => {
  const parts = columns.map((id) => values[id]);
  return parts.every((v) => typeof v === 'string' && v !== '') ? JSON.stringify(parts) : null;
};

/** Whether a row without its key still carries what identifies it (the engine wrote it), so it can be recovered. */
export function isRecoverable(spec: TableSpec, values: ExistingRow['values']): boolean {
  return spec.recoverKeyBy.some((columns) => identity(values, columns) !== null);
}

/**
 * Rows whose key is empty (a person deleted the key property, which the engine
 * adds back empty, or cleared a cell) are given back the key of the candidate
 * row they match by the table's `recoverKeyBy` columns (an epic's Jira Key,
 * else its Jira URL), so the planner updates them, key included, instead of
 * creating a second row. A value shared by two candidates identifies neither.
 * Rows that match nothing keep an empty key and are returned as `unmatched`.
 */
export function recoverKeys<R extends ExistingRow>(spec: TableSpec, rows: readonly R[], candidates: readonly Row[]): { rows: R[]; unmatched: R[] } {
  if (rows.every((row) => row.key)) return { rows: [...rows], unmatched: [] };
  const indexes = spec.recoverKeyBy.map((columns) => {
    const index = new Map<string, string | null>();
    for (const candidate of candidates) {
      const id = identity(candidate.values, columns);
      if (id !== null) index.set(id, index.has(id) && index.get(id) !== candidate.key ? null : candidate.key);
    }
    return { columns, index };
  });
  const unmatched: R[] = [];
  const recovered = rows.map((row) => {
    if (row.key) return row;
    for (const { columns, index } of indexes) {
      const id = identity(row.values, columns);
      const key = id === null ? undefined : index.get(id);
      if (key) return { ...row, key };
    }
    unmatched.push(row);
    return row;
  });
  return { rows: recovered, unmatched };
}
