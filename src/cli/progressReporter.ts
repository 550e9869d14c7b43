import type { WriteProgress } from '#engine/runSync.ts';
import type { Logger } from '#log/createLogger.ts';

export interface ProgressOptions {
  logger: Logger;
  /** A one-line bar redrawn in place, on a terminal only; absent elsewhere. */
  statusLine?: ((text: string) => void) | undefined;
  now?: () => number;
  /** How often a `progress` log line is written while a table's rows are written. */
  everyMs?: number;
}

const BAR_WIDTH = 24;
/** Redraws of the terminal bar at most this often: a fast run would otherwise spend its time drawing. */
const REDRAW_MS = 100;

function eta(startedAt: number, now: number, done: number, total: number): number | null {
  if (done === 0) return null;
  return Math.round((((now - startedAt) / done) * (total - done)) / 1000);
}

function duration(seconds: number | null): string {
  if (seconds === null) return '…';
  return seconds >= 60 ? `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
}

/**
 * What a long run says while it writes: a first sync of 5,000 epics takes half
 * an hour at Notion's pace, and silence for that long looks like a hang. A
 * `progress` log line when a table's writes start and then every `everyMs`
 * (table, done, total, etaSeconds), and on a terminal a bar redrawn in place.
 */
export function progressReporter(options: ProgressOptions): (progress: WriteProgress) => void {
  const now = options.now ?? Date.now;
  const everyMs = options.everyMs ?? 10_000;
  let table = '';
  let startedAt = 0;
  let loggedAt = 0;
  let drawnAt = 0;
  return ({ table: name, done, total }) => {
    const at = now();
    if (name !== table || done === 0) {
      table = name;
      startedAt = at;
      loggedAt = -Infinity;
      drawnAt = -Infinity;
    }
    const etaSeconds = eta(startedAt, at, done, total);
    if (at - loggedAt >= everyMs) {
      loggedAt = at;
      options.logger.info({ table: name, done, total, etaSeconds }, 'progress');
    }
    if (options.statusLine && (at - drawnAt >= REDRAW_MS || done === total)) {
      drawnAt = at;
      const filled = Math.round((done / total) * BAR_WIDTH);
      const bar = `${'█'.repeat(filled)}${'·'.repeat(BAR_WIDTH - filled)}`;
      options.statusLine(done === total ? '' : `${name} ${bar} ${done}/${total} (${Math.floor((done / total) * 100)}%), about ${duration(etaSeconds)} left`);
    }
  };
}
