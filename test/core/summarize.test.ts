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
const policy = defaultBalanceConfig();
const balanceOf = (epics: PortfolioEpic[]) =>
  computeBalance({ epics, workTypes: defaultMappings().workTypes, strategy: [], teamTargets: {}, policy, now: new Date() });
const summarizeOf = (epics: PortfolioEpic[]) => summarize(balanceOf(epics), policy);

describe('the one-paragraph summary', () => {
  it('names the work type furthest from target and the share of epics serving no Impact target', () => {
    const text = summarizeOf([epic('1', 'debt', 41), epic('2', 'growth', 49), epic('3', 'innovation', 10, []), epic('4', 'growth', 0, [])]);
    expect(text).toBe('Debt & Evolution 41% of classified points, 11 pp over target; 50% of epics serve no Impact target.');
  });

  it('measures the type against its target among classified work, and gives the unclassified share beside it', () => {
    const text = summarizeOf([epic('1', 'unclassified', 50), epic('2', 'growth', 25), epic('3', 'debt', 15), epic('4', 'innovation', 10)]);
    expect(text).toBe('Growth 50% of classified points, on track (target 50%); 50% of points unclassified; 0% of epics serve no Impact target.');
  });

  it('says so when nothing counts yet', () => {
    expect(summarizeOf([])).toBe('No epics count towards the balance yet.');
  });
});
