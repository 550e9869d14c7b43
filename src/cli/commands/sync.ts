import type { CommandSpec } from '../commandSpec.ts';
import { EXIT, type ExitCode } from '../exitCodes.ts';
import { runSync } from '#engine/runSync.ts';
import { portfolioUnclassified } from '#core/unclassified.ts';
import type { HistoryOptions } from '#engine/history.ts';
import { ConfigError } from '#core/errors.ts';
import { loadForCommand, type CommandContext, type Loaded } from '../context.ts';
import { formatBalanceTable } from '../formatBalanceTable.ts';
import { formatPlan } from '../formatPlan.ts';
import { progressReporter } from '../progressReporter.ts';
import { acquireRunLock } from '../runLock.ts';
import { startDeadline } from '../runDeadline.ts';
import { wire } from '../wire.ts';

interface SyncFlags {
  dryRun?: boolean;
  full?: boolean;
  table?: boolean;
  /** `--backfill` alone is true; `--backfill 26` the text "26". */
  backfill?: boolean | string;
  restate?: boolean;
}

/** Periods `--backfill` alone rebuilds. */
const DEFAULT_BACKFILL = 12;

export const syncSpec: CommandSpec<SyncFlags> = {
  name: 'sync',
  summary: 'one run: pull, classify, write the balance to Notion (for cron)',
  description:
    'One run: pull Jira epics and the Notion strategy pages, classify, and write the epics and the balance to Notion, changing only what changed. Incremental: only epics changed since the last run are pulled, with a full reconciliation at least every sync.fullEveryHours.',
  options: [
    { flags: '--dry-run', description: 'read and compute everything, print the plan, write nothing' },
    { flags: '--full', description: 'reconcile every epic now, not only those changed since the last run' },
    { flags: '--table', description: 'with JSON logs, also print the balance table, to stderr (human mode always prints it)' },
    { flags: '--backfill [periods]', description: `rebuild the closed periods that have no balance rows, this many back (default ${DEFAULT_BACKFILL}), from Jira's changelog` },
    { flags: '--restate', description: 'rewrite the closed periods (balance.backfillPeriods back, or --backfill) from the changelog and log what changed' },
  ],
  run: syncCommand,
};

/** `--backfill [periods]`: absent, the config decides; alone, 12; with a count, that many (a usage error otherwise). */
function backfillPeriodsOf(flag: boolean | string | undefined): number | undefined {
  if (flag === undefined || flag === false) return undefined;
  if (flag === true) return DEFAULT_BACKFILL;
  const periods = Number(flag);
  if (Number.isInteger(periods) && periods >= 1 && periods <= 520) return periods;
  throw new ConfigError([`--backfill: expected a number of periods from 1 to 520, got "${flag}"`]);
}

/** `backbone-sync sync`: one run, for cron. */
export async function syncCommand(ctx: CommandContext, flags: SyncFlags): Promise<ExitCode> {
  const dryRun = flags.dryRun ?? false;
  const backfill = backfillPeriodsOf(flags.backfill);
  const loaded = await loadForCommand(ctx);
  const lock = dryRun ? null : acquireRunLock(`${loaded.config.notion.baseUrl}|${loaded.config.notion.parentPage}`);
  try {
    const history = { backfillPeriods: backfill ?? loaded.config.balance.backfillPeriods, restate: flags.restate ?? false };
    if (history.restate && history.backfillPeriods === 0) {
      throw new ConfigError(['--restate: balance.backfillPeriods is 0, so there is no window of closed periods to restate; add --backfill N']);
    }
    return await syncOnce(ctx, loaded, { dryRun, full: flags.full ?? false, table: flags.table ?? false, history });
  } finally {
    lock?.release();
  }
}

/** One sync with loaded config: shared by `sync` and every tick of `daemon`. */
export async function syncOnce(
  ctx: CommandContext,
  { config, mappings, secrets, logger }: Loaded,
  { dryRun, full, table: tableAsked, history }: { dryRun: boolean; full: boolean; table: boolean; history?: HistoryOptions },
): Promise<ExitCode> {
  const wiring = wire(config, secrets, { logger, mappings, onSchemaMismatch: ctx.io.onSchemaMismatch });
  const startedAt = Date.now();
  const deadline = startDeadline({
    minutes: config.sync.deadlineMinutes,
    notionRequestsPerSecond: config.notion.rateLimit.requestsPerSecond,
    logger,
    onPassed: (error) => {
      wiring.schedulers.jira.abort(error);
      wiring.schedulers.notion.abort(error);
    },
  });
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
    history: history ?? { backfillPeriods: config.balance.backfillPeriods, restate: false },
    logger,
    onWritesPlanned: deadline.planned,
    // The bar is for a person at a terminal; log shippers get the progress lines.
    onProgress: progressReporter({ logger, statusLine: ctx.flags.pretty ? ctx.io.statusLine : undefined }),
  }).finally(() => deadline.clear());

  // In JSON mode stdout carries only log lines, so the human output goes to stderr.
  const human = ctx.flags.pretty ? ctx.io.stdout : ctx.io.stderr;
  const { jiraKeys } = report;
  if (dryRun) human.write(`\nWould write (dry run: nothing was written):\n${formatPlan(report.tables, (key) => jiraKeys.get(key) ?? key)}`);
  // The table is for people: always in human mode, in JSON mode only when asked for.
  if (ctx.flags.pretty || tableAsked) {
    const { warning } = portfolioUnclassified(report.balance, config.balance);
    human.write(`\n${formatBalanceTable(report.balance.cells, { colour: ctx.flags.colour, period: report.period, warning, tolerancePp: config.balance.tolerancePp })}`);
  }

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
      pulled: report.pulled,
      epics: report.inBalance,
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
