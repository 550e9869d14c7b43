import { BALANCE_TABLE, EPICS_TABLE } from '../../core/tables/tableSpec.ts';
import { EXIT, type ExitCode } from '../../engine/errors.ts';
import { loadForCommand, type CommandContext } from '../context.ts';
import { wire } from '../wire.ts';

export const initUsage = `  init               find or create the Epics and Portfolio Balance databases under the parent
                     page, check their schema, and print their ids for the config`;

/** `backbone-sync init`: what the first sync does implicitly, done explicitly, with the ids printed. */
export async function initCommand(ctx: CommandContext): Promise<ExitCode> {
  const { config, secrets, logger } = await loadForCommand(ctx, { jira: false });
  const { tables } = wire(config, secrets, { logger });
  const lines: string[] = [];
  for (const [spec, key] of [
    [EPICS_TABLE, 'notion.epicsDatabase'],
    [BALANCE_TABLE, 'notion.balanceDatabase'],
  ] as const) {
    const table = await tables.open(spec, { dryRun: false });
    lines.push(`${key.padEnd(24)} ${table!.databaseId}   (${spec.title})`);
  }
  ctx.io.stdout.write(`${lines.join('\n')}\nAdd these to your config to pin the databases, or leave them out to have them found by title.\n`);
  return EXIT.ok;
}
