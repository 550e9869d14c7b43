// npm run bench [-- --scale 20] [-- --sizes 1000,5000] [-- --pacing 1000] [-- --overshoot 4] [-- --core 10000,100000] [-- --memory 1000,10000,12000,50000] [-- --daemon 10000]
//
// The engine against the sandbox's HTTP emulator with rate limits on: Notion 3
// requests/second sustained, Jira 10/second with a burst of 20, both multiplied
// by --scale so a run stays short (the ratios do not change). Every number that
// matters is a ratio from one run: wall time over the rate-limit lower bound,
// requests per epic, writes per changed row. The pacing scenario configures the
// engine at --overshoot times the limits the emulator enforces, so the scheduler
// must find the real rate itself. The memory scenario runs whole syncs in child
// processes with the launcher's flags (bench/wholeSyncMemory.ts) and reports
// their peak RSS. Prints a table and writes bench/results.json.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { startSandboxServer } from '#sandbox/transports/server.ts';
import { createSandboxWorld, sandboxConfig, sandboxEnv, type SandboxWorld } from '#sandbox/company/world.ts';
import { SANDBOX_DC_PAT } from '#sandbox/company/epics.ts';
import { main } from '#cli/main.ts';
import { BALANCE_TABLE } from '#core/tables/balanceTable.ts';
import { EPICS_TABLE } from '#core/tables/epicsTable.ts';
import type { SchedulerStats } from '#connectors/http/requestScheduler.ts';
import { growthPer1000, repeatedSyncs, wholeSyncMemory } from './wholeSyncMemory.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '20' },
    sizes: { type: 'string', default: '1000,5000' },
    pacing: { type: 'string', default: '1000' },
    overshoot: { type: 'string', default: '4' },
    core: { type: 'string', default: '10000,100000' },
    memory: { type: 'string', default: '1000,10000,12000,50000' },
    daemon: { type: 'string', default: '10000' },
  },
});
const SCALE = Number(values.scale);
const NOTION_RATE = 3 * SCALE;
const JIRA_RATE = 10 * SCALE;
/** How far above the emulator's limits the pacing scenario configures the engine. */
const OVERSHOOT = Number(values.overshoot);

const quiet = new Writable({ write: (_c, _e, done) => done() });
const isRead = (r: { method: string; path: string }) => r.method === 'GET' || r.path.endsWith('/query');

interface Counts {
  notionReads: number;
  notionWrites: number;
  jiraRequests: number;
  rateLimited: number;
}

function counts(world: SandboxWorld): Counts {
  return {
    notionReads: world.notion.requestLog.filter(isRead).length,
    notionWrites: world.notion.requestLog.filter((r) => !isRead(r)).length,
    jiraRequests: world.jira.requestLog.length,
    rateLimited: world.notionNet.stats.rateLimited + world.jiraNet.stats.rateLimited,
  };
}

function reset(world: SandboxWorld): void {
  world.notion.requestLog.length = 0;
  world.jira.requestLog.length = 0;
  world.notionNet.stats.rateLimited = 0;
  world.jiraNet.stats.rateLimited = 0;
}

/** Every engine-owned row's values by page id, to count the rows a run really changed. */
function rowsByPage(world: SandboxWorld): Map<string, string> {
  const out = new Map<string, string>();
  for (const { title } of [EPICS_TABLE, BALANCE_TABLE]) {
    const db = world.notion.databaseByTitle(title);
    if (db) for (const row of world.notion.rows(db.dataSourceIds[0]!)) out.set(row.id, JSON.stringify(row.values));
  }
  return out;
}

async function syncOnce(configPath: string, now: Date, stdout: Writable = quiet): Promise<number> {
  const started = performance.now();
  const code = await main(['sync', '--config', configPath], { stdout, stderr: quiet, env: { ...process.env, ...sandboxEnv() }, now: () => now });
  if (code !== 0) throw new Error(`sync exited ${code}`);
  return (performance.now() - started) / 1000;
}

