import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '#cli/main.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written to it; `terminal` makes it look like a TTY. */
export function capture(terminal = false) {
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

/** Writes a config (an object, or raw text) to a fresh temp dir; without `mappings` it runs on the bundled rules. */
export function writeConfig(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'backbone-config-'));
  const path = join(dir, 'backbone-sync.config.json');
  writeFileSync(path, typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  return path;
}
