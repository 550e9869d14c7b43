// npm run demo [-- --reset] [-- --epics N]
// A real sync, over HTTP, through the real Jira and Notion SDKs, against the
// sandbox emulator on 127.0.0.1. The sandbox's state is kept in .sandbox/ so a
// second run shows the engine writing nothing new.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandboxServer } from '#sandbox/transports/server.ts';
import { createSandboxWorld, sandboxConfig, sandboxEnv, snapshotWorld } from '#sandbox/company/world.ts';
import { main } from '#cli/main.ts';
import { EPICS_TABLE } from '#core/tables/epicsTable.ts';

const DIR = resolve('.sandbox');
const STATE = join(DIR, 'state.json');
const CONFIG = join(DIR, 'backbone-sync.config.json');
// The sandbox lets the demo go ten times faster than Notion's 3 requests/second.
const SANDBOX_NOTION_RATE = 30;

const { values } = parseArgs({ options: { reset: { type: 'boolean', default: false }, epics: { type: 'string', default: '300' } } });
if (values.reset) rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });

const saved = existsSync(STATE) ? (JSON.parse(readFileSync(STATE, 'utf8')) as { jira: unknown; notion: unknown }) : undefined;
const world = createSandboxWorld({ epics: Number(values.epics), ...(saved ? { saved } : {}) });
world.notionNet.setRateLimit({ requestsPerSecond: SANDBOX_NOTION_RATE, burst: SANDBOX_NOTION_RATE });
// A fixed port keeps the Jira URLs on the rows identical between demo runs; any free port will do if it is taken.
const server = await startSandboxServer({ jira: world.jiraNet, notion: world.notionNet, port: 47123 }).catch(() =>
  startSandboxServer({ jira: world.jiraNet, notion: world.notionNet }),
);
writeFileSync(CONFIG, JSON.stringify(sandboxConfig({ jira: server.url, notion: server.url }, '../mappings', { notionRate: SANDBOX_NOTION_RATE }), null, 2));

const io = { stdout: process.stdout, stderr: process.stderr, env: { ...process.env, ...sandboxEnv() } };
process.stdout.write(`\nSandbox Jira and Notion on ${server.url}${saved ? ' (workspace kept from the last demo run)' : ''}; config in ${CONFIG}\n\n`);
let code = await main(['sync', '--config', CONFIG, '--pretty'], io);
if (code === 0) code = await main(['report', '--config', CONFIG, '--pretty', '--html', join(DIR, 'report.html')], io);

writeFileSync(STATE, JSON.stringify(snapshotWorld(world)));
await server.close();
const epicsDb = world.notion.databaseByTitle(EPICS_TABLE.title);
const rows = epicsDb ? world.notion.rows(epicsDb.dataSourceIds[0]!).length : 0;
process.stdout.write(
  `\nNotion's Epics database holds ${rows} rows, one per epic. Report: ${join(DIR, 'report.html')}\n` +
    `Run \`npm run demo\` again: the second sync finds nothing to write. \`npm run demo -- --reset\` starts over.\n`,
);
process.exitCode = code;
