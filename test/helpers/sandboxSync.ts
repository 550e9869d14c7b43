import { resolve } from 'node:path';
import { emulatorHandlers } from '../../sandbox/msw.ts';
import { createSandboxWorld, sandboxConfig, sandboxEnv, type SandboxWorld, type WorldOptions } from '../../sandbox/world.ts';
import { runCli, writeConfig, type CliResult } from './cliRun.ts';
import { server } from './mswServer.ts';

export const JIRA_HOST = 'https://sandbox.atlassian.test';
export const NOTION_BASE = 'https://api.notion.test';

export interface SandboxHarness {
  world: SandboxWorld;
  configPath: string;
  /** Runs the CLI against the world, as cron would. */
  run(args: string[], now?: Date): Promise<CliResult>;
  /** Notion requests that change something, since the last reset. */
  notionWrites(): { method: string; path: string; body: Record<string, unknown> }[];
  resetLogs(): void;
}

/**
 * The sample company behind msw, and a config pointing the real CLI at it.
 * Rate limits are high so tests stay fast; the benchmark measures pacing.
 */
export function sandboxHarness(options: WorldOptions & { config?: (c: ReturnType<typeof sandboxConfig>) => unknown } = {}): SandboxHarness {
  const world = createSandboxWorld(options);
  server.use(...emulatorHandlers([
    { baseUrl: JIRA_HOST, emulator: world.jiraNet },
    { baseUrl: NOTION_BASE, emulator: world.notionNet },
  ]));
  const base = sandboxConfig({ jira: JIRA_HOST, notion: NOTION_BASE }, resolve('mappings'), { notionRate: 1000 });
  const configPath = writeConfig(options.config ? options.config(base) : base);
  return {
    world,
    configPath,
    run: (args, now) => runCli([...args, '--config', configPath], sandboxEnv(), now),
    notionWrites: () => world.notion.requestLog.filter((r) => r.method !== 'GET' && !r.path.endsWith('/query')),
    resetLogs: () => {
      world.notion.requestLog.length = 0;
      world.jira.requestLog.length = 0;
    },
  };
}
