import { Cron } from 'croner';
import type { Logger } from '#log/createLogger.ts';
import type { Schedule } from './parseSchedule.ts';

export interface ScheduledRuns {
  /** Stops scheduling, waits for a run still going to finish, then resolves. */
  stop(): Promise<void>;
}

/** The scheduled time a wake-up belongs to: the latest one at or before now (croner's `previousRuns` excludes its reference time). */
function tickAtOrBeforeNow(job: Cron): number | undefined {
  return job.previousRuns(1, new Date(Date.now() + 1))[0]?.getTime();
}

/**
 * Runs `runOnce` on a cron schedule, in-process, on croner's own timer: it
 * wakes at least every 30 seconds and compares the wall clock with the next
 * scheduled time, so a monthly or yearly wait needs no timeout longer than
 * Node allows, and a clock that jumps (a host waking from sleep, an NTP step)
 * moves the schedule with it: a scheduled time jumped over runs once, late.
 *
 * A tick that comes while the previous run is still going is skipped, never
 * queued (croner's `protect`), so runs never overlap and a slow run cannot pile
 * up a backlog.
 */
export function scheduleRuns(options: { schedule: Schedule; runOnce: () => Promise<unknown>; logger: Logger }): ScheduledRuns {
  const { logger, schedule } = options;
  const timeZone = schedule.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  let running: Promise<void> | undefined;
  // croner re-checks a blocked tick at every wake-up while the run goes on, and
  // fires it late once the run is over. Remembering the tick skipped last makes
  // each skipped tick one warning and no late run.
  let skippedTick: number | undefined;

  const logNextRun = (job: Cron) => {
    const next = job.nextRun();
    if (next) logger.info({ nextRun: next.toISOString(), timeZone }, 'next run scheduled');
    else logger.info('the schedule has no further runs');
  };

  const skip = (job: Cron) => {
    const tick = tickAtOrBeforeNow(job);
    if (tick === skippedTick) return;
    skippedTick = tick;
    logger.warn(
      { skippedRun: tick === undefined ? undefined : new Date(tick).toISOString() },
      'previous run still going at its next scheduled time; skipping this one',
    );
  };

  const run = async (job: Cron) => {
    if (skippedTick !== undefined && tickAtOrBeforeNow(job) === skippedTick) return;
    running = options
      .runOnce()
      .then(
        () => undefined,
        (error: unknown) => logger.error({ err: error }, 'run failed; the daemon keeps its schedule'),
      )
      .finally(() => {
        running = undefined;
        if (!job.isStopped()) logNextRun(job);
      });
    await running;
  };

  const job = new Cron(schedule.expression, { protect: skip, ...(schedule.timeZone ? { timezone: schedule.timeZone } : {}) }, run);
  logNextRun(job);
  return {
    async stop() {
      job.stop();
      if (running) {
        logger.info('stopping: letting the current run finish its writes');
        await running;
      }
    },
  };
}
