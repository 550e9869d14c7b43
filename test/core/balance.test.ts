import { describe, expect, it } from 'vitest';
import { computeBalance, type ClassifiedEpic } from '../../src/core/balance.ts';
import { compileClassifier } from '../../src/core/classify.ts';
import { sharesOf } from '../../src/core/percent.ts';
import { portfolioEpicOf } from '../../src/core/portfolioEpic.ts';
import { defaultMappings, epic } from '../helpers/epicFactory.ts';

const mappings = defaultMappings();
const classify = compileClassifier(mappings);
const noLinks = { impact: [], usage: [], unknownLabels: [] };
const classified = (...epics: ReturnType<typeof epic>[]) =>
  epics.map((e): ClassifiedEpic => ({ epic: e, classification: classify(e), links: noLinks })).map(portfolioEpicOf);

describe('portfolio balance', () => {
  it('shares by count and by points, overall and per team, with Unclassified as its own row', () => {
    const cells = computeBalance(
      classified(
        epic({ team: 'PAY', labels: ['work-growth'], storyPoints: 8 }),
        epic({ team: 'PAY', labels: ['work-debt'], storyPoints: 2 }),
        epic({ team: 'PLAT', labels: ['work-debt'], storyPoints: 5 }),
        epic({ team: 'PLAT', labels: [], storyPoints: null }),
      ),
      mappings.workTypes,
    );
    const row = (scope: string, type: string) => cells.find((c) => c.scope.name === scope && c.workType.id === type)!;
    expect(row('Portfolio', 'debt')).toMatchObject({ epics: 2, points: 7, epicShare: 50, pointShare: 46.7, target: 30 });
    expect(row('Portfolio', 'growth')).toMatchObject({ epics: 1, points: 8, epicShare: 25, pointShare: 53.3 });
    expect(row('Portfolio', 'unclassified')).toMatchObject({ epics: 1, points: 0, epicShare: 25, pointShare: 0, target: null });
    expect(row('PLAT', 'debt')).toMatchObject({ epics: 1, epicShare: 50, pointShare: 100 });
    expect(cells.map((c) => c.scope.name)).toEqual([...Array(4).fill('Portfolio'), ...Array(4).fill('PAY'), ...Array(4).fill('PLAT')]);
  });

  it('an empty portfolio has all-zero shares, not NaN', () => {
    const cells = computeBalance([], mappings.workTypes);
    expect(cells).toHaveLength(4);
    expect(cells.every((c) => c.epicShare === 0 && c.pointShare === 0)).toBe(true);
  });

  it('rounded shares always add up to exactly 100', () => {
    expect(sharesOf([1, 1, 1])).toEqual([33.4, 33.3, 33.3]);
    expect(sharesOf([1, 1, 1]).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
    expect(sharesOf([0, 0])).toEqual([0, 0]);
  });
});
