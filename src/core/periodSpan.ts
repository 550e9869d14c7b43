import { periodOf, type PeriodKind } from './period.ts';

/** A period as a time range, [start, end) in epoch ms, with the label its balance rows carry. */
export interface PeriodSpan {
  label: string;
  start: number;
  end: number;
}

const DAY = 86_400_000;

function startOf(ms: number, kind: PeriodKind): number {
  const d = new Date(ms);
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  if (kind === 'day') return day;
  if (kind === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  // ISO weeks start on Monday.
  return day - (((d.getUTCDay() || 7) - 1) * DAY);
}

function nextStart(start: number, kind: PeriodKind): number {
  if (kind === 'day') return start + DAY;
  if (kind === 'week') return start + 7 * DAY;
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** The period a moment falls in (UTC, like `periodOf`), with its bounds. */
export function periodSpanOf(at: Date, kind: PeriodKind): PeriodSpan {
  const start = startOf(at.getTime(), kind);
  return { label: periodOf(at, kind), start, end: nextStart(start, kind) };
}

/** The `count` periods that ended before the one `now` falls in, oldest first. */
export function closedPeriodsBefore(now: Date, kind: PeriodKind, count: number): PeriodSpan[] {
  const spans: PeriodSpan[] = [];
  let end = periodSpanOf(now, kind).start;
  for (let i = 0; i < count; i += 1) {
    const span = periodSpanOf(new Date(end - 1), kind);
    spans.unshift(span);
    end = span.start;
  }
  return spans;
}
