import type { TimeSpan } from './timeSpans.ts';

/**
 * In-progress spans as the Epics row's "In Progress" text, e.g.
 * "2026-10-01T09:00:00.000Z → 2026-10-20T17:30:00.000Z; 2026-11-02T09:00:00.000Z → now",
 * or "never". Times are kept to the millisecond, so spans read back from a row
 * weigh exactly what the changelog gave and an unchanged epic never looks changed.
 */
const NEVER = 'never';
const OPEN = 'now';
const ARROW = ' → ';
const SEPARATOR = '; ';
/** Notion's limit for one text value; the oldest spans give way first. */
const MAX_LENGTH = 2000;

export function formatSpans(spans: readonly TimeSpan[]): string {
  const parts = spans.map((s) => `${new Date(s.start).toISOString()}${ARROW}${s.end === null ? OPEN : new Date(s.end).toISOString()}`);
  while (parts.join(SEPARATOR).length > MAX_LENGTH) parts.shift();
  return parts.length ? parts.join(SEPARATOR) : NEVER;
}

/** The spans a row holds; undefined when it holds none (a row from before history was read) or text a person garbled. */
export function parseSpans(text: string | null): TimeSpan[] | undefined {
  if (!text) return undefined;
  if (text.trim() === NEVER) return [];
  const spans: TimeSpan[] = [];
  for (const part of text.split(SEPARATOR.trim())) {
    const [from, to] = part.split(ARROW.trim()).map((s) => s.trim());
    const start = Date.parse(from ?? '');
    const end = to === OPEN ? null : Date.parse(to ?? '');
    if (Number.isNaN(start) || (end !== null && Number.isNaN(end))) return undefined;
    spans.push({ start, end });
  }
  return spans;
}
