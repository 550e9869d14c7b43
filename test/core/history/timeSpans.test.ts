import { describe, expect, it } from 'vitest';
import type { FieldChange } from '#core/history/fieldChange.ts';
import { formatSpans, parseSpans } from '#core/history/spanText.ts';
import { daysWithin, inProgressSpans, spansOrAssumed } from '#core/history/timeSpans.ts';
import { closedPeriodsBefore, periodSpanOf } from '#core/periodSpan.ts';

const at = (iso: string) => Date.parse(iso);
const status = (iso: string, from: 'new' | 'indeterminate' | 'done', to: 'new' | 'indeterminate' | 'done'): FieldChange => ({
  at: at(iso),
  field: 'status',
  from: { name: from, category: from },
  to: { name: to, category: to },
});

describe('time in progress', () => {
  const history = [
    status('2026-10-28T00:00:00Z', 'new', 'indeterminate'),
    status('2026-11-04T00:00:00Z', 'indeterminate', 'done'),
    status('2026-11-11T00:00:00Z', 'done', 'indeterminate'),
  ];
  const spans = inProgressSpans({ created: '2026-10-01T00:00:00.000Z', statusCategory: 'indeterminate' }, history);

  it('each stretch in an In-Progress-category status is a span; the one still going has no end', () => {
    expect(spans).toEqual([
      { start: at('2026-10-28T00:00:00Z'), end: at('2026-11-04T00:00:00Z') },
      { start: at('2026-11-11T00:00:00Z'), end: null },
    ]);
  });

  it('counts the days within a period, an open span to the period\'s end', () => {
    expect(daysWithin(spans, periodSpanOf(new Date('2026-10-28T00:00:00Z'), 'week'))).toBe(5);
    expect(daysWithin(spans, periodSpanOf(new Date('2026-11-03T00:00:00Z'), 'week'))).toBe(2);
    expect(daysWithin(spans, periodSpanOf(new Date('2026-11-09T00:00:00Z'), 'week'))).toBe(5);
    expect(daysWithin(spans, periodSpanOf(new Date('2026-11-23T00:00:00Z'), 'week'))).toBe(7);
  });

  it('an epic created in progress (no status change yet) is in progress from its creation', () => {
    expect(inProgressSpans({ created: '2026-11-10T00:00:00.000Z', statusCategory: 'indeterminate' }, [])).toEqual([{ start: at('2026-11-10T00:00:00Z'), end: null }]);
  });

  it('an epic whose changelog was never read counts as in progress all along only if it is now', () => {
    expect(daysWithin(spansOrAssumed({ statusCategory: 'indeterminate' }), periodSpanOf(new Date('2026-11-23T00:00:00Z'), 'week'))).toBe(7);
    expect(spansOrAssumed({ statusCategory: 'done' })).toEqual([]);
  });

  it('the spans survive the round trip through the Epics row exactly, and garbled text counts as unknown', () => {
    expect(parseSpans(formatSpans(spans))).toEqual(spans);
    expect(formatSpans([])).toBe('never');
    expect(parseSpans('never')).toEqual([]);
    expect(parseSpans(null)).toBeUndefined();
    expect(parseSpans('since Tuesday')).toBeUndefined();
  });
});

describe('periods as time ranges', () => {
  it('ISO weeks start on Monday, across a year boundary too', () => {
    expect(periodSpanOf(new Date('2026-11-25T15:00:00Z'), 'week')).toEqual({ label: '2026-W48', start: at('2026-11-23T00:00:00Z'), end: at('2026-11-30T00:00:00Z') });
    expect(periodSpanOf(new Date('2027-01-01T12:00:00Z'), 'week')).toEqual({ label: '2026-W53', start: at('2026-12-28T00:00:00Z'), end: at('2027-01-04T00:00:00Z') });
  });

  it('the closed periods before now, oldest first, for days, weeks and months', () => {
    const now = new Date('2026-03-02T08:00:00Z');
    expect(closedPeriodsBefore(now, 'month', 3).map((p) => p.label)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(closedPeriodsBefore(now, 'week', 2).map((p) => p.label)).toEqual(['2026-W08', '2026-W09']);
    expect(closedPeriodsBefore(now, 'day', 2).map((p) => [p.label, p.end - p.start])).toEqual([['2026-02-28', 86_400_000], ['2026-03-01', 86_400_000]]);
  });
});
