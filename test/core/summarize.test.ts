import { describe, expect, it } from 'vitest';
import { computeBalance } from '#core/balance.ts';
import { defaultBalanceConfig } from '#config/schema.ts';
import type { PortfolioEpic } from '#core/portfolioEpic.ts';
import { summarize } from '#core/summarize.ts';
import { defaultMappings } from '../helpers/epicFactory.ts';

const epic = (id: string, workTypeId: string, storyPoints: number, impactIds: string[] = ['i']): PortfolioEpic => ({
  id,
  key: id,
  summary: id,
  team: 'PAY',
  statusCategory: 'indeterminate',
  resolved: null,
  storyPoints,
  workTypeId,
  impactIds,
  usageIds: ['u'],
});
const balanceOf = (epics: PortfolioEpic[]) =>
  computeBalance({ epics, workTypes: defaultMappings().workTypes, strategy: [], teamTargets: {}, policy: defaultBalanceConfig(), now: new Date() });

describe('the one-paragraph summary', () => {
  it('names the work type furthest from target and the share of epics serving no Impact target', () => {
    const text = summarize(balanceOf([epic('1', 'debt', 41), epic('2', 'growth', 49), epic('3', 'innovation', 10, []), epic('4', 'growth', 0, [])]));
    expect(text).toBe('Debt & Evolution 41% of points, 11 pp over target; 50% of epics serve no Impact target.');
  });

  it('mentions unclassified epics when there are any', () => {
    expect(summarize(balanceOf([epic('1', 'unclassified', 3), epic('2', 'growth', 5)]))).toContain('1 epics unclassified');
  });

  it('says so when nothing counts yet', () => {
    expect(summarize(balanceOf([]))).toBe('No epics count towards the balance yet.');
  });
});
