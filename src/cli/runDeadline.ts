import { BackboneError } from '#core/errors.ts';
import type { Logger } from '#log/createLogger.ts';

export interface RunDeadline {
  /** A table's plan is known: `writes` more Notion requests are about to be made. Never shortens the deadline. */
  planned(writes: number): void;
  clear(): void;
}

/**
 * Writes are given twice the time they take at the configured Notion rate: room
 * for the reads before them, retries and the odd 429, yet a hung run still stops.
 */
const WRITE_TIME_FACTOR = 2;

/**
 * A sync's deadline, counted from its start. It begins at sync.deadlineMinutes,
 * which suits a day's incremental run but not a first sync of 5,000 epics
 * (about half an hour at Notion's 3 requests/second). So once the engine knows
 * how many writes it plans, the deadline grows to twice their time at
 * notion.rateLimit.requestsPerSecond when that is longer: a first sync of any
 * size can finish. Each deadline in force is logged ("deadline") with why.
 */
export function startDeadline(options: {
  minutes: number;
  notionRequestsPerSecond: number;
  logger: Logger;
  onPassed: (error: BackboneError) => void;
}): RunDeadline {
  const startedAt = Date.now();
  let inForce = { minutes: options.minutes, reason: 'sync.deadlineMinutes' };
  let plannedWrites = 0;
  let timer: NodeJS.Timeout | undefined;

  const arm = () => {
    clearTimeout(timer);
    options.logger.info(inForce, 'deadline');
    const { minutes, reason } = inForce;
    timer = setTimeout(() => {
      options.onPassed(
        new BackboneError(
          'deadline',
          'deadline',
          `the run passed its deadline of ${minutes} minutes (${reason}) and stopped; nothing after the last completed write was sent, and the next run continues from the last successful one.`,
        ),
      );
    }, startedAt + minutes * 60_000 - Date.now());
  };

  arm();
  return {
    planned(writes) {
      plannedWrites += writes;
      const needed = Math.ceil((WRITE_TIME_FACTOR * plannedWrites) / options.notionRequestsPerSecond / 60);
      if (needed <= inForce.minutes) return;
      inForce = {
        minutes: needed,
        reason: `${WRITE_TIME_FACTOR} × ${plannedWrites} planned Notion writes at ${options.notionRequestsPerSecond} requests/second (notion.rateLimit.requestsPerSecond): more than sync.deadlineMinutes (${options.minutes})`,
      };
      arm();
    },
    clear: () => clearTimeout(timer),
  };
}
