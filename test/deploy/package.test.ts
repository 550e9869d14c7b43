import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxWorld, sandboxConfig, sandboxEnv } from '#sandbox/company/world.ts';
import { startSandboxServer, type SandboxServer } from '#sandbox/transports/server.ts';

const run = promisify(execFile);

/**
 * The package as a user gets it: `npm pack` (whose prepack builds dist/), the tarball
 * installed into an empty folder, the CLI started through npx. One pack and one
 * install per run, shared by every test below; the install prefers npm's cache.
 */
// npm's own variables leak into children when the suite runs under `npm test`; a user's shell has none.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));

interface Packed {
  filename: string;
  files: { path: string }[];
}

let dir: string;
let app: string;
let packed: Packed;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'backbone-package-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir], { env });
  packed = (JSON.parse(stdout) as Packed[])[0]!;
  app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{ "private": true }\n');
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', join(dir, packed.filename)], { cwd: app, env });
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const installed = () => join(app, 'node_modules', 'backbone-sync');

describe('the published package', () => {
  it('ships only the built CLI, the bundled rules, the example config and the README', () => {
    expect(packed.files.map((f) => f.path).sort()).toEqual([
      'README.md',
      'config.example.json',
      'dist/backbone-sync.js',
      'mappings/work-types.json',
      'package.json',
    ]);
  });

  it('installs without downloading a Node binary or any development tool', () => {
    const manifest = JSON.parse(readFileSync(join(installed(), 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest['private']).toBeUndefined();
    expect(manifest['engines']).toEqual({ node: '^24' });
    expect(Object.keys(manifest['dependencies'] as object)).not.toContain('node');
    for (const devTool of ['node', 'esbuild', 'typescript', 'vitest', 'msw']) {
      expect(existsSync(join(app, 'node_modules', devTool)), devTool).toBe(false);
    }
  });

  it('starts Node with the launcher\'s V8 flags', () => {
    const firstLine = (path: string) => readFileSync(path, 'utf8').split('\n')[0];
    expect(firstLine(join(installed(), 'dist', 'backbone-sync.js'))).toBe(firstLine('bin/backbone-sync.js'));
  });

  it('`npx backbone-sync --version` prints the package\'s version, and `--help` the usage', async () => {
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    expect((await run('npx', ['backbone-sync', '--version'], { cwd: app, env })).stdout.trim()).toBe(version);
    const { stdout } = await run('npx', ['backbone-sync', '--help'], { cwd: app, env });
    expect(stdout).toMatch(/^Usage: backbone-sync \[options\] \[command\]/m);
  });

  describe('against the sandbox over HTTP', () => {
    let server: SandboxServer;
    let world: ReturnType<typeof createSandboxWorld>;

    beforeAll(async () => {
      world = createSandboxWorld({ epics: 30 });
      server = await startSandboxServer({ jira: world.jiraNet, notion: world.notionNet });
    });
    afterAll(() => server.close());

    it('`npx backbone-sync sync --dry-run` succeeds on the bundled rules, from a config that names none', async () => {
      // The config alone in its folder, as a container mounts it at /config.
      const configDir = mkdtempSync(join(dir, 'config-'));
      const config = join(configDir, 'backbone-sync.config.json');
      writeFileSync(config, JSON.stringify(sandboxConfig({ jira: server.url, notion: server.url }, undefined, { notionRate: 1000 })));
      const { stdout } = await run('npx', ['backbone-sync', 'sync', '--dry-run', '--config', config], {
        cwd: app,
        env: { ...env, ...sandboxEnv() },
      });
      expect(stdout).toContain(`classification rules from ${join(installed(), 'mappings', 'work-types.json')} (bundled defaults)`);
      expect(stdout).toContain('"msg":"sync finished"');
      expect(world.notion.requestLog.filter((r) => r.method !== 'GET' && !r.path.endsWith('/query'))).toEqual([]);
    });
  });
});
