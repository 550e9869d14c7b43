import { describe, expect, it } from 'vitest';
import { formatBalanceTable } from '#cli/formatBalanceTable.ts';
import { defaultBalanceConfig } from '#config/schema.ts';
import { computeBalance } from '#core/balance.ts';
import { dashboardDoc } from '#core/dashboardDoc.ts';
import { strategyWithoutWork } from '#core/strategyCoverage.ts';
import { restatements } from '#core/history/restatement.ts';
import { periodSpanOf } from '#core/periodSpan.ts';
import type { PortfolioEpic } from '#core/portfolioEpic.ts';
import { balanceRows, type StoredBalanceRow } from '#core/tables/balanceTable.ts';
import { describeDisagreement, weighedCells, weightDisagreements } from '#core/weightDisagreement.ts';
import { defaultMappings } from '../helpers/epicFactory.ts';

const NOW = new Date('2026-11-25T08:00:00Z');
const WEEK = periodSpanOf(NOW, 'week'); // 23 to 30 November
const day = (d: number) => Date.parse(`2026-11-${String(d).padStart(2, '0')}T00:00:00Z`);
let n = 0;
const e = (team: string, workTypeId: string, storyPoints: number, inProgress: PortfolioEpic['inProgress']): PortfolioEpic => ({
  id: String(++n),
  key: `${team}-${n}`,
  summary: 'x',
  team,
  statusCategory: 'indeterminate',
  resolved: null,
  storyPoints,
  workTypeId,
  impactIds: [],
  usageIds: [],
  inProgress,
});
// PLAT: a big Growth epic barely worked on, a small Debt epic worked on all week.
const epics = [e('PLAT', 'growth', 20, [{ start: day(28), end: null }]), e('PLAT', 'debt', 5, [{ start: day(1), end: null }]), e('PLAT', 'debt', 5, [{ start: day(20), end: day(24) }])];
const balance = (window?: typeof WEEK) =>
  computeBalance({ epics, workTypes: defaultMappings().workTypes, strategy: [], teamTargets: {}, policy: defaultBalanceConfig(), now: NOW, window });
const cell = (b: ReturnType<typeof balance>, type: string) => b.cells.find((c) => c.scope.name === 'PLAT' && c.workType.id === type)!;

describe('the time weight', () => {
  it('is the days each epic spent in progress within the period, beside epics and points', () => {
    const b = balance(WEEK);
    expect(cell(b, 'growth')).toMatchObject({ epics: 1, points: 20, pointShare: 66.7, daysInProgress: 2, timeShare: 20 });
    expect(cell(b, 'debt')).toMatchObject({ epics: 2, points: 10, pointShare: 33.3, daysInProgress: 8, timeShare: 80 });
    expect(b.summaries.find((s) => s.scope.name === 'PLAT')!.daysInProgress).toBe(10);
  });

  it('weighs nothing without a period', () => {
    expect(cell(balance(), 'debt')).toMatchObject({ daysInProgress: 0, timeShare: 0 });
  });
});

describe('where the weights disagree', () => {
  it('names the scope, the work type and the two weights furthest apart, widest gap first', () => {
    const found = weightDisagreements(weighedCells(balance(WEEK).cells), 5);
    expect(found.map(describeDisagreement)).toEqual(['Portfolio: Growth 67% of points, 20% of time in progress', 'PLAT: Growth 67% of points, 20% of time in progress']);
    expect(weightDisagreements(weighedCells(balance(WEEK).cells), 50)).toEqual([]);
  });

  it('the terminal table and the dashboard show time beside points, and the disagreement', () => {
    const b = balance(WEEK);
    const table = formatBalanceTable(b.cells, { colour: false, period: WEEK.label, tolerancePp: 5 });
    expect(table).toMatch(/Points +Point % +Days +Time %/);
    expect(table).toContain('  PLAT: Growth 67% of points, 20% of time in progress');
    const policy = { ...defaultBalanceConfig(), tolerancePp: 5 };
    const doc = JSON.stringify(dashboardDoc({ balance: b, period: WEEK.label, strategy: [], policy, gaps: strategyWithoutWork([], []), moved: null }));
    expect(doc).toContain('Growth: 33% of epics, 67% of points, 20% of days in progress');
    expect(doc).toContain('PLAT: Growth 67% of points, 20% of time in progress');
  });
});

describe('a restatement, as logged', () => {
  it('counts the rows it adds, changes and removes per period and names the portfolio shares that moved', () => {
    const before = balanceRows(balance(WEEK), '2026-W48');
    const stored: StoredBalanceRow[] = [...before, { ...before[0]!, key: 'team:GONE|growth|2026-W48' }].map((r, i) => ({ ...r, pageId: `p${i}`, values: r.values as StoredBalanceRow['values'] }));
    const relabelled = [{ ...epics[0]!, workTypeId: 'debt' }, ...epics.slice(1)];
    const after = balanceRows(computeBalance({ epics: relabelled, workTypes: defaultMappings().workTypes, strategy: [], teamTargets: {}, policy: defaultBalanceConfig(), now: NOW, window: WEEK }), '2026-W48');
    const [change] = restatements(stored, after);
    expect(change).toMatchObject({ period: '2026-W48', added: 0, removed: 1, shifts: ['Growth 66.7% → 0% of points', 'Debt & Evolution 33.3% → 100% of points'] });
    expect(change!.changed).toBeGreaterThan(2);
    expect(restatements(stored.slice(0, -1), before)).toEqual([]);
  });
});
