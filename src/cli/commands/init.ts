import { BALANCE_TABLE } from '#core/tables/balanceTable.ts';
import { EPICS_TABLE } from '#core/tables/epicsTable.ts';
import type { CommandSpec } from '../commandSpec.ts';
import { EXIT, type ExitCode } from '../exitCodes.ts';
import { createCharts } from '#engine/createCharts.ts';
import { periodOf } from '#core/period.ts';
import { loadForCommand, type CommandContext } from '../context.ts';
import { wire } from '../wire.ts';

export const initSpec: CommandSpec = {
  name: 'init',
  summary: 'find or create the Epics and Portfolio Balance databases; print their ids',
  description:
    'Find or create the Epics and Portfolio Balance databases under the parent page, check their schema, and print their ids for the config. Needs only NOTION_TOKEN.',
  options: [],
  run: initCommand,
};

/** `backbone-sync init`: what the first sync does implicitly, done explicitly, with the ids printed. */
export async function initCommand(ctx: CommandContext): Promise<ExitCode> {
  const { config, mappings, secrets, logger } = await loadForCommand(ctx, { jira: false });
  const { tables, charts, strategy } = wire(config, secrets, { logger });
  const epics = (await tables.open(EPICS_TABLE, { dryRun: false }))!;
  const balance = (await tables.open(BALANCE_TABLE, { dryRun: false }))!;
  const context = { workTypes: mappings.workTypes, strategy: await strategy.pullStrategy(), period: periodOf(ctx.io.now?.() ?? new Date(), config.balance.period) };
  await createCharts(charts, { epics, balance }, context, logger);
  const lines = [
    `${'notion.epicsDatabase'.padEnd(24)} ${epics.databaseId}   (${EPICS_TABLE.title})`,
    `${'notion.balanceDatabase'.padEnd(24)} ${balance.databaseId}   (${BALANCE_TABLE.title})`,
  ];
  ctx.io.stdout.write(`${lines.join('\n')}\nAdd these to your config to pin the databases, or leave them out to have them found by title.\n`);
  return EXIT.ok;
}
