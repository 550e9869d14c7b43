import { parseArgs } from 'node:util';
import { ConfigError } from '#core/errors.ts';
import { EXIT, type ExitCode } from '../exitCodes.ts';
import { loadForCommand, type CommandContext } from '../context.ts';
import { parseSchedule, scheduleRuns } from '../daemon/scheduleRuns.ts';
import { acquireRunLock } from '../runLock.ts';
import { syncOnce } from './sync.ts';

export const daemonUsage = `  daemon --schedule "<cron>"
                     stay running and sync on a cron schedule (e.g. "0 * * * *"); runs never
                     overlap; SIGTERM or SIGINT lets the current run finish, then exits`;

/** `backbone-sync daemon`: for hosts without cron. Config errors stop it at start, not at the first tick. */
export async function daemonCommand(ctx: CommandContext): Promise<ExitCode> {
  const { values } = parseArgs({ args: ctx.args, options: { schedule: { type: 'string' } } });
  if (!values.schedule) throw new ConfigError(['--schedule: expected a cron expression such as "0 * * * *"']);
  let schedule;
  try {
    schedule = parseSchedule(values.schedule);
  } catch (error) {
    throw new ConfigError([`--schedule: "${values.schedule}" is not a cron expression (${(error as Error).message})`]);
  }
  const loaded = await loadForCommand(ctx);
  const { logger } = loaded;
  const runs = scheduleRuns({
    schedule,
    logger,
    now: ctx.io.now,
    runOnce: async () => {
      const lock = acquireRunLock(`${loaded.config.notion.baseUrl}|${loaded.config.notion.parentPage}`);
      try {
        return await syncOnce(ctx, loaded, { dryRun: false, full: false });
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
