/**
 * JQL date values: epoch milliseconds, "yyyy-MM-dd[ HH:mm]" read in the user's
 * time zone, or relative offsets like -90d. Jira compares at minute precision.
 */
export function floorMinute(ms: number): number {
  return Math.floor(ms / 60_000) * 60_000;
}

/** Formatters by time zone: making one costs far more than using it, and changelogs format thousands of times. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** How far a time zone's wall clock is ahead of UTC at a moment, in ms. */
export function offsetMs(epoch: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(epoch))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']));
  return asUtc - Math.floor(epoch / 1000) * 1000;
}

/** A wall-clock time in a time zone, as epoch ms. */
export function zonedToEpoch(y: number, mo: number, d: number, h: number, mi: number, timeZone: string): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const first = guess - offsetMs(guess, timeZone);
  return guess - offsetMs(first, timeZone);
}

const RELATIVE = /^([+-]?\d+)([wdhm])$/i;
const ABSOLUTE = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:\s+(\d{2}):(\d{2}))?$/;

/** A JQL date value as epoch ms, or null when it is not one. */
export function parseJqlDate(text: string, timeZone: string, now: number): number | null {
  if (/^\d{10,}$/.test(text)) return Number(text);
  const relative = RELATIVE.exec(text);
  if (relative) {
    const unit = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000 }[relative[2]!.toLowerCase() as 'w' | 'd' | 'h' | 'm'];
    return now + Number(relative[1]) * unit;
  }
  const absolute = ABSOLUTE.exec(text);
  if (!absolute) return null;
  const [, y, mo, d, h, mi] = absolute;
  return zonedToEpoch(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), timeZone);
}
