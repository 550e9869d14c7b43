// The sandbox as `npm run demo` and `npm run sandbox` both start it: the sample
// company on the emulated Jira and Notion, served over HTTP on 127.0.0.1, with a
// config file pointing at it. Its workspace is kept in a folder between runs.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { startSandboxServer } from '#sandbox/transports/server.ts';
import { createSandboxWorld, sandboxConfig, sandboxEnv, snapshotWorld, type SandboxWorld } from '#sandbox/company/world.ts';

/** The command-line options both scripts take, for node:util's parseArgs. */
export const SANDBOX_OPTIONS = {
  reset: { type: 'boolean', default: false },
  epics: { type: 'string', default: '300' },
} as const;

// The sandbox lets a sync go ten times faster than Notion's 3 requests/second.
const SANDBOX_NOTION_RATE = 30;
// A fixed port keeps the Jira URLs on the rows identical between runs; any free port will do if it is taken.
const PREFERRED_PORT = 47123;

export interface SandboxSession {
  world: SandboxWorld;
  /** http://127.0.0.1:<port>, serving both Jira and Notion. */
  url: string;
  configPath: string;
  /** The fake credentials the config's environment variables must hold. */
  env: Record<string, string>;
  /** Whether the workspace was restored from an earlier run. */
  restored: boolean;
  /** Keeps the workspace for the next run, then stops serving. */
  close(): Promise<void>;
}

export async function openSandboxSession(options: { dir: string; reset: boolean; epics: number }): Promise<SandboxSession> {
  const dir = resolve(options.dir);
  const statePath = join(dir, 'state.json');
  const configPath = join(dir, 'backbone-sync.config.json');
  if (options.reset) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  const saved = existsSync(statePath) ? (JSON.parse(readFileSync(statePath, 'utf8')) as { jira: unknown; notion: unknown }) : undefined;
  const world = createSandboxWorld({ epics: options.epics, ...(saved ? { saved } : {}) });
  world.notionNet.setRateLimit({ requestsPerSecond: SANDBOX_NOTION_RATE, burst: SANDBOX_NOTION_RATE });
  const server = await startSandboxServer({ jira: world.jiraNet, notion: world.notionNet, port: PREFERRED_PORT }).catch(() =>
    startSandboxServer({ jira: world.jiraNet, notion: world.notionNet }),
  );
  // The config's mappings path is read relative to the config file.
  const mappings = relative(dir, resolve('mappings'));
  const config = sandboxConfig({ jira: server.url, notion: server.url }, mappings, { notionRate: SANDBOX_NOTION_RATE });
  writeFileSync(configPath, JSON.stringify(config, null, 2));

  return {
    world,
    url: server.url,
    configPath,
    env: sandboxEnv(),
    restored: saved !== undefined,
    async close() {
      writeFileSync(statePath, JSON.stringify(snapshotWorld(world)));
      await server.close();
    },
  };
}
