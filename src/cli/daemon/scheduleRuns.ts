import { Cron } from 'croner';
import type { Logger } from '#log/createLogger.ts';

export interface ScheduledRuns {
  /** Stops scheduling, waits for a run still going to finish, then resolves. */
  stop(): Promise<void>;
}

/** A cron expression as croner reads it, or the reason it is not one. */
export function parseSchedule(expression: string): Cron {
  return new Cron(expression, { paused: true });
}

/**
 * Runs `runOnce` on a cron schedule, in-process. A tick that comes while the
 * previous run is still going is skipped, never queued, so runs never overlap
 * and a slow run cannot pile up a backlog.
 */
export function scheduleRuns(options: {
  schedule: Cron;
  runOnce: () => Promise<unknown>;
  logger: Logger;
  now?: () => Date;
}): ScheduledRuns {
  const now = options.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | null = null;
  let stopped = false;

  const planNext = () => {
    if (stopped) return;
    const next = options.schedule.nextRun(now());
    if (!next) {
      options.logger.info('the schedule has no further runs');
      return;
    }
    options.logger.info({ nextRun: next.toISOString() }, 'next run scheduled');
    timer = setTimeout(tick, Math.max(0, next.getTime() - now().getTime()));
  };

  const tick = () => {
    if (running) {
      options.logger.warn('previous run still going at its next scheduled time; skipping this one');
    } else {
      running = options
        .runOnce()
        .catch((error: unknown) => options.logger.error({ err: error }, 'run failed; the daemon keeps its schedule'))
        .finally(() => {
          running = null;
        });
    }
    planNext();
  };

  planNext();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      if (running) {
        options.logger.info('stopping: letting the current run finish its writes');
        await running;
      }
    },
  };
}
