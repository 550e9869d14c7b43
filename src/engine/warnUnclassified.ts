import type { Balance } from '#core/balance.ts';
import type { BalancePolicy } from '#core/balancePolicy.ts';
import { portfolioUnclassified } from '#core/unclassified.ts';
import type { Logger } from '#log/createLogger.ts';

/** The run's log says so when too much of the portfolio is unclassified for its mix to be trusted. */
export function warnUnclassified(logger: Logger, balance: Balance, policy: BalancePolicy): void {
  const { share, warning } = portfolioUnclassified(balance, policy);
  if (warning) logger.warn({ unclassifiedShare: share, warningPercent: policy.unclassifiedWarningPercent }, warning);
}
