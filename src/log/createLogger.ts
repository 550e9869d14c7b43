import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

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
  /**
   * Where lines go; stdout by default (cron and log shippers read it). The CLI
   * passes its guarded stdout, which scrubs secret values from every line.
   */
  destination?: NodeJS.WritableStream;
}

/** pino JSON lines (or pino-pretty's), with authorization headers and token fields redacted by path. */
export function createLogger(options: LoggerOptions): Logger {
  const sink = options.destination ?? process.stdout;
  const stream = options.pretty ? pretty({ colorize: options.colour ?? false, destination: sink, sync: true, ignore: 'pid,hostname' }) : sink;
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
