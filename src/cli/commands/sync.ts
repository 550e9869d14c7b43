import { parseArgs } from 'node:util';
import { BackboneError } from '#core/errors.ts';
import { EXIT, type ExitCode } from '../exitCodes.ts';
import { runSync } from '#engine/runSync.ts';
import { loadForCommand, type CommandContext, type Loaded } from '../context.ts';
import { formatBalanceTable } from '../formatBalanceTable.ts';
import { formatPlan } from '../formatPlan.ts';
import { acquireRunLock } from '../runLock.ts';
import { wire } from '../wire.ts';

export const syncUsage = `  sync [--dry-run] [--full]
                     pull Jira epics and Notion strategy, classify, write the balance to Notion;
                     --dry-run computes and prints what would be written and writes nothing;
                     --full reconciles every epic instead of those changed since the last run`;

/** `backbone-sync sync`: one run, for cron. */
export async function syncCommand(ctx: CommandContext): Promise<ExitCode> {
  const { values } = parseArgs({
    args: ctx.args,
    options: { 'dry-run': { type: 'boolean', default: false }, full: { type: 'boolean', default: false } },
  });
  const dryRun = values['dry-run'];
  const loaded = await loadForCommand(ctx);
  const lock = dryRun ? null : acquireRunLock(`${loaded.config.notion.baseUrl}|${loaded.config.notion.parentPage}`);
  try {
    return await syncOnce(ctx, loaded, { dryRun, full: values.full });
  } finally {
    lock?.release();
  }
}

/** One sync with loaded config: shared by `sync` and every tick of `daemon`. */
export async function syncOnce(
  ctx: CommandContext,
  { config, mappings, secrets, logger }: Loaded,
  { dryRun, full }: { dryRun: boolean; full: boolean },
): Promise<ExitCode> {
  const wiring = wire(config, secrets, { logger, mappings, onSchemaMismatch: ctx.io.onSchemaMismatch });
  const startedAt = Date.now();
  const deadline = setTimeout(() => {
    const error = new BackboneError(
      'deadline',
      'deadline',
      `the run passed its deadline of ${config.sync.deadlineMinutes} minutes (sync.deadlineMinutes) and stopped; nothing after the last completed write was sent, and the next run continues from the last successful one.`,
    );
    wiring.schedulers.jira.abort(error);
    wiring.schedulers.notion.abort(error);
  }, config.sync.deadlineMinutes * 60_000);
  const report = await runSync(wiring, {
    mappings,
    period: config.balance.period,
    policy: config.balance,
    teamTargets: config.balance.teamTargets,
    dryRun,
    full,
    fullEveryMs: config.sync.fullEveryHours * 3_600_000,
    overlapMs: config.sync.overlapMinutes * 60_000,
    now: ctx.io.now?.() ?? new Date(),
    logger,
  }).finally(() => clearTimeout(deadline));

  // In JSON mode stdout carries only log lines, so the human output goes to stderr.
  const human = ctx.flags.pretty ? ctx.io.stdout : ctx.io.stderr;
  const jiraKeys = new Map(report.pulled.map(({ epic }) => [epic.id, epic.key]));
  if (dryRun) human.write(`\nWould write (dry run: nothing was written):\n${formatPlan(report.tables, (key) => jiraKeys.get(key) ?? key)}`);
  const table = formatBalanceTable(report.balance.cells, { colour: ctx.flags.pretty && Boolean(ctx.io.stdout.isTTY), period: report.period });
  human.write(`\n${table}`);

  const failed = report.tables.flatMap((t) => t.result?.failed.map((f) => ({ table: t.table, ...f })) ?? []);
  for (const f of failed) {
    const jiraKey = jiraKeys.get(f.key);
    logger.error({ table: f.table, key: f.key, ...(jiraKey ? { jiraKey } : {}), action: f.action, err: f.error }, 'row failed; the next run retries it');
  }
  if (failed.length > 0) {
    const names = failed.map((f) => `${jiraKeys.get(f.key) ?? f.key} (${f.table}, ${f.action}: ${f.error instanceof Error ? f.error.message : String(f.error)})`);
    ctx.io.stderr.write(`\n${failed.length} row(s) failed and will be retried by the next run:\n  ${names.join('\n  ')}\n`);
  }
  logger.info(
    {
      dryRun,
      mode: report.mode.full ? 'full' : 'incremental',
      pulled: report.pulled.length,
      epics: report.portfolio.length,
      byWorkType: Object.fromEntries(
        report.balance.cells.filter((c) => c.scope.kind === 'portfolio').map((c) => [c.workType.name, c.epics]),
      ),
      stateWritten: report.stateWritten,
      dashboard: report.dashboard,
      tables: report.tables.map((t) => ({
        table: t.table,
        created: t.result?.created ?? 0,
        updated: t.result?.updated ?? 0,
        archived: t.result?.archived ?? 0,
        unchanged: t.plan.unchanged,
        failed: t.result?.failed.length ?? 0,
        planned: { create: t.plan.creates.length, update: t.plan.updates.length, archive: t.plan.archives.length },
      })),
      requests: { jira: wiring.schedulers.jira.stats, notion: wiring.schedulers.notion.stats },
      durationMs: Date.now() - startedAt,
    },
    'sync finished',
  );
  return failed.length > 0 ? EXIT.partial : EXIT.ok;
}
