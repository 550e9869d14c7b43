/**
 * Plan, then apply: the desired rows are diffed against what Notion holds, and
 * only the differences become writes. Rows carry plain values; the Notion
 * connector turns them into property payloads and back.
 */
export type CellValue = string | number | boolean | null | readonly string[];

export interface Row {
  /** The row's identity: the Jira issue id for epics, scope|type|period for balance rows. */
  key: string;
  /** Only properties the engine owns: anything else on the page is left alone. */
  values: Readonly<Record<string, CellValue>>;
}

export interface ExistingRow extends Row {
  pageId: string;
}

export interface RowUpdate {
  pageId: string;
  key: string;
  /** Just the properties whose value changed. */
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
  /** Archive existing rows whose key is no longer desired (only after a complete read). */
  archiveMissing: boolean;
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
    for (const name in row.values) {
      const value = row.values[name]!;
      if (!sameValue(value, current.values[name])) (changed ??= {})[name] = value;
    }
    if (changed === null) unchanged += 1;
    else updates.push({ pageId: current.pageId, key: row.key, changed });
  }
  if (options.archiveMissing) {
    for (const [key, row] of kept) {
      if (!wanted.has(key)) archives.push({ pageId: row.pageId, key, reason: 'gone' });
    }
  }
  return { creates, updates, archives, unchanged };
}
