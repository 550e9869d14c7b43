import { execFile, spawn, type ChildProcessByStdio } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
// The Node running the tests (24) first on PATH, as `npm run` would put it.
const PATH = [dirname(process.execPath), process.env['PATH'] ?? ''].join(delimiter);

type Child = ChildProcessByStdio<null, Readable, Readable>;
let child: Child | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

/** What the child printed on stdout up to `marker`; rejects with its stderr if it exits first. */
function outputUntil(process: Child, marker: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    process.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    process.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(marker)) resolve(out);
    });
    process.once('exit', (code) => reject(new Error(`exited with ${code} before printing "${marker}": ${out}${err}`)));
  });
}

describe('npm run sandbox', () => {
  it('keeps the sandbox up, prints what a sync against it needs, and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backbone-sandbox-'));
    child = spawn(process.execPath, ['scripts/sandbox.ts', '--dir', dir, '--epics', '30'], {
      env: { PATH },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const printed = await outputUntil(child, 'Ctrl-C');

    const exported = /^export (.+)$/m.exec(printed)![1]!;
    const env = Object.fromEntries(exported.split(' ').map((pair) => pair.split('=') as [string, string]));
    expect(Object.keys(env).sort()).toEqual(['JIRA_API_TOKEN', 'JIRA_EMAIL', 'NOTION_TOKEN']);
    const config = /^npx backbone-sync sync --config (\S+) --dry-run$/m.exec(printed)![1]!;
    expect(printed).toMatch(/^npx backbone-sync daemon --config \S+ --schedule "[^"]+"/m);

    const sync = await run(process.execPath, ['bin/backbone-sync.js', 'sync', '--config', config, '--dry-run', '--table'], { env: { PATH, ...env } });
    expect(sync.stdout).toContain('planned (dry run: nothing written)');
    expect(sync.stderr).toContain('Portfolio balance');

    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(existsSync(join(dir, 'state.json'))).toBe(true);
  });
});
