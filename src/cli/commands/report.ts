import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BALANCE_TABLE } from '#core/tables/balanceTable.ts';
import { EPICS_TABLE } from '#core/tables/epicsTable.ts';
import { BackboneError } from '#core/errors.ts';
import type { CommandSpec } from '../commandSpec.ts';
import { EXIT, type ExitCode } from '../exitCodes.ts';
import { renderHtml } from '#report/renderHtml.ts';
import { reportData } from '#report/reportData.ts';
import { loadForCommand, type CommandContext } from '../context.ts';
import { wire } from '../wire.ts';

export const reportSpec: CommandSpec<{ html: string }> = {
  name: 'report',
  summary: 'write an HTML page of the balance from what the syncs left in Notion',
  description:
    'Write a self-contained HTML page (mix against target, the mix by epics, points and time in progress, trend, what moved, teams, epics to fix, epics per target, strategy connection both ways, orphans) from what the last syncs left in Notion. Reads Notion only: needs only NOTION_TOKEN.',
  options: [{ flags: '--html <file>', description: 'the HTML file to write', required: true }],
  run: reportCommand,
};

/** `backbone-sync report --html FILE`: reads Notion, never Jira, and writes one file. */
export async function reportCommand(ctx: CommandContext, options: { html: string }): Promise<ExitCode> {
  const { config, mappings, secrets, logger } = await loadForCommand(ctx, { jira: false });
  const { tables, strategy } = wire(config, secrets, { logger });
  const [balance, epics, pages] = await Promise.all([
    tables.open(BALANCE_TABLE, { dryRun: true }),
    tables.open(EPICS_TABLE, { dryRun: true }),
    strategy.pullStrategy(),
  ]);
  if (!balance || !epics) {
    throw new BackboneError('access', 'report-no-data', `no ${balance ? EPICS_TABLE.title : BALANCE_TABLE.title} database under the parent page yet: run \`backbone-sync sync\` first.`);
  }
  const data = reportData(await balance.readRows(), await epics.readRows(), ctx.io.now?.() ?? new Date(), {
    strategy: pages,
    workTypes: mappings.workTypes,
    policy: config.balance,
    tolerancePp: config.balance.tolerancePp,
  });
  const path = resolve(options.html);
  await writeFile(path, ctx.scrubber.scrub(renderHtml(data)), 'utf8');
  logger.info({ path, period: data.period, periods: data.periods.length, orphans: data.orphans.length }, 'report written');
  return EXIT.ok;
}
