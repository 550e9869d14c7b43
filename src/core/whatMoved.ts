import type { BalancePolicy } from './balancePolicy.ts';
import { UNCLASSIFIED } from './mappings.ts';
import { MIX_NEW, MIX_NOT_COUNTED, mixStateOf } from './mixHistory.ts';
import { basisWord } from './unclassified.ts';
import { byTeamThenKey } from './teamKeyOrder.ts';

/**
 * What moved the mix between the previous period and this one, in two layers:
 * the shares (from the balance rows of both periods: the portfolio's classified
 * share per work type, and each team's part in its change) and the epics (from
 * the Epics rows' mix marks, mixHistory.ts: which entered, left or changed work
 * type this period). The engine and the report both compute it from these
 * plain shapes, so the dashboard and the report say the same.
 */

/** One balance cell, as the engine computes it or as the report reads it back. */
export interface MixCell {
  scopeKind: string;
  scopeName: string;
  workType: string;
  epics: number;
  points: number;
}

/** What an Epics row says about an epic's place in the mix. */
export interface EpicMixRow {
  key: string;
  team: string;
  workType: string;
  counts: boolean;
  statusDone: boolean;
  mixBefore: string | null;
  mixChangedIn: string | null;
}

export interface EpicMove {
  key: string;
  team: string;
  from: string;
  to: string;
  /** It left because it was done (not, say, moved to a status that does not count). */
  closed: boolean;
}

export interface TeamPart {
  team: string;
  /** The team's part in the portfolio share's change, in percentage points. */
  deltaPp: number;
}

export interface WorkTypeMove {
  workType: string;
  before: number;
  now: number;
  deltaPp: number;
  /** The teams that moved the share most, largest first. */
  teams: TeamPart[];
  entered: EpicMove[];
  closed: EpicMove[];
  left: EpicMove[];
}

export interface WhatMoved {
  previousPeriod: string;
  period: string;
  /** Every classified work type, in the mappings' order. */
  workTypes: WorkTypeMove[];
  /** Epics that changed from one work type to another (Unclassified included). */
  relabelled: EpicMove[];
}

/** The epics whose state changed this period: their mark names the period and their state now differs from the one it started with. */
export function epicMoves(rows: Iterable<EpicMixRow>, period: string): EpicMove[] {
  const moves: EpicMove[] = [];
  for (const row of rows) {
    if (row.mixChangedIn !== period || row.mixBefore === null) continue;
    const to = mixStateOf(row.workType, row.counts);
    if (to !== row.mixBefore) moves.push({ key: row.key, team: row.team, from: row.mixBefore, to, closed: !row.counts && row.statusDone });
  }
  return moves.sort(byTeamThenKey);
}

const isWorkType = (state: string) => state !== MIX_NEW && state !== MIX_NOT_COUNTED;
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A period's classified work on the drift basis, as percent of the portfolio's
 * classified total: per work type for the portfolio, and per team, so a team's
 * parts add up to the portfolio's change.
 */
function sharesIn(cells: readonly MixCell[], basis: 'points' | 'epics') {
  const amountOf = (c: MixCell) => (basis === 'points' ? c.points : c.epics);
  const classified = cells.filter((c) => c.workType !== UNCLASSIFIED.name && (c.scopeKind === 'portfolio' || c.scopeKind === 'team'));
  const total = classified.filter((c) => c.scopeKind === 'portfolio').reduce((sum, c) => sum + amountOf(c), 0);
  const amounts = new Map(classified.map((c) => [`${c.scopeKind}\u0000${c.scopeName}\u0000${c.workType}`, amountOf(c)]));
  const share = (kind: string, name: string, workType: string) => {
    const amount = amounts.get(`${kind}\u0000${name}\u0000${workType}`) ?? 0;
    return total > 0 ? (amount / total) * 100 : 0;
  };
  return {
    portfolio: (workType: string) => share('portfolio', 'Portfolio', workType),
    team: (team: string, workType: string) => share('team', team, workType),
  };
}

