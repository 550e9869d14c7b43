export type PeriodKind = 'day' | 'week' | 'month';

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO-8601 week label (2026-W48): weeks start on Monday, week 1 holds the year's first Thursday. */
function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${pad(week)}`;
}

/** The period a moment falls in, in UTC, as the label stored on balance rows. */
export function periodOf(date: Date, kind: PeriodKind): string {
  if (kind === 'week') return isoWeek(date);
  const month = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`;
  return kind === 'month' ? month : `${month}-${pad(date.getUTCDate())}`;
}
