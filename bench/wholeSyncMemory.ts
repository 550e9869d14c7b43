// Whole-sync memory: a first sync and a no-change re-run at each size, each in
// a child process run with the launcher's flags (bench/syncInChild.ts, bundled
// as `npm run build` bundles the package, so the child runs JavaScript as
// shipped, not TypeScript that Node strips at load time), against
// the sandbox's HTTP emulator in this process with its rate limits off and the
// engine's pacing raised, so a 50,000-epic run takes minutes, not hours.
// Peak RSS is the child's own; growth per 1,000 epics is the slope between the
// two largest sizes, so Node's fixed start-up cost drops out.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build as esbuild } from 'esbuild';
import { createSandboxWorld, sandboxConfig, sandboxEnv } from '#sandbox/company/world.ts';
import { startSandboxServer } from '#sandbox/transports/server.ts';

const run = promisify(execFile);
// The schema allows at most 1,000 requests/second; far above any real limit, it leaves the engine CPU-bound here.
const ENGINE_RATE = 1_000;

export interface SyncMemory {
  code: number;
  peakRssMb: number;
  cpuMs: number;
  /** After each sync the child ran: its RSS, and the heap still live. */
  runs: { rssMb: number; liveHeapMb: number }[];
}

/**
 * bench/syncInChild.ts as one JavaScript file, built with the package build's
 * settings (package.json `build`). It lands inside the project, whose
 * package.json resolves its `#mappings/…` import and node_modules the packages
 * the bundle leaves out, as they resolve for the installed package.
 */
async function bundledChild(): Promise<string> {
  const outfile = resolve('bench/.build/syncInChild.js');
  await esbuild({
    entryPoints: [resolve(process.env['PROBE'] ?? 'bench/syncInChild.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    packages: 'external',
    logLevel: 'warning',
    outfile,
  });
  return outfile;
}

async function syncInChild(flags: readonly string[], child: string, configPath: string, runs = 1): Promise<SyncMemory> {
  const resultPath = `${configPath}.${Date.now()}.result.json`;
  const failure = await run(process.execPath, [...flags, child, configPath, resultPath, String(runs)], {
    env: { ...process.env, ...sandboxEnv() },
    maxBuffer: 1 << 24,
  }).then(
    ({ stderr }) => ({ stderr, message: undefined }),
    (error: { stderr?: string; message?: string }) => error,
  );
  if (!existsSync(resultPath)) throw new Error(`the sync process died: ${failure.stderr?.slice(-2000) ?? failure.message ?? 'no output'}`);
  const result = JSON.parse(readFileSync(resultPath, 'utf8')) as SyncMemory;
  if (result.code !== 0) throw new Error(`sync exited ${result.code}: ${failure.stderr?.slice(-2000) ?? ''}`);
  return result;
}

/** The sandbox with `epics` epics served over HTTP, and a config file pointing a sync at it, for the length of `use`. */
async function withSandbox<T>(epics: number, use: (configPath: string, world: ReturnType<typeof createSandboxWorld>) => Promise<T>): Promise<T> {
  // Notion stamps created_time to the minute and lets a query window hold 10,000 rows; real Notion's rate limit
  // never creates that many in one minute, but an emulator without limits would. Its clock moves a second per call.
  let notionClock = Date.now();
  const world = createSandboxWorld({ epics, notionNow: () => new Date((notionClock += 1000)) });
  const server = await startSandboxServer({ jira: world.jiraNet, notion: world.notionNet });
  const dir = mkdtempSync(join(tmpdir(), 'backbone-memory-'));
  const configPath = join(dir, 'config.json');
  const config = sandboxConfig({ jira: server.url, notion: server.url }, resolve('mappings'), { notionRate: ENGINE_RATE });
  writeFileSync(
    configPath,
    JSON.stringify({
      ...config,
      jira: { ...config.jira, rateLimit: { requestsPerSecond: ENGINE_RATE, concurrency: 8 } },
      notion: { ...config.notion, rateLimit: { requestsPerSecond: ENGINE_RATE, concurrency: 8 } },
      sync: { deadlineMinutes: 120 },
    }),
  );
  try {
    return await use(configPath, world);
  } finally {
    await server.close();
  }
}

export async function wholeSyncMemory(epics: number, flags: readonly string[]) {
  return withSandbox(epics, async (configPath, world) => {
    const child = await bundledChild();
    const first = await syncInChild(flags, child, configPath);
    const notionRequests = world.notion.requestLog.length;
    world.notion.requestLog.length = 0;
    const noChange = await syncInChild(flags, child, configPath);
    return { epics, first: { ...first, notionRequests }, noChange: { ...noChange, notionRequests: world.notion.requestLog.length } };
  });
}

/**
 * `runs` syncs in one process, as the daemon runs them: a first sync, then
 * re-runs with nothing changed. The live heap after each (collected first, so
 * --expose-gc is added) shows whether anything is kept from run to run.
 */
export async function repeatedSyncs(epics: number, flags: readonly string[], runs: number) {
  return withSandbox(epics, async (configPath) => {
    const result = await syncInChild([...flags, '--expose-gc'], await bundledChild(), configPath, runs);
    return { epics, peakRssMb: result.peakRssMb, runs: result.runs };
  });
}

type MemoryRun = { epics: number; first: { peakRssMb: number }; noChange: { peakRssMb: number } };

/** MB of peak RSS per 1,000 more epics between the two largest sizes, of a first sync and of a no-change re-run. */
export function growthPer1000(runs: readonly MemoryRun[]): { first: number; noChange: number } | null {
  if (runs.length < 2) return null;
  const [a, b] = runs.slice(-2) as [MemoryRun, MemoryRun];
  const slope = (peak: (run: MemoryRun) => number) => Math.round(((peak(b) - peak(a)) / ((b.epics - a.epics) / 1000)) * 100) / 100;
  return { first: slope((r) => r.first.peakRssMb), noChange: slope((r) => r.noChange.peakRssMb) };
}
