import type { Balance } from './balance.ts';
import type { BalancePolicy } from './balancePolicy.ts';
import { UNCLASSIFIED } from './mappings.ts';

/** The policy's drift basis as a word: "points" or "epics". */
export const basisWord = (policy: Pick<BalancePolicy, 'driftBasis'>) => (policy.driftBasis === 'points' ? 'points' : 'epics');

/** A scope's unclassified share on the drift basis, from its cells (the engine's or the report's). */
export function unclassifiedShareOf(
  cells: readonly { workType: string; pointShare: number; epicShare: number }[],
  policy: Pick<BalancePolicy, 'driftBasis'>,
): number {
  const cell = cells.find((c) => c.workType === UNCLASSIFIED.name);
  if (!cell) return 0;
  return policy.driftBasis === 'points' ? cell.pointShare : cell.epicShare;
}

/**
 * Drift is measured on classified work only, so a large unclassified share
 * does not show as a type under target; but past `unclassifiedWarningPercent`
 * the classified part may not be the mix at all. Every output (dashboard,
 * report, terminal, log) says so in these words, or says nothing.
 */
export function unclassifiedWarning(share: number, policy: Pick<BalancePolicy, 'driftBasis' | 'unclassifiedWarningPercent'>): string | null {
  if (share <= policy.unclassifiedWarningPercent) return null;
  return `${Math.round(share)}% of ${basisWord(policy)} are unclassified, above the ${policy.unclassifiedWarningPercent}% warning level (balance.unclassifiedWarningPercent): the mix cannot be trusted until they are classified.`;
}

/** The portfolio's unclassified share in a computed balance, and the warning it calls for (null when none). */
export function portfolioUnclassified(
  balance: Pick<Balance, 'cells'>,
  policy: Pick<BalancePolicy, 'driftBasis' | 'unclassifiedWarningPercent'>,
): { share: number; warning: string | null } {
  const cells = balance.cells.filter((c) => c.scope.kind === 'portfolio').map((c) => ({ ...c, workType: c.workType.name }));
  const share = unclassifiedShareOf(cells, policy);
  return { share, warning: unclassifiedWarning(share, policy) };
}
