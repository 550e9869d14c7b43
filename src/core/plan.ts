/**
 * Plan, then apply: the desired rows are diffed against what Notion holds, and
 * only the differences become writes. Rows carry plain values; the Notion
 * connector turns them into property payloads and back.
 */
import type { CellValue } from './tables/table.ts';

export type { CellValue };

/** A row's values by column id (see tables/table.ts); a column left out is not written. */
export type RowValuesById = Readonly<Record<string, CellValue | undefined>>;

export interface Row<V extends RowValuesById = RowValuesById> {
  /** The row's identity: the Jira issue id for epics, scope|type|period for balance rows. */
  key: string;
  /** Only columns the engine owns: anything else on the page is left alone. */
  values: Readonly<V>;
}

export interface ExistingRow<V extends RowValuesById = RowValuesById> extends Row<V> {
  pageId: string;
}

export interface RowUpdate {
  pageId: string;
  key: string;
  /** Just the columns whose value changed, by column id. */
  changed: Readonly<Record<string, CellValue>>;
}

export interface RowArchive {
  pageId: string;
  key: string;
  reason: 'duplicate' | 'gone';
}

export interface RowPlan {
  creates: Row[];
  updates: RowUpdate[];
  archives: RowArchive[];
  unchanged: number;
}

export interface PlanOptions {
  /**
   * Which existing rows whose key is not desired are archived as gone: none;
   * all of them (`true`, only after a complete read); or all but the keys
   * known to be still there (`except`: on an incremental run, the epics still
   * in scope, which were not pulled because they did not change).
   */
  archiveMissing: boolean | { except: ReadonlySet<string> };
}

const isEmpty = (value: CellValue | undefined) => value === undefined || value === null || value === '';

/** Equal as Notion stores them: empty text is no value, and relation or option lists are sets. */
export function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (a === b || (isEmpty(a) && isEmpty(b))) return true;
  if (!Array.isArray(a) || !Array.isArray(b)) return false;
  if (a.length !== b.length) return false;
  if (a.every((v, i) => v === b[i])) return true;
  const sortedB = [...b].sort();
  return [...a].sort().every((v, i) => v === sortedB[i]);
}

/**
 * Existing rows must be in creation order: when a key appears twice (a crashed
 * run, a human copy), the oldest row is kept and the rest are archived.
 */
export function planRows(desired: readonly Row[], existing: readonly ExistingRow[], options: PlanOptions): RowPlan {
  const kept = new Map<string, ExistingRow>();
  const archives: RowArchive[] = [];
  for (const row of existing) {
    if (kept.has(row.key)) archives.push({ pageId: row.pageId, key: row.key, reason: 'duplicate' });
    else kept.set(row.key, row);
  }
  const creates: Row[] = [];
  const updates: RowUpdate[] = [];
  let unchanged = 0;
  const wanted = new Set<string>();
  for (const row of desired) {
    wanted.add(row.key);
    const current = kept.get(row.key);
    if (!current) {
      creates.push(row);
      continue;
    }
    let changed: Record<string, CellValue> | null = null;
    for (const id in row.values) {
      const value = row.values[id];
      if (value !== undefined && !sameValue(value, current.values[id])) (changed ??= {})[id] = value;
    }
    if (changed === null) unchanged += 1;
    else updates.push({ pageId: current.pageId, key: row.key, changed });
  }
  const { archiveMissing } = options;
  if (archiveMissing) {
    for (const [key, row] of kept) {
      if (!wanted.has(key) && (archiveMissing === true || !archiveMissing.except.has(key))) archives.push({ pageId: row.pageId, key, reason: 'gone' });
    }
  }
  return { creates, updates, archives, unchanged };
}

/**
 * Splits a plan into parts to apply one after the other, creates and updates
 * in order of `timeOf` (a row's Jira update time) and in windows of `windowMs`,
 * archives last. Rows within a window may be written concurrently; a later
 * window starts only when the earlier one is done. So a run killed at any point
 * has written nothing more than one window newer than what it had not written:
 * a cursor derived from the newest written row, moved back by an overlap of at
 * least one window, still reaches every unwritten change.
 */
export function inTimeOrder(plan: RowPlan, timeOf: (key: string) => number, windowMs: number): RowPlan[] {
  const writes = [
    ...plan.creates.map((create) => ({ t: timeOf(create.key), create })),
    ...plan.updates.map((update) => ({ t: timeOf(update.key), update })),
  ].sort((a, b) => a.t - b.t);
  const parts: RowPlan[] = [];
  let windowEnd = -Infinity;
  for (const write of writes) {
    if (parts.length === 0 || write.t >= windowEnd) {
      parts.push({ creates: [], updates: [], archives: [], unchanged: 0 });
      windowEnd = write.t + Math.max(1, windowMs);
    }
    const current = parts.at(-1)!;
    if ('create' in write) current.creates.push(write.create);
    else current.updates.push(write.update);
  }
  if (plan.archives.length > 0 || parts.length === 0) parts.push({ creates: [], updates: [], archives: plan.archives, unchanged: 0 });
  parts[0]!.unchanged = plan.unchanged;
  return parts;
}
