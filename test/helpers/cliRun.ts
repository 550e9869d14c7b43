import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '#cli/main.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function capture(terminal: boolean) {
  let text = '';
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer, _enc, done) {
        text += chunk.toString();
        done();
      },
    }),
    { isTTY: terminal },
  );
  return { stream, text: () => text };
}

/** Runs the CLI in-process with captured output, as cron would (no TTY, JSON logs), or as a person would on a `terminal`. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv, now?: Date, { terminal = false } = {}): Promise<CliResult> {
  const out = capture(terminal);
  const err = capture(terminal);
  const code = await main(argv, {
    stdout: out.stream,
    stderr: err.stream,
    env,
    onSchemaMismatch: 'throw',
    ...(now ? { now: () => now } : {}),
  });
  return { code, stdout: out.text(), stderr: err.text() };
}

/** The JSON log lines a run wrote to stdout, parsed. */
export function logLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Writes a config to a fresh temp dir whose `mappings` points at the repo's mappings/. */
export function writeConfig(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'backbone-config-'));
  const path = join(dir, 'backbone-sync.config.json');
  const withMappings =
    config && typeof config === 'object' && !('mappings' in config) ? { ...config, mappings: resolve('mappings') } : config;
  writeFileSync(path, typeof withMappings === 'string' ? withMappings : JSON.stringify(withMappings, null, 2));
  return path;
}
