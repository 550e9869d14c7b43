import { Cron } from 'croner';
import { ConfigError } from '#core/errors.ts';

/** A cron expression croner accepts, and the time zone its times are read in. */
export interface Schedule {
  expression: string;
  /** An IANA zone such as Europe/Berlin; absent means the machine's own (TZ). */
  timeZone?: string;
}

/** The zone's canonical name ("europe/berlin" → "Europe/Berlin"), or undefined if Node does not know it. */
function canonicalTimeZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * Checks `--schedule` and `--tz` the way croner will read them, so a bad one
 * stops the daemon at start rather than at its first tick. Every problem is
 * reported at once, each naming its flag.
 */
export function parseSchedule(expression: string, timeZone?: string): Schedule {
  const problems: string[] = [];
  const zone = timeZone === undefined ? undefined : canonicalTimeZone(timeZone);
  if (timeZone !== undefined && !zone) {
    problems.push(`--tz: "${timeZone}" is not a time zone; use an IANA name such as "Europe/Berlin", "America/New_York" or "UTC"`);
  }
  const schedule: Schedule = { expression, ...(zone ? { timeZone: zone } : {}) };
  try {
    const next = new Cron(expression, { paused: true, ...(zone ? { timezone: zone } : {}) }).nextRun();
    if (!next) problems.push(`--schedule: "${expression}" has no run in the future; check its year field`);
  } catch (error) {
    problems.push(`--schedule: "${expression}" is not a cron expression (${(error as Error).message})`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return schedule;
}
