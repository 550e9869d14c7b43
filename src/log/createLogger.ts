import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { SecretScrubber } from './secrets.ts';

export type { Logger };

/** The levels a user can choose, least severe first. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggerOptions {
  /** Human-readable lines instead of JSON; the CLI picks this on a TTY or with --pretty. */
  pretty: boolean;
  /** Colours in pretty lines; the CLI decides (terminal, NO_COLOR, FORCE_COLOR). */
  colour?: boolean;
  level?: LogLevel;
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
    ? pretty({ colorize: options.colour ?? false, destination: scrubbed, sync: true, ignore: 'pid,hostname' })
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
