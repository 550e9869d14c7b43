import { describeRejectedEstimate, type RejectedEstimate } from '#core/storyPoints.ts';
import type { Logger } from '#log/createLogger.ts';

/** One warning per estimate the pull set aside, naming the epic and the value, so someone can fix it in Jira. */
export function warnRejectedEstimates(logger: Logger, rejected: readonly RejectedEstimate[]): void {
  for (const estimate of rejected) {
    logger.warn({ jiraKey: estimate.key, source: estimate.source, value: estimate.value }, describeRejectedEstimate(estimate));
  }
}
