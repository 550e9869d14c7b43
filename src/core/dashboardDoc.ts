import type { Balance } from './balance.ts';
import type { BalancePolicy } from './balancePolicy.ts';
import { mixLines, movedSection, strategyLines, teamLines, whereToActSection } from './dashboardSections.ts';
import type { StrategyPage } from './strategy.ts';
import type { StrategyGaps } from './strategyCoverage.ts';
import type { WhatMoved } from './whatMoved.ts';

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
    ...whereToActSection(),
  ];
  const narratives = facts.strategy.filter((p) => p.layer === 'Impact' && p.narrative);
  if (narratives.length > 0) {
    blocks.push({ type: 'heading', text: 'What the Impact targets are for' });
    for (const page of narratives) blocks.push({ type: 'paragraph', lines: [{ text: `${page.title}: ${page.narrative}` }] });
  }
  return blocks;
}