/** The sample company behind the rate-limited HTTP emulator, and a config pacing the engine at `pace` × the emulator's limits (plus `extra` settings). */
async function rateLimitedWorld(epics: number, options: { pace?: number; flavour?: 'cloud' | 'datacenter'; extra?: Record<string, unknown> } = {}) {
  const pace = options.pace ?? 1;
  const world = createSandboxWorld({ epics, flavour: options.flavour ?? 'cloud', notionNow: () => new Date() });
  world.notionNet.setRateLimit({ requestsPerSecond: NOTION_RATE, burst: NOTION_RATE });
  world.jiraNet.setRateLimit({ requestsPerSecond: JIRA_RATE, burst: 2 * JIRA_RATE });
  const server = await startSandboxServer({ jira: world.jiraNet, notion: world.notionNet });
  const configPath = join(mkdtempSync(join(tmpdir(), 'backbone-bench-')), 'config.json');
  const config = sandboxConfig({ jira: server.url, notion: server.url }, resolve('mappings'), { notionRate: pace * NOTION_RATE });
  const jira = { ...config.jira, deployment: options.flavour ?? 'cloud', rateLimit: { requestsPerSecond: pace * JIRA_RATE, concurrency: 4 } };
  writeFileSync(configPath, JSON.stringify({ ...config, jira, ...options.extra }));
  return { world, server, configPath };
}

const T0 = new Date('2026-11-23T08:00:00Z');

async function syncBench(epics: number) {
  const { world, server, configPath } = await rateLimitedWorld(epics);
  try {
    const initialSeconds = await syncOnce(configPath, T0);
    const initial = counts(world);
    const initialBound = (initial.notionReads + initial.notionWrites) / NOTION_RATE;

    // The same clock for every run: a later one would move the recent-done window and change the balance for real.
    reset(world);
    await syncOnce(configPath, T0);
    const noChange = counts(world);
    const rows = rowsByPage(world).size;

    // 1% of epics change in Jira: a third of them change work type, the rest only their summary.
    const changedEpics = world.jira.site.issues.filter((i) => i.parentKey === null).slice(0, Math.max(1, Math.round(epics / 100)));
    changedEpics.forEach((issue, i) => {
      const labels = i % 3 === 0 ? [...issue.labels.filter((l) => !l.toLowerCase().startsWith('work-')), 'work-innovation'] : issue.labels;
      world.jira.updateIssue(issue.id, { summary: `${issue.summary} (revised)`, labels, updated: T0.getTime() });
    });
    const before = rowsByPage(world);
    reset(world);
    await syncOnce(configPath, T0);
    const onePercent = counts(world);
    const after = rowsByPage(world);
    const reallyChanged = [...after].filter(([id, v]) => before.get(id) !== v).length + [...before.keys()].filter((id) => !after.has(id)).length;
    return {
      epics,
      initial: {
        notionRequestsPerEpic: round((initial.notionReads + initial.notionWrites) / epics, 3),
        notionRequests: initial.notionReads + initial.notionWrites,
        jiraRequestsPer100Epics: round((initial.jiraRequests / epics) * 100, 2),
        wallOverBound: round(initialSeconds / initialBound, 3),
        rateLimited: initial.rateLimited,
      },
      noChange: { notionWrites: noChange.notionWrites, notionReads: noChange.notionReads, readBound: Math.ceil(rows / 100), jiraRequests: noChange.jiraRequests },
      onePercent: {
        epicsChanged: changedEpics.length,
        rowsReallyChanged: reallyChanged,
        notionWrites: onePercent.notionWrites,
        writesPerChangedRow: round(onePercent.notionWrites / Math.max(1, reallyChanged), 3),
        notionReads: onePercent.notionReads,
        jiraRequests: onePercent.jiraRequests,
      },
    };
  } finally {
    await server.close();
  }
}

/**
 * One initial sync with the engine configured at OVERSHOOT × the limits: how
 * many requests the server refused, and how close the run came to the time the
 * server's own limit allows for the requests it accepted.
 */
