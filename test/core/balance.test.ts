import { describe, expect, it } from 'vitest';
import { computeBalance, type BalanceInput } from '#core/balance.ts';
import { defaultBalanceConfig } from '#config/schema.ts';
import { sharesOf } from '#core/percent.ts';
import type { PortfolioEpic } from '#core/portfolioEpic.ts';
import type { StrategyPage } from '#core/strategy.ts';
import { defaultMappings } from '../helpers/epicFactory.ts';

const workTypes = defaultMappings().workTypes; // innovation 20, growth 50, debt 30
const NOW = new Date('2026-11-23T08:00:00Z');
let n = 0;
const e = (workTypeId: string, overrides: Partial<PortfolioEpic> = {}): PortfolioEpic => ({
  id: String(++n),
  key: `PAY-${n}`,
  summary: 'x',
  team: 'PAY',
  statusCategory: 'indeterminate',
  resolved: null,
  storyPoints: null,
  workTypeId,
  impactIds: ['imp-1'],
  usageIds: ['use-1'],
  ...overrides,
});
const page = (id: string, title: string, layer: 'Impact' | 'Usage', flow: StrategyPage['flow'] = null): StrategyPage => ({
  id,
  title,
  layer,
  slug: id,
  flow,
  keywords: [],
  url: '',
});
const strategy = [
  page('imp-1', 'Faster payouts', 'Impact'),
  page('imp-2', 'Trusted reporting', 'Impact'),
  page('use-1', 'First payment', 'Usage', 'Activation'),
  page('use-2', 'Everyday invoicing', 'Usage', 'Core Experience'),
];
const balance = (epics: PortfolioEpic[], overrides: Partial<BalanceInput> = {}) =>
  computeBalance({ epics, workTypes, strategy, teamTargets: {}, policy: defaultBalanceConfig(), now: NOW, ...overrides });
const cell = (b: ReturnType<typeof balance>, scope: string, type: string) =>
  b.cells.find((c) => c.scope.name === scope && c.workType.id === type)!;

