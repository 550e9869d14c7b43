import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { SecretScrubber } from './secrets.ts';

export type { Logger };

export interface LoggerOptions {
  /** Human-readable lines instead of JSON; the CLI picks this on a TTY or with --pretty. */
  pretty: boolean;
  level?: string;
  scrubber: SecretScrubber;
  /** Where lines go; stdout by default (cron and log shippers read it). */
  destination?: NodeJS.WritableStream;
}

/**
 * pino JSON lines, with authorization headers and token fields redacted by path
 * and every secret value scrubbed from the finished line.
 */
export function createLogger(options: LoggerOptions): Logger {
  const sink = options.destination ?? process.stdout;
  const scrubbed = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      sink.write(options.scrubber.scrub(chunk.toString()));
      done();
    },
  });
  const stream = options.pretty
    ? pretty({ colorize: 'isTTY' in sink && Boolean(sink.isTTY), destination: scrubbed, sync: true, ignore: 'pid,hostname' })
    : scrubbed;
  return pino(
    {
      level: options.level ?? 'info',
      base: { app: 'backbone-sync' },
      redact: {
        paths: ['authorization', '*.authorization', '*.headers.authorization', 'token', '*.token', 'apiToken', '*.apiToken'],
        censor: '[REDACTED]',
      },
    },
    stream,
  );
}