async function pacingBench(epics: number) {
  const { world, server, configPath } = await rateLimitedWorld(epics, { pace: OVERSHOOT });
  let log = '';
  const stdout = new Writable({ write: (chunk: Buffer, _e, done) => ((log += chunk.toString()), done()) });
  try {
    const seconds = await syncOnce(configPath, T0, stdout);
    // The pace each scheduler settled on, as the run's `sync finished` log line reports it.
    const finished = log.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { msg: string; requests?: Record<string, SchedulerStats> }).find((l) => l.msg === 'sync finished');
    const settled = (system: string) => finished?.requests?.[system]?.requestsPerSecond;
    const accepted = counts(world);
    const sent = world.notionNet.stats.requests + world.jiraNet.stats.requests;
    const bound = (accepted.notionReads + accepted.notionWrites) / NOTION_RATE;
    return {
      epics,
      configuredPerSecond: { notion: OVERSHOOT * NOTION_RATE, jira: OVERSHOOT * JIRA_RATE },
      settledPerSecond: { notion: settled('notion'), jira: settled('jira') },
      requests: sent,
      rateLimited: accepted.rateLimited,
      rateLimitedShare: round(accepted.rateLimited / sent, 4),
      wallSeconds: round(seconds, 2),
      boundSeconds: round(bound, 2),
      wallOverBound: round(seconds / bound, 3),
    };
  } finally {
    await server.close();
  }
}

/** The V8 flags the launcher's shebang gives every run (`#!/usr/bin/env -S node <flags>`), so the core is measured as it runs. */
const LAUNCHER_FLAGS = readFileSync(resolve('bin/backbone-sync.js'), 'utf8').split('\n')[0]!.split(/\s+/).slice(3);

