import type { CommandSpec } from '../commandSpec.ts';
import { EXIT, type ExitCode } from '../exitCodes.ts';
import { loadForCommand, type CommandContext } from '../context.ts';
import { parseSchedule } from '../daemon/parseSchedule.ts';
import { scheduleRuns } from '../daemon/scheduleRuns.ts';
import { acquireRunLock } from '../runLock.ts';
import { syncOnce } from './sync.ts';

export const daemonSpec: CommandSpec<{ schedule: string; tz?: string }> = {
  name: 'daemon',
  summary: 'stay running and sync on a cron schedule',
  description:
    'Stay running and sync on a cron schedule, for hosts without cron, in the time zone --tz (default: the machine\'s). Runs never overlap: a tick that comes while a run is going is skipped. SIGTERM or SIGINT lets the current run finish, then exits.',
  options: [
    { flags: '--schedule <cron>', description: 'when to sync, as a cron expression, e.g. "0 6 * * 1-5"', required: true },
    { flags: '--tz <zone>', description: "the IANA time zone the schedule is read in, e.g. Europe/Berlin (default: the machine's)" },
  ],
  run: daemonCommand,
};

/** `backbone-sync daemon`: for hosts without cron. Config errors stop it at start, not at the first tick. */
export async function daemonCommand(ctx: CommandContext, options: { schedule: string; tz?: string }): Promise<ExitCode> {
  const schedule = parseSchedule(options.schedule, options.tz);
  const loaded = await loadForCommand(ctx);
  const { logger } = loaded;
  const runs = scheduleRuns({
    schedule,
    logger,
    runOnce: async () => {
      const lock = acquireRunLock(`${loaded.config.notion.baseUrl}|${loaded.config.notion.parentPage}`);
      try {
        return await syncOnce(ctx, loaded, { dryRun: false, full: false, table: false });
      } finally {
        lock.release();
      }
    },
  });
  const signals = ctx.io.signals ?? process;
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      signals.off('SIGTERM', shutdown);
      signals.off('SIGINT', shutdown);
      void runs.stop().then(resolve);
    };
    signals.on('SIGTERM', shutdown);
    signals.on('SIGINT', shutdown);
  });
  logger.info('daemon stopped');
  return EXIT.ok;
}
