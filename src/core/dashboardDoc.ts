import type { Balance } from './balance.ts';
import type { BalancePolicy } from './balancePolicy.ts';
import { mixLines, movedSection, strategyLines, teamLines, whereToActSection } from './dashboardSections.ts';
import type { StrategyPage } from './strategy.ts';
import type { StrategyGaps } from './strategyCoverage.ts';
import type { WhatMoved } from './whatMoved.ts';
import { weighedCells, weightDisagreements, widestDisagreements } from './weightDisagreement.ts';

/**
 * The dashboard section as a small document model, independent of Notion's
 * block JSON: headings, and paragraphs of lines (some bold). The Notion
 * connector turns it into blocks.
 */
export interface DocLine {
  text: string;
  bold?: boolean;
}

export type DocBlock = { type: 'heading'; text: string } | { type: 'paragraph'; lines: readonly DocLine[] };

export interface DashboardFacts {
  balance: Balance;
  period: string;
  strategy: readonly StrategyPage[];
  policy: BalancePolicy;
  gaps: StrategyGaps;
  /** Null while there is no earlier period to compare with. */
  moved: WhatMoved | null;
}

export function dashboardDoc(facts: DashboardFacts): DocBlock[] {
  const gap = { text: '' };
  const blocks: DocBlock[] = [
    { type: 'paragraph', lines: [...mixLines(facts.balance, facts.period, facts.policy), gap, ...teamLines(facts.balance), gap, ...strategyLines(facts.balance, facts.gaps)] },
    ...movedSection(facts.moved, facts.policy),
    ...weightsSection(facts.balance, facts.policy.tolerancePp),
    ...whereToActSection(),
  ];
  const narratives = facts.strategy.filter((p) => p.layer === 'Impact' && p.narrative);
  if (narratives.length > 0) {
    blocks.push({ type: 'heading', text: 'What the Impact targets are for' });
    for (const page of narratives) blocks.push({ type: 'paragraph', lines: [{ text: `${page.title}: ${page.narrative}` }] });
  }
  return blocks;
}

/**
 * The mix by all three weights (epics, story points, days in progress), and the
 * portfolio and teams where they disagree by more than the tolerance: "PLAT:
 * Growth 40% of points, 22% of time in progress". Impact targets and flows are
 * left to the report: an epic relinked would rewrite this block for them.
 */
function weightsSection(balance: Balance, tolerancePp: number): DocBlock[] {
  const portfolio = balance.cells.filter((c) => c.scope.kind === 'portfolio');
  const pct = (n: number) => `${Math.round(n)}%`;
  const lines: DocLine[] = portfolio.map((c) => ({ text: `${c.workType.name}: ${pct(c.epicShare)} of epics, ${pct(c.pointShare)} of points, ${pct(c.timeShare)} of days in progress` }));
  const portfolioAndTeams = balance.cells.filter((c) => c.scope.kind === 'portfolio' || c.scope.kind === 'team');
  const disagreements = weightDisagreements(weighedCells(portfolioAndTeams), tolerancePp);
  if (disagreements.length > 0) {
    lines.push({ text: '' }, { text: `Where they disagree by more than ${tolerancePp} pp:`, bold: true }, ...widestDisagreements(disagreements).map((text) => ({ text })));
  }
  return [{ type: 'heading', text: 'Epics, points and time in progress' }, { type: 'paragraph', lines }];
}
