import { balanceTally, type Balance, type BalanceInput } from '../balance.ts';
import type { ClassifiedEpic } from '../classifiedEpic.ts';
import { epicClassifier, type ClassificationContext } from '../classifyEpics.ts';
import type { Epic } from '../epic.ts';
import type { PeriodSpan } from '../periodSpan.ts';
import { portfolioEpicOf } from '../portfolioEpic.ts';
import { epicAt } from './epicAt.ts';
import type { EpicHistory } from './fieldChange.ts';

export interface PastBalanceInput {
  /** Today's epics, each with its in-progress spans over its whole life. */
  epics: readonly Epic[];
  histories: ReadonlyMap<string, EpicHistory>;
  /** Today's rules, strategy pages and overrides: a past period is classified as it would be today. */
  classification: ClassificationContext;
  balance: Omit<BalanceInput, 'epics' | 'now' | 'window'>;
}

/**
 * The balances of periods that have ended, rebuilt from the changelog, one per
 * span: every epic that existed at the period's last moment, with the status,
 * labels, resolution and story points it had then, classified by today's
 * rules; done work counts as it did at the period's end, and the time weight is
 * the days each spent in progress within the period.
 *
 * One pass over the epics feeds every period's running totals, so no rebuilt
 * epic outlives its turn: a large portfolio's past is never held in memory.
 */
export function pastBalances(spans: readonly PeriodSpan[], input: PastBalanceInput): Balance[] {
  const classify = epicClassifier(input.classification);
  const periods = spans.map((span) => ({
    lastMoment: span.end - 1,
    tally: balanceTally({ ...input.balance, now: new Date(span.end), window: span }),
  }));
  for (const epic of input.epics) {
    const history = input.histories.get(epic.id) ?? [];
    // Of what the changelog rebuilds, only the labels decide the work type and strategy links (epicAt
    // hands back the same list while they did not change), so an epic is classified once per label set.
    let known = null as ClassifiedEpic | null;
    for (const { lastMoment, tally } of periods) {
      const then = epicAt(epic, history, lastMoment);
      if (!then) continue;
      known = known?.epic.labels === then.labels ? { ...known, epic: then } : classify(then);
      tally.add(portfolioEpicOf(known));
    }
  }
  return periods.map(({ tally }) => tally.balance());
}
