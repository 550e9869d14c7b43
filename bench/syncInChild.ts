// One `sync` as the launcher runs it, in its own process so its peak RSS is its
// own (the sandbox serving it runs in the parent). Usage:
//   node <the launcher's flags> bench/syncInChild.ts <config> <result.json> [runs]
// With `runs` above 1 it syncs that many times in the one process, as the daemon
// does, and records after each run the RSS and the heap still live (collected
// first when the process was given --expose-gc).
// Writes {code, peakRssMb, cpuMs, runs: [{rssMb, liveHeapMb}]} to result.json; logs go nowhere.
import { writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { main } from '#cli/main.ts';

const [configPath, resultPath, runCount] = process.argv.slice(2);
const quiet = new Writable({ write: (_c, _e, done) => done() });
// Failures still reach the parent, which reports them.
const errors = process.env['BENCH_SHOW_ERRORS'] ? process.stderr : quiet;
const mb = (bytes: number) => Math.round(bytes / 1_048_576);
const runs: { rssMb: number; liveHeapMb: number }[] = [];
let code = 0;
for (let run = 0; run < Number(runCount ?? 1) && code === 0; run += 1) {
  code = await main(['sync', '--config', configPath!], { stdout: quiet, stderr: errors, env: process.env, now: () => new Date('2026-11-23T08:00:00Z') });
  (globalThis as { gc?: () => void }).gc?.();
  runs.push({ rssMb: mb(process.memoryUsage().rss), liveHeapMb: mb(process.memoryUsage().heapUsed) });
}
const usage = process.resourceUsage();
writeFileSync(resultPath!, JSON.stringify({ code, peakRssMb: Math.round(usage.maxRSS / 1024), cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000), runs }));
process.exit(code);
