import type { Epic } from '#core/epic.ts';
import type { EpicHistory } from '#core/history/fieldChange.ts';
import { pastBalances, type PastBalanceInput } from '#core/history/pastBalance.ts';
import { restatements } from '#core/history/restatement.ts';
import { parseSpans } from '#core/history/spanText.ts';
import { inProgressSpans, type TimeSpan } from '#core/history/timeSpans.ts';
import type { PeriodKind } from '#core/period.ts';
import { closedPeriodsBefore, type PeriodSpan } from '#core/periodSpan.ts';
import { balanceRows, periodMarkerKey, type BalanceRow, type StoredBalanceRow } from '#core/tables/balanceTable.ts';
import type { StoredEpicRow } from '#core/tables/epicsTable.ts';
import type { Logger } from '#log/createLogger.ts';
import type { HistorySource } from './ports.ts';

/** What a run does about periods that have ended. */
export interface HistoryOptions {
  /** How many closed periods back a period without rows is rebuilt from the changelog (0: none). */
  backfillPeriods: number;
  /** Rewrite those closed periods from the changelog even though they have rows (`sync --restate`). */
  restate: boolean;
}

/**
 * The closed periods this run writes. A period that has been reported (its
 * portfolio "All work" row exists) is frozen: only a restatement rewrites it.
 * So rows from a run during the period stay as they were reported, whatever
 * the rules or labels say later, and a trend never shifts silently.
 */
export function closedPeriodsToWrite(stored: readonly StoredBalanceRow[], now: Date, kind: PeriodKind, options: HistoryOptions | undefined): PeriodSpan[] {
  if (!options || options.backfillPeriods <= 0) return [];
  const window = closedPeriodsBefore(now, kind, options.backfillPeriods);
  if (options.restate) return window;
  const keys = new Set(stored.map((r) => r.key));
  return window.filter((span) => !keys.has(periodMarkerKey(span.label)));
}

/** An epic's row was written from a changelog that is still current: its spans are there, it has not changed in Jira since, and they agree with its status. */
function spansStillCurrent(epic: Epic, row: StoredEpicRow | undefined): TimeSpan[] | undefined {
  const spans = row ? parseSpans(row.values.inProgress) : undefined;
  if (!spans || !row?.values.updated) return undefined;
  const unchanged = Math.floor(Date.parse(epic.updated) / 60_000) * 60_000 <= Date.parse(row.values.updated);
  const open = spans.at(-1)?.end === null;
  return unchanged && open === (epic.statusCategory === 'indeterminate') ? spans : undefined;
}

/**
 * The pulled epics with the spans they spent in progress. The changelog is
 * read only for epics whose row cannot tell (new, changed in Jira since the
 * row was written, or written before history was read), or for every epic
 * when closed periods are rebuilt; the rest keep the spans their row holds.
 */
export async function withInProgressSpans(
  source: HistorySource | undefined,
  epics: readonly Epic[],
  rows: ReadonlyMap<string, StoredEpicRow>,
  { everyEpic }: { everyEpic: boolean },
): Promise<{ epics: Epic[]; histories: Map<string, EpicHistory> }> {
  if (!source) return { epics: [...epics], histories: new Map() };
  const kept = new Map(everyEpic ? [] : epics.flatMap((e) => {
    const spans = spansStillCurrent(e, rows.get(e.id));
    return spans ? [[e.id, spans] as const] : [];
  }));
  const histories = await source.histories(epics.filter((e) => !kept.has(e.id)).map((e) => e.id));
  return {
    epics: epics.map((e) => ({ ...e, inProgress: kept.get(e.id) ?? inProgressSpans(e, histories.get(e.id) ?? []) })),
    histories,
  };
}

/** The rows of the closed periods being written: each period's balance rebuilt from the changelog. */
export function closedPeriodRows(periods: readonly PeriodSpan[], input: PastBalanceInput): BalanceRow[] {
  const balances = pastBalances(periods, input);
  return periods.flatMap((span, i) => balanceRows(balances[i]!, span.label, 'reconstructed'));
}

/** Rows are written in order of this, so each rebuilt period's marker row lands after the rest of that period. */
export function markersLast(periods: readonly PeriodSpan[]): (key: string) => number {
  const markers = new Set(periods.map((p) => periodMarkerKey(p.label)));
  return (key) => (markers.has(key) ? Number.MAX_SAFE_INTEGER : 0);
}

/** Says which closed periods a run rebuilds, and, for a restatement, what changed in each. */
export function logClosedPeriods(logger: Logger, periods: readonly PeriodSpan[], options: { restate: boolean; stored: readonly StoredBalanceRow[]; rows: readonly BalanceRow[] }): void {
  if (periods.length === 0) return;
  const range = { periods: periods.length, from: periods[0]!.label, to: periods.at(-1)!.label };
  if (!options.restate) {
    logger.info(range, `rebuilding ${periods.length} closed period(s) without rows from Jira's changelog, classified with today's rules`);
    return;
  }
  const labels = new Set(periods.map((p) => p.label));
  const changes = restatements(options.stored.filter((r) => labels.has(r.values.period ?? '')), options.rows);
  if (changes.length === 0) logger.info(range, 'restated: every closed period is as it was reported');
  for (const change of changes) logger.info(change, `restated ${change.period}: ${change.changed} row(s) changed, ${change.added} added, ${change.removed} removed${change.shifts.length ? `; ${change.shifts.join(', ')}` : ''}`);
}