type CoreRun = { epics: number; cpuMs: number; cpuPerYardstick: number; wallMs: number; peakRssMb: number; setupPeakRssMb: number };
function coreOnce(size: number, flags: string[]): CoreRun {
  const out = execFileSync(process.execPath, [...flags, '--expose-gc', resolve('bench/coreOnce.ts'), String(size)], { encoding: 'utf8' });
  return JSON.parse(out) as CoreRun;
}
/** Each size as the launcher runs it, and with V8's default young generation for comparison. */
function coreBench(size: number) {
  return { ...coreOnce(size, LAUNCHER_FLAGS), defaultV8PeakRssMb: coreOnce(size, []).peakRssMb };
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const syncs = [];
for (const size of values.sizes.split(',').filter(Boolean).map(Number)) {
  process.stderr.write(`sync bench: ${size} epics at Notion ${NOTION_RATE} req/s (×${SCALE})…\n`);
  syncs.push(await syncBench(size));
}
const pacing = [];
for (const size of values.pacing.split(',').filter(Boolean).map(Number)) {
  process.stderr.write(`pacing bench: ${size} epics, engine at ${OVERSHOOT}× the emulator's limits…\n`);
  pacing.push(await pacingBench(size));
}
const core = values.core.split(',').filter(Boolean).map(Number).map(coreBench);
const tenfold = core.length === 2 ? round(core[1]!.cpuMs / core[0]!.cpuMs, 2) : null;

const memory = [];
for (const size of values.memory.split(',').filter(Boolean).map(Number)) {
  process.stderr.write(`memory bench: a whole first sync and a no-change re-run of ${size} epics in child processes…\n`);
  memory.push(await wholeSyncMemory(size, LAUNCHER_FLAGS));
}
const memoryGrowth = growthPer1000(memory);
/** Syncs in one process, as the daemon runs them. */
const DAEMON_RUNS = 6;
const daemon = [];
for (const size of values.daemon.split(',').filter(Boolean).map(Number)) {
  process.stderr.write(`daemon bench: ${DAEMON_RUNS} syncs of ${size} epics in one process…\n`);
  daemon.push(await repeatedSyncs(size, LAUNCHER_FLAGS, DAEMON_RUNS));
}

const results = {
  machine,
  launcherFlags: LAUNCHER_FLAGS,
  scale: SCALE,
  limits: { notionPerSecond: NOTION_RATE, jiraPerSecond: JIRA_RATE, jiraBurst: 2 * JIRA_RATE },
  syncs,
  pacing,
  core,
  coreCpuGrowth: tenfold,
  memory,
  memoryGrowthMbPer1000Epics: memoryGrowth,
  daemon,
};
writeFileSync(resolve('bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

const lines = [
  `machine: ${machine}; limits ×${SCALE}: Notion ${NOTION_RATE}/s, Jira ${JIRA_RATE}/s (burst ${2 * JIRA_RATE})`,
  '',
  '| epics | Notion req/epic (initial) | Jira req/100 epics | wall ÷ rate bound | 429s | no-change writes | no-change Notion reads (bound) | 1%: writes ÷ changed rows | 1%: reads |',
  '|---|---|---|---|---|---|---|---|---|',
  ...syncs.map(
    (s) =>
      `| ${s.epics} | ${s.initial.notionRequestsPerEpic} | ${s.initial.jiraRequestsPer100Epics} | ${s.initial.wallOverBound} | ${s.initial.rateLimited} | ${s.noChange.notionWrites} | ${s.noChange.notionReads} (${s.noChange.readBound}) | ${s.onePercent.notionWrites} ÷ ${s.onePercent.rowsReallyChanged} = ${s.onePercent.writesPerChangedRow} | ${s.onePercent.notionReads} |`,
  ),
  '',
  `pacing, engine configured at ${OVERSHOOT}× the limits (Notion ${OVERSHOOT * NOTION_RATE}/s, Jira ${OVERSHOOT * JIRA_RATE}/s):`,
  '',
  '| epics | requests | 429s | 429s ÷ requests | wall s | rate bound s | wall ÷ rate bound | Notion pace settled on |',
  '|---|---|---|---|---|---|---|---|',
  ...pacing.map(
    (p) => `| ${p.epics} | ${p.requests} | ${p.rateLimited} | ${p.rateLimitedShare} | ${p.wallSeconds} | ${p.boundSeconds} | ${p.wallOverBound} | ${p.settledPerSecond.notion}/s |`,
  ),
  '',
  `core, run with the launcher's flags (${LAUNCHER_FLAGS.join(' ')}):`,
  '',
  '| core epics | CPU ms | CPU ÷ one JSON round trip of the epics | peak RSS MB | of which inputs (peak before the core ran) | peak RSS MB with V8 defaults |',
  '|---|---|---|---|---|---|',
  ...core.map((c) => `| ${c.epics} | ${c.cpuMs} | ${c.cpuPerYardstick} | ${c.peakRssMb} | ${c.setupPeakRssMb} | ${c.defaultV8PeakRssMb} |`),
  tenfold === null ? '' : `\nCPU growth from ${core[0]!.epics} to ${core[1]!.epics} epics: ×${tenfold}`,
  '',
  `whole sync, one process per run with the launcher's flags, emulator limits off:`,
  '',
  '| epics | first sync: peak RSS MB | CPU s | Notion requests | no-change re-run: peak RSS MB | CPU s | Notion requests |',
  '|---|---|---|---|---|---|---|',
  ...memory.map(
    (m) =>
      `| ${m.epics} | ${m.first.peakRssMb} | ${(m.first.cpuMs / 1000).toFixed(1)} | ${m.first.notionRequests} | ${m.noChange.peakRssMb} | ${(m.noChange.cpuMs / 1000).toFixed(1)} | ${m.noChange.notionRequests} |`,
  ),
  memoryGrowth === null
    ? ''
    : `\npeak RSS grows ${memoryGrowth.first} MB (first sync) and ${memoryGrowth.noChange} MB (no-change re-run) per 1,000 more epics, from ${memory.at(-2)!.epics} to ${memory.at(-1)!.epics}`,
  '',
  `${DAEMON_RUNS} syncs in one process, as the daemon runs them (a first sync, then no-change re-runs), after each run:`,
  '',
  `| epics | peak RSS MB | ${Array.from({ length: DAEMON_RUNS }, (_, i) => `run ${i + 1}: RSS / live heap MB`).join(' | ')} |`,
  `|---|---|${'---|'.repeat(DAEMON_RUNS)}`,
  ...daemon.map((d) => `| ${d.epics} | ${d.peakRssMb} | ${d.runs.map((r) => `${r.rssMb} / ${r.liveHeapMb}`).join(' | ')} |`),
];
process.stdout.write(`${lines.join('\n')}\n`);

// ---- History: what the first run's rebuild of 12 closed periods costs (issue #14) ----

/** A pulled-into-Notion row's data source, from a create's body. */
const createdIn = (r: { method: string; path: string; body: unknown }) =>
  r.method === 'POST' && r.path === '/v1/pages' ? ((r.body as { parent?: { data_source_id?: string } }).parent?.data_source_id ?? null) : null;

/**
 * The first sync of a portfolio with `balance.backfillPeriods` 12: Jira
 * requests by kind (the changelog's are the history's own cost), Notion
 * creates per table, and whether each balance row was created exactly once;
 * then a second run, which must rebuild nothing. Cloud writes for real; Data
 * Center is measured on a dry run (same reads, no writes).
 */
async function backfillBench(epics: number) {
  const extra = { balance: { backfillPeriods: 12 } };
  const { world, server, configPath } = await rateLimitedWorld(epics, { extra });
  const { world: dcWorld, server: dcServer, configPath: dcConfigPath } = await rateLimitedWorld(epics, { flavour: 'datacenter', extra });
  const t0 = T0;
  const jiraCounts = (log: { path: string; body: unknown }[]) => ({
    requests: log.length,
    search: log.filter((r) => r.path.endsWith('/search/jql') || (r.path === '/rest/api/2/search' && !JSON.stringify(r.body).includes('changelog'))).length,
    changelog: log.filter((r) => r.path.endsWith('/changelog/bulkfetch') || r.path.endsWith('/changelog') || (r.path === '/rest/api/2/search' && JSON.stringify(r.body).includes('changelog'))).length,
  });
  try {
    const seconds = await syncOnce(configPath, t0);
    const balanceDs = world.notion.databaseByTitle(BALANCE_TABLE.title)!.dataSourceIds[0]!;
    const epicsDs = world.notion.databaseByTitle(EPICS_TABLE.title)!.dataSourceIds[0]!;
    const balanceRows = world.notion.rows(balanceDs);
    const periods = new Set(balanceRows.map((r) => String(world.notion.valueOf(r, 'Period')))).size;
    const first = {
      jira: jiraCounts(world.jira.requestLog),
      notionEpicCreates: world.notion.requestLog.filter((r) => createdIn(r) === epicsDs).length,
      notionBalanceCreates: world.notion.requestLog.filter((r) => createdIn(r) === balanceDs).length,
      balanceRows: balanceRows.length,
      periods,
      wallSeconds: round(seconds, 1),
    };
    reset(world);
    await syncOnce(configPath, t0);
    const again = { jira: jiraCounts(world.jira.requestLog), notionWrites: counts(world).notionWrites };
    // Data Center authenticates with a personal access token.
    const dcEnv = { ...process.env, ...sandboxEnv(), JIRA_API_TOKEN: SANDBOX_DC_PAT };
    const dcCode = await main(['sync', '--dry-run', '--config', dcConfigPath], { stdout: quiet, stderr: quiet, env: dcEnv, now: () => t0 });
    if (dcCode !== 0) throw new Error(`Data Center dry run exited ${dcCode}`);
    const dataCenterDryRun = jiraCounts(dcWorld.jira.requestLog);
    return { epics, first, again, dataCenterDryRun };
  } finally {
    await server.close();
    await dcServer.close();
  }
}

const backfills = [];
for (const size of values.sizes.split(',').filter(Boolean).map(Number)) {
  process.stderr.write(`backfill bench: ${size} epics, 12 closed weeks rebuilt…\n`);
  backfills.push(await backfillBench(size));
}
// Only a run that measured backfills replaces their results.
if (backfills.length > 0) writeFileSync(resolve('bench/backfill-results.json'), `${JSON.stringify({ machine, scale: SCALE, backfills }, null, 2)}\n`);
process.stdout.write(
  [
    '',
    'first run with 12 closed weeks rebuilt from the changelog (Cloud; Data Center measured on a dry run):',
    '',
    '| epics | Jira: all (search, changelog) | Data Center: all (search, changelog) | Notion creates: epics + balance | balance rows (periods) | 2nd run: Jira changelog, Notion writes |',
    '|---|---|---|---|---|---|',
    ...backfills.map(
      (b) =>
        `| ${b.epics} | ${b.first.jira.requests} (${b.first.jira.search}, ${b.first.jira.changelog}) | ${b.dataCenterDryRun.requests} (${b.dataCenterDryRun.search}, ${b.dataCenterDryRun.changelog}) | ${b.first.notionEpicCreates} + ${b.first.notionBalanceCreates} | ${b.first.balanceRows} (${b.first.periods}) | ${b.again.jira.changelog}, ${b.again.notionWrites} |`,
    ),
  ].join('\n') + '\n',
);