export function whatMoved(
  input: { previousPeriod: string; period: string; previous: readonly MixCell[]; current: readonly MixCell[]; moves: readonly EpicMove[] },
  policy: Pick<BalancePolicy, 'driftBasis'>,
): WhatMoved {
  const before = sharesIn(input.previous, policy.driftBasis);
  const now = sharesIn(input.current, policy.driftBasis);
  const teams = [...new Set([...input.previous, ...input.current].filter((c) => c.scopeKind === 'team').map((c) => c.scopeName))];
  const workTypes = [...new Set(input.current.filter((c) => c.scopeKind === 'portfolio' && c.workType !== UNCLASSIFIED.name).map((c) => c.workType))];
  return {
    previousPeriod: input.previousPeriod,
    period: input.period,
    workTypes: workTypes.map((workType) => {
      const b = before.portfolio(workType);
      const n = now.portfolio(workType);
      const parts = teams
        .map((team) => ({ team, deltaPp: round1(now.team(team, workType) - before.team(team, workType)) }))
        .filter((p) => p.deltaPp !== 0)
        .sort((x, y) => Math.abs(y.deltaPp) - Math.abs(x.deltaPp) || x.team.localeCompare(y.team));
      const from = input.moves.filter((m) => m.from === workType && m.to === MIX_NOT_COUNTED);
      return {
        workType,
        before: b,
        now: n,
        deltaPp: round1(n - b),
        teams: parts,
        entered: input.moves.filter((m) => m.to === workType && !isWorkType(m.from)),
        closed: from.filter((m) => m.closed),
        left: from.filter((m) => !m.closed),
      };
    }),
    relabelled: input.moves.filter((m) => isWorkType(m.from) && isWorkType(m.to)),
  };
}

const signed = (pp: number) => `${pp > 0 ? '+' : pp < 0 ? '−' : '±'}${Math.abs(Math.round(pp))} pp`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "PLAT 3, PAY 1": how many of the moves each team made, most first. */
function byTeam(moves: readonly EpicMove[]): string {
  const counts = new Map<string, number>();
  for (const m of moves) counts.set(m.team, (counts.get(m.team) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([team, n]) => `${team} ${n}`).join(', ');
}

/**
 * What moved, as lines for people: one per work type whose share moved by a
 * whole point or had epics come and go, then the relabelled epics. Example:
 * "Growth 50% → 46% of classified points (−4 pp): PLAT −3 pp, GRO −1 pp. 3 Growth epics closed (PLAT 3); 1 entered (PAY 1)."
 */
export function describeWhatMoved(moved: WhatMoved, policy: Pick<BalancePolicy, 'driftBasis'>): string[] {
  const lines: string[] = [];
  for (const t of moved.workTypes) {
    const events = [
      t.closed.length ? `${plural(t.closed.length, `${t.workType} epic`)} closed (${byTeam(t.closed)})` : '',
      t.left.length ? `${t.left.length} stopped counting (${byTeam(t.left)})` : '',
      t.entered.length ? `${t.entered.length} entered (${byTeam(t.entered)})` : '',
    ].filter(Boolean);
    // The change as the rounded shares show it, so "34% → 35%" never reads "+2 pp".
    const shown = Math.round(t.now) - Math.round(t.before);
    if (shown === 0 && events.length === 0) continue;
    const teams = t.teams.filter((p) => Math.round(p.deltaPp) !== 0).slice(0, 3);
    const head = `${t.workType} ${Math.round(t.before)}% → ${Math.round(t.now)}% of classified ${basisWord(policy)} (${signed(shown)})`;
    lines.push(`${head}${teams.length ? `: ${teams.map((p) => `${p.team} ${signed(p.deltaPp)}`).join(', ')}` : ''}.${events.length ? ` ${events.join('; ')}.` : ''}`);
  }
  const pairs = new Map<string, EpicMove[]>();
  for (const m of moved.relabelled) pairs.set(`${m.from} → ${m.to}`, [...(pairs.get(`${m.from} → ${m.to}`) ?? []), m]);
  if (pairs.size > 0) {
    lines.push(`Relabelled: ${[...pairs].map(([pair, moves]) => `${plural(moves.length, 'epic')} ${pair} (${byTeam(moves)})`).join('; ')}.`);
  }
  if (lines.length === 0) lines.push(`The mix held: no work type's share of classified ${basisWord(policy)} moved by a whole point, and no epic changed work type.`);
  return lines;
}
