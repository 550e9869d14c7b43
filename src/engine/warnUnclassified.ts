import type { Balance } from '#core/balance.ts';
import type { BalancePolicy } from '#core/balancePolicy.ts';
import { unclassifiedShareOf, unclassifiedWarning } from '#core/unclassified.ts';
import type { Logger } from '#log/createLogger.ts';

/** The run's log says so when too much of the portfolio is unclassified for its mix to be trusted. */
export function warnUnclassified(logger: Logger, balance: Balance, policy: BalancePolicy): void {
  const cells = balance.cells.filter((c) => c.scope.kind === 'portfolio').map((c) => ({ ...c, workType: c.workType.name }));
  const share = unclassifiedShareOf(cells, policy);
  const warning = unclassifiedWarning(share, policy);
  if (warning) logger.warn({ unclassifiedShare: share, warningPercent: policy.unclassifiedWarningPercent }, warning);
}
