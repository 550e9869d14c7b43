import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BALANCE_TABLE } from '#core/tables/balanceTable.ts';
import { EPICS_TABLE } from '#core/tables/epicsTable.ts';
import { BackboneError, ConfigError } from '#core/errors.ts';
import { EXIT, type ExitCode } from '../exitCodes.ts';
import { renderHtml } from '#report/renderHtml.ts';
import { reportData } from '#report/reportData.ts';
import { loadForCommand, type CommandContext } from '../context.ts';
import { wire } from '../wire.ts';

export const reportUsage = `  report --html <file>
                     write a self-contained HTML page (mix vs target, trend, teams, orphans)
                     from what the last syncs left in Notion; needs only NOTION_TOKEN`;

/** `backbone-sync report --html FILE`: reads Notion, never Jira, and writes one file. */
export async function reportCommand(ctx: CommandContext): Promise<ExitCode> {
  const { values } = parseArgs({ args: ctx.args, options: { html: { type: 'string' } } });
  if (!values.html) throw new ConfigError(['--html: expected the path of the HTML file to write']);
  const { config, secrets, logger } = await loadForCommand(ctx, { jira: false });
  const { tables } = wire(config, secrets, { logger });
  const [balance, epics] = await Promise.all([
    tables.open(BALANCE_TABLE, { dryRun: true }),
    tables.open(EPICS_TABLE, { dryRun: true }),
  ]);
  if (!balance || !epics) {
    throw new BackboneError('access', 'report-no-data', `no ${balance ? EPICS_TABLE.title : BALANCE_TABLE.title} database under the parent page yet: run \`backbone-sync sync\` first.`);
  }
  const data = reportData(await balance.readRows(), await epics.readRows(), ctx.io.now?.() ?? new Date());
  const path = resolve(values.html);
  await writeFile(path, ctx.scrubber.scrub(renderHtml(data)), 'utf8');
  logger.info({ path, period: data.period, periods: data.periods.length, orphans: data.orphans.length }, 'report written');
  return EXIT.ok;
}
