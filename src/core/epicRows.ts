import { counts, type BalancePolicy } from './balancePolicy.ts';
import type { ClassifiedEpic } from './classifiedEpic.ts';
import { workTypeFix } from './lint.ts';
import { UNCLASSIFIED, type Mappings } from './mappings.ts';
import { mixMarkAfter, mixStateOf } from './mixHistory.ts';
import type { PortfolioEpic } from './portfolioEpic.ts';
import { statusCategoryFromName } from './statusCategory.ts';
import { epicRow, type EpicRow, type StoredEpicRow } from './tables/epicsTable.ts';
import type { EpicMixRow } from './whatMoved.ts';

export interface EpicRowContext {
  mappings: Mappings;
  policy: BalancePolicy;
  now: Date;
  /** The balance period this run writes. */
  period: string;
}

/**
 * A pulled epic's row: Jira's facts and its classification, plus what only the
 * engine can say: whether it counts towards the balance now (the one definition,
 * balancePolicy.ts), the fix `lint` gives for its work label, and its mix mark.
 */
export function pulledEpicRow(classified: ClassifiedEpic, stored: StoredEpicRow | undefined, context: EpicRowContext): EpicRow {
  const counted = counts(classified.epic, context.policy, context.now);
  const state = mixStateOf(classified.classification.workType.name, counted);
  return epicRow(classified, counted, workTypeFix(classified.classification, context.mappings), mixMarkAfter(stored?.values, state, context.period));
}

/**
 * An epic an incremental run did not pull has not changed in Jira, but whether
 * it counts can change with time alone (done work leaving the recent window).
 * Then its row gets the new Counts and mix mark, and nothing else; null when
 * nothing changed.
 */
export function recountedRow(row: StoredEpicRow, epic: PortfolioEpic, context: EpicRowContext): EpicRow | null {
  const counted = counts(epic, context.policy, context.now);
  if (row.values.counts === counted) return null;
  const state = mixStateOf(row.values.workType ?? UNCLASSIFIED.name, counted);
  const mark = mixMarkAfter(row.values, state, context.period);
  return { key: row.key, values: { counts: counted, mixBefore: mark.mixBefore, mixChangedIn: mark.mixChangedIn } };
}

/** An Epics row's values as "what moved" reads them. */
export function epicMixRowOf(key: string, v: Partial<StoredEpicRow['values']>): EpicMixRow {
  return {
    key: v.jiraKey || key,
    team: v.team || 'Unknown',
    workType: v.workType || UNCLASSIFIED.name,
    counts: v.counts === true,
    statusDone: statusCategoryFromName(v.statusCategory ?? null) === 'done',
    mixBefore: v.mixBefore ?? null,
    mixChangedIn: v.mixChangedIn ?? null,
  };
}

/**
 * The Epics rows as they will be once this run's writes land, as far as "what
 * moved" in `period` needs them: only rows whose mark names the period. Rows a
 * full run does not want are archived, so they are left out then.
 */
export function movedRowsAfterRun(desired: readonly EpicRow[], existing: readonly StoredEpicRow[], period: string, options: { full: boolean }): EpicMixRow[] {
  const wanted = new Map(desired.map((r) => [r.key, r.values]));
  const rows: EpicMixRow[] = [];
  const seen = new Set<string>();
  for (const row of existing) {
    if (seen.has(row.key)) continue;
    seen.add(row.key);
    const values = wanted.get(row.key);
    if ((!values && options.full) || (values?.mixChangedIn ?? row.values.mixChangedIn) !== period) continue;
    rows.push(epicMixRowOf(row.key, { ...row.values, ...values }));
  }
  for (const row of desired) if (!seen.has(row.key) && row.values.mixChangedIn === period) rows.push(epicMixRowOf(row.key, row.values));
  return rows;
}
