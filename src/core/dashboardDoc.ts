import type { Balance } from './balance.ts';
import type { BalancePolicy } from './balancePolicy.ts';
import { mixSection, movedSection, strategySection, teamsSection, whereToActSection } from './dashboardSections.ts';
import type { StrategyPage } from './strategy.ts';
import type { StrategyGaps } from './strategyCoverage.ts';
import type { WhatMoved } from './whatMoved.ts';

/**
 * The dashboard section as a small document model, independent of Notion's
 * block JSON: headings and paragraphs (a paragraph's lines separated by "\n").
 * The Notion connector turns it into blocks.
 */
export type DocBlock = { type: 'heading'; text: string } | { type: 'paragraph'; text: string };

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
  const blocks: DocBlock[] = [
    ...mixSection(facts.balance, facts.period, facts.policy),
    ...teamsSection(facts.balance),
    ...strategySection(facts.balance, facts.gaps),
    ...movedSection(facts.moved, facts.policy),
    ...whereToActSection(),
  ];
  const narratives = facts.strategy.filter((p) => p.layer === 'Impact' && p.narrative);
  if (narratives.length > 0) {
    blocks.push({ type: 'heading', text: 'What the Impact targets are for' });
    for (const page of narratives) blocks.push({ type: 'paragraph', text: `${page.title}: ${page.narrative}` });
  }
  return blocks;
}
