import type { Balance, BalanceCell } from './balance.ts';
import type { BalancePolicy } from './balancePolicy.ts';
import type { DocBlock } from './dashboardDoc.ts';
import { describeStrategyGaps, type StrategyGaps } from './strategyCoverage.ts';
import { summarize } from './summarize.ts';
import { basisWord, unclassifiedShareOf, unclassifiedWarning } from './unclassified.ts';
import { describeWhatMoved, type WhatMoved } from './whatMoved.ts';

/*
 * The dashboard's sections. Numbers are shown rounded (whole percent, whole
 * points), and each section is one block, so a run rewrites the section only
 * when what it shows changes, and then only the blocks that changed
 * (connectors/notion/dashboardSection.ts compares the text).
 */

const pct = (n: number) => `${Math.round(n)}%`;

function targetText(cell: BalanceCell): string {
  if (cell.target === null || cell.driftPp === null) return '';
  const off = Math.round(Math.abs(cell.driftPp));
  return ` · target ${pct(cell.target)} · ${cell.status === 'on track' ? 'on track' : `${off} pp ${cell.status}`}`;
}

/** The portfolio mix against target on the share of classified work, the unclassified share beside it, and the warning when it is too large. */
export function mixSection(balance: Balance, period: string, policy: BalancePolicy): DocBlock[] {
  const cells = balance.cells.filter((c) => c.scope.kind === 'portfolio');
  const word = basisWord(policy);
  const unclassified = unclassifiedShareOf(
    cells.map((c) => ({ ...c, workType: c.workType.name })),
    policy,
  );
  const warning = unclassifiedWarning(unclassified, policy);
  const lines = [
    summarize(balance, policy),
    `Period ${period}. Each work type's share of classified ${word} (Unclassified left out), against its target:`,
    ...cells.filter((c) => c.classifiedShare !== null).map((c) => `${c.workType.name} ${pct(c.classifiedShare!)}${targetText(c)}`),
    `Unclassified: ${pct(unclassified)} of all ${word}.`,
  ];
  return [...(warning ? [{ type: 'paragraph' as const, text: `⚠ ${warning}` }] : []), { type: 'paragraph', text: lines.join('\n') }];
}

/** Each team's work types off target, by status only: the numbers are in the "Mix per team" chart, which Notion keeps live. */
export function teamsSection(balance: Balance): DocBlock[] {
  const teams = [...new Set(balance.cells.filter((c) => c.scope.kind === 'team').map((c) => c.scope.name))];
  const lines = teams.map((team) => {
    const off = balance.cells.filter((c) => c.scope.kind === 'team' && c.scope.name === team && c.status && c.status !== 'on track');
    return `${team}: ${off.length ? off.map((c) => `${c.workType.name} ${c.status}`).join(', ') : 'on track'}`;
  });
  return [
    { type: 'heading', text: 'Teams against their targets' },
    { type: 'paragraph', text: [...lines, 'Shares per team: the "Mix per team" chart on Epics.'].join('\n') },
  ];
}

/** Work without strategy (orphans, counted as the balance counts them) and strategy without work. */
export function strategySection(balance: Balance, gaps: StrategyGaps): DocBlock[] {
  const portfolio = balance.summaries.find((s) => s.scope.kind === 'portfolio');
  const orphans = portfolio?.orphans ?? 0;
  return [
    { type: 'heading', text: 'Strategy coverage' },
    {
      type: 'paragraph',
      text: [
        `Work without strategy: ${orphans} of ${portfolio?.epics ?? 0} epics in the mix serve no Impact target or no Usage target (Epics view "Orphans").`,
        `Strategy without work: ${describeStrategyGaps(gaps).join(' ')}`,
      ].join('\n'),
    },
  ];
}

/** What moved since the previous period, or why that cannot be said yet. */
export function movedSection(moved: WhatMoved | null, policy: BalancePolicy): DocBlock[] {
  if (!moved) {
    return [
      { type: 'heading', text: 'What moved' },
      { type: 'paragraph', text: 'No earlier period to compare with yet: from the next period on, this says what moved the mix.' },
    ];
  }
  return [
    { type: 'heading', text: `What moved since ${moved.previousPeriod}` },
    { type: 'paragraph', text: describeWhatMoved(moved, policy).join('\n') },
  ];
}

/** Where to act: the views the engine keeps on its databases. */
export function whereToActSection(): DocBlock[] {
  return [
    { type: 'heading', text: 'Where to act' },
    {
      type: 'paragraph',
      text: [
        'Epics views: "Unclassified" and "Conflicts" (each row says why it is classified so, and its Fix), "Orphans", "Board by team", and one view per Impact target and Usage flow.',
        'Portfolio Balance views: "Current period" and "Work mix over time".',
      ].join('\n'),
    },
  ];
}
