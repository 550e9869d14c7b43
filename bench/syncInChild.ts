// One `sync` as the launcher runs it, in its own process so its peak RSS is its
// own (the sandbox serving it runs in the parent). Usage:
//   node <the launcher's flags> bench/syncInChild.ts <config> <result.json>
// Writes {code, peakRssMb, cpuMs} to result.json; logs go nowhere.
import { writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { main } from '#cli/main.ts';

const [configPath, resultPath] = process.argv.slice(2);
const quiet = new Writable({ write: (_c, _e, done) => done() });
// Failures still reach the parent, which reports them.
const errors = process.env['BENCH_SHOW_ERRORS'] ? process.stderr : quiet;
const code = await main(['sync', '--config', configPath!], { stdout: quiet, stderr: errors, env: process.env, now: () => new Date('2026-11-23T08:00:00Z') });
const usage = process.resourceUsage();
writeFileSync(resultPath!, JSON.stringify({ code, peakRssMb: Math.round(usage.maxRSS / 1024), cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000) }));
process.exit(code);
