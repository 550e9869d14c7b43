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

function capture() {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

/** Runs the CLI in-process with captured output, as cron would: no TTY, JSON logs. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv, now?: Date): Promise<CliResult> {
  const out = capture();
  const err = capture();
  const code = await main(argv, {
    stdout: out.stream,
    stderr: err.stream,
    env,
    onSchemaMismatch: 'throw',
    ...(now ? { now: () => now } : {}),
  });
  return { code, stdout: out.text(), stderr: err.text() };
}

/** Writes a config (an object, or raw text) to a fresh temp dir; without `mappings` it runs on the bundled rules. */
export function writeConfig(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'backbone-config-'));
  const path = join(dir, 'backbone-sync.config.json');
  writeFileSync(path, typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  return path;
}
