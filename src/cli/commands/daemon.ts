import { parseArgs } from 'node:util';
import { ConfigError } from '#core/errors.ts';
import { EXIT, type ExitCode } from '../exitCodes.ts';
import { loadForCommand, type CommandContext } from '../context.ts';
import { parseSchedule } from '../daemon/parseSchedule.ts';
import { scheduleRuns } from '../daemon/scheduleRuns.ts';
import { acquireRunLock } from '../runLock.ts';
import { syncOnce } from './sync.ts';

export const daemonUsage = `  daemon --schedule "<cron>" [--tz <IANA zone>]
                     stay running and sync on a cron schedule (e.g. "0 6 * * 1-5"), in the
                     time zone --tz (e.g. Europe/Berlin; default: the machine's); runs never
                     overlap; SIGTERM or SIGINT lets the current run finish, then exits`;

/** `backbone-sync daemon`: for hosts without cron. Config errors stop it at start, not at the first tick. */
export async function daemonCommand(ctx: CommandContext): Promise<ExitCode> {
  const { values } = parseArgs({ args: ctx.args, options: { schedule: { type: 'string' }, tz: { type: 'string' } } });
  if (!values.schedule) throw new ConfigError(['--schedule: expected a cron expression such as "0 * * * *"']);
  const schedule = parseSchedule(values.schedule, values.tz);
  const loaded = await loadForCommand(ctx);
  const { logger } = loaded;
  const runs = scheduleRuns({
    schedule,
    logger,
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