describe('portfolio balance', () => {
  const portfolio = [
    e('growth', { team: 'PAY', storyPoints: 8 }),
    e('debt', { team: 'PAY', storyPoints: 2 }),
    e('debt', { team: 'PLAT', storyPoints: 5, impactIds: [], usageIds: ['use-2'] }),
    e('unclassified', { team: 'PLAT', storyPoints: null, impactIds: ['imp-1', 'imp-2'], usageIds: [] }),
  ];

  it('shares by count and by points, with Unclassified as its own row, add up to 100', () => {
    const b = balance(portfolio);
    expect(cell(b, 'Portfolio', 'debt')).toMatchObject({ epics: 2, points: 7, epicShare: 50, pointShare: 46.7 });
    expect(cell(b, 'Portfolio', 'growth')).toMatchObject({ epics: 1, points: 8, epicShare: 25, pointShare: 53.3 });
    expect(cell(b, 'Portfolio', 'unclassified')).toMatchObject({ epics: 1, points: 0, epicShare: 25, pointShare: 0, target: null, status: null });
    const portfolioCells = b.cells.filter((c) => c.scope.kind === 'portfolio');
    expect(portfolioCells.reduce((s, c) => s + c.pointShare, 0)).toBeCloseTo(100, 6);
  });

  it('drift is actual minus target in points share, with a status by tolerance', () => {
    const b = balance(portfolio);
    expect(cell(b, 'Portfolio', 'debt')).toMatchObject({ target: 30, driftPp: 16.7, status: 'over' });
    expect(cell(b, 'Portfolio', 'growth')).toMatchObject({ target: 50, driftPp: 3.3, status: 'on track' });
    expect(cell(b, 'Portfolio', 'innovation')).toMatchObject({ target: 20, driftPp: -20, status: 'under' });
    // The unclassified epic has no points here, so the classified shares equal the shares of all points.
    expect(cell(b, 'Portfolio', 'debt').classifiedShare).toBe(46.7);
  });

  it('drift can be measured on epic counts instead', () => {
    const b = balance(portfolio, { policy: { ...defaultBalanceConfig(), driftBasis: 'epics' } });
    expect(cell(b, 'Portfolio', 'debt')).toMatchObject({ classifiedShare: 66.7, driftPp: 36.7, status: 'over' });
  });

  it('measures drift on the share of classified work, so unclassified work does not show as a type under target', () => {
    // Half the points are unclassified; the classified half splits exactly as the targets say.
    const b = balance([e('unclassified', { storyPoints: 50 }), e('growth', { storyPoints: 25 }), e('debt', { storyPoints: 15 }), e('innovation', { storyPoints: 10 })]);
    expect(cell(b, 'Portfolio', 'growth')).toMatchObject({ pointShare: 25, classifiedShare: 50, target: 50, driftPp: 0, status: 'on track' });
    expect(cell(b, 'Portfolio', 'innovation')).toMatchObject({ pointShare: 10, classifiedShare: 20, driftPp: 0 });
    expect(cell(b, 'Portfolio', 'unclassified')).toMatchObject({ pointShare: 50, classifiedShare: null, target: null, driftPp: null });
  });

  it('a per-team target overrides the work type target for that team only', () => {
    const b = balance(portfolio, { teamTargets: { PLAT: { debt: 60, growth: 20 } } });
    expect(cell(b, 'PLAT', 'debt')).toMatchObject({ target: 60 });
    expect(cell(b, 'PAY', 'debt')).toMatchObject({ target: 30 });
  });

  it('scopes: portfolio, each team, each Impact target, each Usage flow', () => {
    const b = balance(portfolio);
    const scopes = [...new Set(b.cells.map((c) => `${c.scope.kind}:${c.scope.name}`))];
    expect(scopes).toEqual([
      'portfolio:Portfolio',
      'team:PAY',
      'team:PLAT',
      'impact:Faster payouts',
      'impact:Trusted reporting',
      'flow:Activation',
      'flow:Core Experience',
    ]);
    expect(cell(b, 'Faster payouts', 'growth')).toMatchObject({ epics: 1 });
    expect(cell(b, 'Core Experience', 'debt')).toMatchObject({ epics: 1, pointShare: 100 });
  });

  it('connection to strategy: linked shares by count and points, and orphans', () => {
    const summary = balance(portfolio).summaries.find((s) => s.scope.kind === 'portfolio')!;
    expect(summary).toMatchObject({
      epics: 4,
      points: 15,
      impactLinkedEpicShare: 75,
      impactLinkedPointShare: 66.7,
      usageLinkedEpicShare: 75,
      usageLinkedPointShare: 100,
      orphans: 2,
    });
  });

  it('unestimated epics weigh zero by default, or the average estimate if chosen', () => {
    const epics = [e('growth', { storyPoints: 4 }), e('debt', { storyPoints: 2 }), e('debt', { storyPoints: null })];
    expect(cell(balance(epics), 'Portfolio', 'debt').points).toBe(2);
    const averaged = balance(epics, { policy: { ...defaultBalanceConfig(), unestimatedPoints: 'average' } });
    expect(cell(averaged, 'Portfolio', 'debt').points).toBe(5);
    expect(cell(averaged, 'Portfolio', 'debt').pointShare).toBe(55.6);
  });

  it('counts open work and work done in the recent window, not old done work', () => {
    const epics = [
      e('growth', { statusCategory: 'new' }),
      e('debt', { statusCategory: 'done', resolved: '2026-11-10T00:00:00Z' }),
      e('innovation', { statusCategory: 'done', resolved: '2026-06-01T00:00:00Z' }),
    ];
    const b = balance(epics);
    expect(b.summaries[0]!.epics).toBe(2);
    expect(cell(b, 'Portfolio', 'innovation').epics).toBe(0);
    const all = balance(epics, { policy: { ...defaultBalanceConfig(), statusCategories: ['new', 'indeterminate', 'done'] } });
    expect(all.summaries[0]!.epics).toBe(3);
  });

  it('an empty portfolio has all-zero shares, not NaN, and one scope', () => {
    const b = balance([]);
    expect(b.cells).toHaveLength(4);
    expect(b.cells.every((c) => c.epicShare === 0 && c.pointShare === 0)).toBe(true);
    expect(b.summaries).toEqual([expect.objectContaining({ epics: 0, orphans: 0, impactLinkedEpicShare: 0 })]);
  });

  it('a single team: its breakdown equals the portfolio', () => {
    const b = balance([e('growth', { storyPoints: 3 }), e('debt', { storyPoints: 1 })]);
    const strip = (scope: string) => b.cells.filter((c) => c.scope.name === scope).map(({ scope: _, ...rest }) => rest);
    expect(strip('PAY')).toEqual(strip('Portfolio'));
  });

  it('an epic whose work type was removed from the mappings counts as Unclassified', () => {
    expect(cell(balance([e('regulatory')]), 'Portfolio', 'unclassified').epics).toBe(1);
  });

  it('rounded shares always add up to exactly 100', () => {
    expect(sharesOf([1, 1, 1])).toEqual([33.4, 33.3, 33.3]);
    expect(sharesOf([0, 0])).toEqual([0, 0]);
  });
  it.each(['zero', 'average'] as const)(
    'cannot produce a non-finite number, whatever points it is given (a person can type any number into Notion); unestimated = %s',
    (unestimatedPoints) => {
      const points = [1e308, 1e308, Number.MAX_VALUE, Infinity, -Infinity, NaN, -3, 1e21, 5];
      const epics = points.map((storyPoints, i) => e(i % 2 ? 'growth' : 'debt', { storyPoints, team: i % 3 ? 'PAY' : 'PLAT' }));
      const b = balance(epics, { policy: { ...defaultBalanceConfig(), unestimatedPoints } });
      const numbers = [...b.cells, ...b.summaries].flatMap((c) => Object.values(c).filter((v): v is number => typeof v === 'number'));
      expect(numbers.length).toBeGreaterThan(0);
      for (const n of numbers) expect(Number.isFinite(n)).toBe(true);
      // Only the plausible estimate (5 points, a debt epic) is summed.
      expect(cell(b, 'Portfolio', 'debt').points).toBe(unestimatedPoints === 'zero' ? 5 : 25);
    },
  );
});
