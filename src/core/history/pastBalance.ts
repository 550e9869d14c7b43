import { computeBalance, type Balance, type BalanceInput } from '../balance.ts';
import { epicClassifier, type ClassificationContext } from '../classifyEpics.ts';
import type { Epic } from '../epic.ts';
import type { PeriodSpan } from '../periodSpan.ts';
import { portfolioEpicOf, type PortfolioEpic } from '../portfolioEpic.ts';
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
 * The balance of a period that has ended, rebuilt from the changelog: every
 * epic that existed at the period's last moment, with the status, labels,
 * resolution and story points it had then, classified by today's rules; done
 * work counts as it did at the period's end, and the time weight is the days
 * each spent in progress within the period.
 */
export function pastBalance(span: PeriodSpan, input: PastBalanceInput): Balance {
  const lastMoment = span.end - 1;
  const classify = epicClassifier(input.classification);
  // One epic at a time, keeping only the balance's facts: the rebuilt epics of a large portfolio are never all held at once.
  const portfolio: PortfolioEpic[] = [];
  for (const epic of input.epics) {
    const then = epicAt(epic, input.histories.get(epic.id) ?? [], lastMoment);
    if (then) portfolio.push(portfolioEpicOf(classify(then)));
  }
  return computeBalance({ ...input.balance, epics: portfolio, now: new Date(span.end), window: span });
}
