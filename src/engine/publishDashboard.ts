import type { Balance } from '#core/balance.ts';
import { counts, type BalancePolicy } from '#core/balancePolicy.ts';
import { dashboardDoc, type DocBlock } from '#core/dashboardDoc.ts';
import type { PortfolioEpic } from '#core/portfolioEpic.ts';
import type { StrategyPage } from '#core/strategy.ts';
import { strategyWithoutWork } from '#core/strategyCoverage.ts';
import { mixCellOfRow, type StoredBalanceRow } from '#core/tables/balanceTable.ts';
import { epicMoves, whatMoved, type EpicMixRow, type MixCell } from '#core/whatMoved.ts';
import type { Logger } from '#log/createLogger.ts';
import type { Dashboard } from './ports.ts';

export interface DashboardInputs {
  balance: Balance;
  period: string;
  strategy: readonly StrategyPage[];
  policy: BalancePolicy;
  now: Date;
  portfolio: readonly PortfolioEpic[];
  /** The previous period's balance rows, as the last run of that period left them; null when there is none. */
  previous: { period: string; rows: readonly StoredBalanceRow[] } | null;
  /** The Epics rows, once this run's writes land, whose mix mark names this period. */
  movedRows: readonly EpicMixRow[];
}

/** The dashboard section's blocks. */
export type DashboardDoc = readonly DocBlock[];

/**
 * The dashboard from what the run computed: strategy without work among counted epics, and what moved since the
 * previous period. Made before the writes, so the epics it reads are not held while rows are written.
 */
export function dashboardDocOf(inputs: DashboardInputs): DashboardDoc {
  const { balance, period, policy, previous } = inputs;
  const current: MixCell[] = balance.cells.map((c) => ({ scopeKind: c.scope.kind, scopeName: c.scope.name, workType: c.workType.name, epics: c.epics, points: c.points }));
  const moved = previous
    ? whatMoved(
        {
          previousPeriod: previous.period,
          period,
          previous: previous.rows.map(mixCellOfRow).filter((c): c is MixCell => c !== null),
          current,
          moves: epicMoves(inputs.movedRows, period),
        },
        policy,
      )
    : null;
  const gaps = strategyWithoutWork(
    inputs.portfolio.filter((e) => counts(e, policy, inputs.now)),
    inputs.strategy,
  );
  return dashboardDoc({ balance, period, strategy: inputs.strategy, policy, gaps, moved });
}

export async function publishDashboard(
  dashboard: Dashboard | undefined,
  doc: DashboardDoc,
  options: { dryRun: boolean; logger: Logger },
): Promise<'written' | 'unchanged' | 'not configured' | 'dry run'> {
  if (!dashboard) return 'not configured';
  if (options.dryRun) return 'dry run';
  const { written } = await dashboard.publish(doc);
  options.logger.info({ written }, written ? 'dashboard section updated' : 'dashboard section unchanged');
  return written ? 'written' : 'unchanged';
}
