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
  /** People's values the kept row lacked, carried over from a duplicate being archived (see `planRows`). */
  carried?: Readonly<Record<string, CellValue>>;
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
  /** People's columns (a Work Type Override): when duplicates are repaired, the kept row gets the value if it has none. */
  carryOver?: readonly string[];
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

/** How many of the engine's values a row already holds: the row the engine wrote scores highest. */
function engineValuesHeld(row: ExistingRow, desired: Row): number {
  let held = 0;
  for (const id in desired.values) {
    const value = desired.values[id];
    if (value !== undefined && sameValue(value, row.values[id])) held += 1;
  }
  return held;
}

/** Without a desired row (an epic not pulled this run), how many values outside people's columns a row has filled. */
function valuesFilled(row: ExistingRow, peoples: readonly string[]): number {
  let filled = 0;
  for (const id in row.values) {
    const value = row.values[id];
    if (!peoples.includes(id) && !isEmpty(value) && !(Array.isArray(value) && value.length === 0)) filled += 1;
  }
  return filled;
}

/**
 * Of rows sharing a key, the one to keep: the one holding most of the engine's
 * values (a person's partial copy made in the same minute must not win over the
 * engine's row; Notion's created_time has minute precision), the oldest on a tie.
 */
function keeperOf(copies: readonly ExistingRow[], desired: Row | undefined, peoples: readonly string[]): ExistingRow {
  const score = (row: ExistingRow) => (desired ? engineValuesHeld(row, desired) : valuesFilled(row, peoples));
  let best = copies[0]!;
  let bestScore = score(best);
  for (const row of copies.slice(1)) {
    const rowScore = score(row);
    if (rowScore > bestScore) [best, bestScore] = [row, rowScore];
  }
  return best;
}

/** People's values the kept row lacks and an archived copy has (the oldest copy's first), so repairing loses no override. */
function carriedFrom(kept: ExistingRow, copies: readonly ExistingRow[], columns: readonly string[]): Record<string, CellValue> | null {
  let carried: Record<string, CellValue> | null = null;
  for (const id of columns) {
    if (!isEmpty(kept.values[id])) continue;
    const value = copies.find((row) => !isEmpty(row.values[id]))?.values[id];
    if (value !== undefined && value !== null) (carried ??= {})[id] = value;
  }
  return carried;
}

/**
 * Existing rows must be in creation order. When a key appears twice (a crashed
 * run, a person copying a row), the row holding the engine's values is kept
 * (the oldest on a tie), the rest are archived, and a person's value only a
 * copy had is written to the kept row. A row without a key is never kept:
 * after a complete read it is archived, otherwise left alone.
 */
export function planRows(desired: readonly Row[], existing: readonly ExistingRow[], options: PlanOptions): RowPlan {
  const kept = new Map<string, ExistingRow>();
  /** Every row of a key that has more than one, oldest first. */
  const copies = new Map<string, ExistingRow[]>();
  const archives: RowArchive[] = [];
  for (const row of existing) {
    if (!row.key) {
      if (options.archiveMissing) archives.push({ pageId: row.pageId, key: row.key, reason: 'gone' });
      continue;
    }
    const first = kept.get(row.key);
    const group = copies.get(row.key);
    if (!first) kept.set(row.key, row);
    else if (group) group.push(row);
    else copies.set(row.key, [first, row]);
  }
  const updates: RowUpdate[] = [];
  /** The row kept for a key, with duplicates archived and people's values carried over. */
  const keep = (key: string, row: Row | undefined): { current: ExistingRow | undefined; carried: Record<string, CellValue> | null } => {
    const group = copies.get(key);
    if (!group) return { current: kept.get(key), carried: null };
    const current = keeperOf(group, row, options.carryOver ?? []);
    const others = group.filter((r) => r !== current);
    for (const other of others) archives.push({ pageId: other.pageId, key, reason: 'duplicate' });
    kept.set(key, current);
    return { current, carried: carriedFrom(current, others, options.carryOver ?? []) };
  };
  const { archiveMissing } = options;
  const gone = (key: string) => archiveMissing === true || (archiveMissing !== false && !archiveMissing.except.has(key));
  const creates: Row[] = [];
  let unchanged = 0;
  const wanted = new Set<string>();
  for (const row of desired) {
    wanted.add(row.key);
    const { current, carried } = keep(row.key, row);
    if (!current) {
      creates.push(row);
      continue;
    }
    let changed: Record<string, CellValue> | null = null;
    for (const id in row.values) {
      const value = row.values[id];
      if (value !== undefined && !sameValue(value, current.values[id])) (changed ??= {})[id] = value;
    }
    if (changed === null && carried === null) unchanged += 1;
    else updates.push({ pageId: current.pageId, key: row.key, changed: changed ?? {}, ...(carried ? { carried } : {}) });
  }
  for (const key of copies.keys()) {
    if (wanted.has(key)) continue;
    const { current, carried } = keep(key, undefined);
    if (carried && current && !gone(key)) updates.push({ pageId: current.pageId, key, changed: {}, carried });
  }
  for (const [key, row] of kept) {
    if (!wanted.has(key) && gone(key)) archives.push({ pageId: row.pageId, key, reason: 'gone' });
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
