import { resolve } from 'node:path';
import { threadId } from 'node:worker_threads';
import { emulatorHandlers } from '#sandbox/transports/msw.ts';
import { createSandboxWorld, sandboxConfig, sandboxEnv, type SandboxWorld, type WorldOptions } from '#sandbox/company/world.ts';
import { runCli, writeConfig, type CliResult } from './cliRun.ts';
import { server } from './mswServer.ts';

let instances = 0;

export interface SandboxHarness {
  world: SandboxWorld;
  configPath: string;
  /** Runs the CLI against the world, as cron would. */
  run(args: string[], now?: Date): Promise<CliResult>;
  /** The same, with some environment variables replaced, and optionally on a terminal. */
  runWithEnv(args: string[], env: Record<string, string>, now?: Date, options?: { terminal?: boolean }): Promise<CliResult>;
  /** Notion requests that change something, since the last reset. */
  notionWrites(): { method: string; path: string; body: Record<string, unknown> }[];
  resetLogs(): void;
}

/**
 * The sample company behind msw, and a config pointing the real CLI at it.
 * Rate limits are high so tests stay fast; the benchmark measures pacing.
 */
export type HarnessConfig = ReturnType<typeof sandboxConfig> & { jira: { retry: object }; notion: { retry: object }; balance: Record<string, unknown> };

export function sandboxHarness(options: WorldOptions & { config?: (c: HarnessConfig) => unknown } = {}): SandboxHarness {
  const world = createSandboxWorld(options);
  // Each harness gets its own hosts, so two worlds in one test never answer for each other, and,
  // since the run lock is keyed by the Notion base URL, test files in other threads or processes
  // (which share the pid or the temp dir) never hold this one's lock.
  instances += 1;
  const unique = `${process.pid}${threadId}${String(instances).padStart(4, '0')}`;
  const jiraHost = `https://sandbox-${unique}.atlassian.test`;
  const notionBase = `https://api-${unique}.notion.test`;
  server.use(...emulatorHandlers([
    { baseUrl: jiraHost, emulator: world.jiraNet },
    { baseUrl: notionBase, emulator: world.notionNet },
  ]));
  const fastRetries = { maxRetries: 5, baseDelayMs: 1, maxDelayMs: 5 };
  const sandbox = sandboxConfig({ jira: jiraHost, notion: notionBase }, resolve('mappings'), { notionRate: 1000 });
  // Rebuilding a trend from the changelog writes a dozen periods' rows; tests of other things start without one (history tests ask for it).
  const base = { ...sandbox, jira: { ...sandbox.jira, retry: fastRetries }, notion: { ...sandbox.notion, retry: fastRetries }, balance: { backfillPeriods: 0 } };
  const configPath = writeConfig(options.config ? options.config(base) : base);
  return {
    world,
    configPath,
    run: (args, now) => runCli([...args, '--config', configPath], sandboxEnv(), now),
    runWithEnv: (args, env, now, options) => runCli([...args, '--config', configPath], { ...sandboxEnv(), ...env }, now, options),
    notionWrites: () => world.notion.requestLog.filter((r) => r.method !== 'GET' && !r.path.endsWith('/query')),
    resetLogs: () => {
      world.notion.requestLog.length = 0;
      world.jira.requestLog.length = 0;
    },
  };
}
