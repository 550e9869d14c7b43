import { describe, expect, it } from 'vitest';
import { computeBalance } from '#core/balance.ts';
import { defaultBalanceConfig } from '#config/schema.ts';
import { MIX_NEW, MIX_NOT_COUNTED, mixMarkAfter } from '#core/mixHistory.ts';
import type { PortfolioEpic } from '#core/portfolioEpic.ts';
import { describeWhatMoved, epicMoves, whatMoved, type EpicMixRow, type MixCell } from '#core/whatMoved.ts';
import { defaultMappings, portfolioEpic } from '../helpers/epicFactory.ts';

const policy = defaultBalanceConfig();
const NOW = new Date('2026-11-30T08:00:00Z');

describe('the mix mark on an Epics row', () => {
  const stored = (workType: string, counts: boolean | null, mixBefore: string | null = MIX_NEW, mixChangedIn: string | null = '2026-W47') => ({ workType, counts, mixBefore, mixChangedIn });

  it('a new epic entered the portfolio in this period', () => {
    expect(mixMarkAfter(undefined, 'Growth', '2026-W49')).toEqual({ mixBefore: MIX_NEW, mixChangedIn: '2026-W49' });
  });

  it('an epic whose state did not change keeps its mark', () => {
    expect(mixMarkAfter(stored('Growth', true), 'Growth', '2026-W49')).toMatchObject({ mixBefore: MIX_NEW, mixChangedIn: '2026-W47' });
  });

  it('a change records the state the period started with; a second change in the period keeps it', () => {
    const first = mixMarkAfter(stored('Growth', true), 'Debt & Evolution', '2026-W49');
    expect(first).toEqual({ mixBefore: 'Growth', mixChangedIn: '2026-W49' });
    expect(mixMarkAfter(stored('Debt & Evolution', true, first.mixBefore, first.mixChangedIn), MIX_NOT_COUNTED, '2026-W49')).toMatchObject(first);
  });

  it('a row written before Counts existed claims no move', () => {
    expect(mixMarkAfter(stored('Growth', null, null, null), 'Debt & Evolution', '2026-W49')).toMatchObject({ mixBefore: null, mixChangedIn: null });
  });
});

const epic = (id: string, team: string, workTypeId: string, storyPoints: number) => portfolioEpic(id, workTypeId, storyPoints, { team });

/** The cells of a period as the balance rows hold them. */
function cellsOf(epics: PortfolioEpic[]): MixCell[] {
  const b = computeBalance({ epics, workTypes: defaultMappings().workTypes, strategy: [], teamTargets: {}, policy, now: NOW });
  return b.cells.map((c) => ({ scopeKind: c.scope.kind, scopeName: c.scope.name, workType: c.workType.name, epics: c.epics, points: c.points }));
}

const row = (key: string, team: string, workType: string, counts: boolean, mixBefore: string | null, mixChangedIn: string | null, statusDone = false): EpicMixRow => ({
  key,
  team,
  workType,
  counts,
  statusDone,
  mixBefore,
  mixChangedIn,
});

describe('what moved between two periods', () => {
  // Week 48: PLAT has 3 growth epics and 1 debt epic; PAY 2 growth, 2 debt, 2 innovation (10 points each).
  const week48 = [
    ...['1', '2', '3'].map((id) => epic(id, 'PLAT', 'growth', 10)),
    epic('4', 'PLAT', 'debt', 10),
    epic('5', 'PAY', 'growth', 10),
    epic('6', 'PAY', 'growth', 10),
    epic('7', 'PAY', 'debt', 10),
    epic('8', 'PAY', 'debt', 10),
    epic('9', 'PAY', 'innovation', 10),
    epic('10', 'PAY', 'innovation', 10),
  ];
  // Week 49: PLAT closed its 3 growth epics (done past the window); PAY relabelled one growth epic as debt.
  const week49 = [epic('4', 'PLAT', 'debt', 10), epic('5', 'PAY', 'growth', 10), epic('6', 'PAY', 'debt', 10), ...week48.slice(6)];
  const rows = [
    ...['1', '2', '3'].map((id) => row(`PLAT-${id}`, 'PLAT', 'Growth', false, 'Growth', '2026-W49', true)),
    row('PLAT-4', 'PLAT', 'Debt & Evolution', true, MIX_NEW, '2026-W47'),
    row('PAY-6', 'PAY', 'Debt & Evolution', true, 'Growth', '2026-W49'),
    // Changed and changed back within the week: not a move.
    row('PAY-9', 'PAY', 'Innovation', true, 'Innovation', '2026-W49'),
  ];
  const moved = whatMoved({ previousPeriod: '2026-W48', period: '2026-W49', previous: cellsOf(week48), current: cellsOf(week49), moves: epicMoves(rows, '2026-W49') }, policy);

  it('gives each work type its share before and now, and the teams that moved it most', () => {
    const growth = moved.workTypes.find((t) => t.workType === 'Growth')!;
    expect(growth).toMatchObject({ before: 50, deltaPp: -35.7 });
    expect(growth.now).toBeCloseTo(100 / 7, 9);
    expect(growth.teams[0]).toEqual({ team: 'PLAT', deltaPp: -30 });
    expect(growth.closed.map((m) => m.key)).toEqual(['PLAT-1', 'PLAT-2', 'PLAT-3']);
  });

  it('lists the epics that changed work type, and not the one changed back', () => {
    expect(moved.relabelled).toEqual([{ key: 'PAY-6', team: 'PAY', from: 'Growth', to: 'Debt & Evolution', closed: false }]);
  });

  it('says it in a line per work type, and the relabelled epics', () => {
    expect(describeWhatMoved(moved, policy)).toEqual([
      'Innovation 20% → 29% of classified points (+9 pp): PAY +9 pp.',
      'Growth 50% → 14% of classified points (−36 pp): PLAT −30 pp, PAY −6 pp. 3 Growth epics closed (PLAT 3).',
      'Debt & Evolution 30% → 57% of classified points (+27 pp): PAY +23 pp, PLAT +4 pp.',
      'Relabelled: 1 epic Growth → Debt & Evolution (PAY 1).',
    ]);
  });

  it('says the mix held when nothing moved', () => {
    const still = whatMoved({ previousPeriod: '2026-W48', period: '2026-W49', previous: cellsOf(week48), current: cellsOf(week48), moves: [] }, policy);
    expect(describeWhatMoved(still, policy)).toEqual([
      "The mix held: no work type's share of classified points moved by a whole point, and no epic changed work type.",
    ]);
  });
});
