// npm run demo [-- --reset] [-- --epics N]
// A real sync, over HTTP, through the real Jira and Notion SDKs, against the
// sandbox emulator on 127.0.0.1. The sandbox's state is kept in .sandbox/ so a
// second run shows the engine writing nothing new.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { main } from '#cli/main.ts';
import { EPICS_TABLE } from '#core/tables/epicsTable.ts';
import { openSandboxSession, SANDBOX_OPTIONS } from './sandboxSession.ts';

const DIR = '.sandbox';
const { values } = parseArgs({ options: SANDBOX_OPTIONS });
const sandbox = await openSandboxSession({ dir: DIR, reset: values.reset, epics: Number(values.epics) });
const report = join(DIR, 'report.html');

const io = { stdout: process.stdout, stderr: process.stderr, env: { ...process.env, ...sandbox.env } };
process.stdout.write(`\nSandbox Jira and Notion on ${sandbox.url}${sandbox.restored ? ' (workspace kept from the last run)' : ''}; config in ${sandbox.configPath}\n\n`);
let code = await main(['sync', '--config', sandbox.configPath, '--pretty'], io);
if (code === 0) code = await main(['report', '--config', sandbox.configPath, '--pretty', '--html', report], io);

await sandbox.close();
const epicsDb = sandbox.world.notion.databaseByTitle(EPICS_TABLE.title);
const rows = epicsDb ? sandbox.world.notion.rows(epicsDb.dataSourceIds[0]!).length : 0;
process.stdout.write(
  `\nNotion's Epics database holds ${rows} rows, one per epic. Report: ${report}\n` +
    `Run \`npm run demo\` again: the second sync finds nothing to write. \`npm run demo -- --reset\` starts over.\n` +
    `\`npm run sandbox\` keeps the sandbox running, to try every command by hand.\n`,
);
process.exitCode = code;
