// npm run demo [-- --reset] [-- --epics N]
// A real sync, over HTTP, through the real Jira and Notion SDKs, against the
// sandbox emulator on 127.0.0.1. The sandbox's state is kept in .sandbox/ so a
// second run shows the engine writing nothing new.
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { main } from '#cli/main.ts';
import { EPICS_TABLE } from '#core/tables/epicsTable.ts';
import { aWeekOfWork } from '#sandbox/company/weekOfWork.ts';
import { openSandboxSession, SANDBOX_OPTIONS } from './sandboxSession.ts';

const DIR = '.sandbox';
const { values } = parseArgs({ options: SANDBOX_OPTIONS });
const sandbox = await openSandboxSession({ dir: DIR, reset: values.reset, epics: Number(values.epics) });
const report = join(DIR, 'report.html');

const io = { stdout: process.stdout, stderr: process.stderr, env: { ...process.env, ...sandbox.env } };
process.stdout.write(`\nSandbox Jira and Notion on ${sandbox.url}${sandbox.restored ? ' (workspace kept from the last run)' : ''}; config in ${sandbox.configPath}\n\n`);
let code = 0;
if (!sandbox.restored) {
  // A fresh workspace gets last week first, so the dashboard and the report have a previous period to say what moved since.
  const now = Date.now();
  const weekAgo = new Date(now - 7 * 86_400_000);
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  code = await main(['sync', '--config', sandbox.configPath], { ...io, stdout: quiet, now: () => weekAgo });
  const week = aWeekOfWork(sandbox.world.jira, now);
  process.stdout.write(
    `Synced the sample company as of ${weekAgo.toISOString().slice(0, 10)}; since then ${week.relabelled.join(', ')} were relabelled from growth to debt and Insights started ${week.started.join(', ')}. Now:\n\n`,
  );
}
if (code === 0) code = await main(['sync', '--config', sandbox.configPath, '--pretty'], io);
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
