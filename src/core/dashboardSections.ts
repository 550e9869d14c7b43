import type { Balance, BalanceCell } from './balance.ts';
import type { BalancePolicy } from './balancePolicy.ts';
import type { DocBlock, DocLine } from './dashboardDoc.ts';
import { describeStrategyGaps, type StrategyGaps } from './strategyCoverage.ts';
import { summarize } from './summarize.ts';
import { basisWord, portfolioUnclassified } from './unclassified.ts';
import { describeWhatMoved, type WhatMoved } from './whatMoved.ts';

/*
 * The dashboard's sections. Numbers are shown rounded (whole percent, whole
 * points), so a run rewrites the section only when what it shows changes
 * (connectors/notion/dashboardSection.ts compares the text, block by block).
 * The mix, the teams and the strategy coverage move together when an epic
 * changes, so they share one block: such a change costs one write.
 */

const pct = (n: number) => `${Math.round(n)}%`;
const plain = (text: string): DocLine => ({ text });
const title = (text: string): DocLine => ({ text, bold: true });

function targetText(cell: BalanceCell): string {
  if (cell.target === null || cell.driftPp === null) return '';
  const off = Math.round(Math.abs(cell.driftPp));
  return ` · target ${pct(cell.target)} · ${cell.status === 'on track' ? 'on track' : `${off} pp ${cell.status}`}`;
}

/** The portfolio mix against target on the share of classified work, the unclassified share beside it, and the warning when it is too large. */
export function mixLines(balance: Balance, period: string, policy: BalancePolicy): DocLine[] {
  const cells = balance.cells.filter((c) => c.scope.kind === 'portfolio');
  const word = basisWord(policy);
  const { share: unclassified, warning } = portfolioUnclassified(balance, policy);
  return [
    ...(warning ? [title(`⚠ ${warning}`)] : []),
    title(summarize(balance, policy)),
    plain(`Period ${period}. Each work type's share of classified ${word} (Unclassified left out), against its target:`),
    ...cells.filter((c) => c.classifiedShare !== null).map((c) => plain(`${c.workType.name} ${pct(c.classifiedShare!)}${targetText(c)}`)),
    plain(`Unclassified: ${pct(unclassified)} of all ${word}.`),
  ];
}

/** Each team's work types off target, by status only: the numbers are in the "Mix per team" chart, which Notion keeps live. */
export function teamLines(balance: Balance): DocLine[] {
  const teams = [...new Set(balance.cells.filter((c) => c.scope.kind === 'team').map((c) => c.scope.name))];
  return [
    title('Teams against their targets'),
    ...teams.map((team) => {
      const off = balance.cells.filter((c) => c.scope.kind === 'team' && c.scope.name === team && c.status && c.status !== 'on track');
      return plain(`${team}: ${off.length ? off.map((c) => `${c.workType.name} ${c.status}`).join(', ') : 'on track'}`);
    }),
    plain('Shares per team: the "Mix per team" chart on Epics.'),
  ];
}

/** Work without strategy (orphans, counted as the balance counts them) and strategy without work. */
export function strategyLines(balance: Balance, gaps: StrategyGaps): DocLine[] {
  const portfolio = balance.summaries.find((s) => s.scope.kind === 'portfolio');
  return [
    title('Strategy coverage'),
    plain(`Work without strategy: ${portfolio?.orphans ?? 0} of ${portfolio?.epics ?? 0} epics in the mix serve no Impact target or no Usage target (Epics view "Orphans").`),
    plain(`Strategy without work: ${describeStrategyGaps(gaps).join(' ')}`),
  ];
}

/** What moved since the previous period, or why that cannot be said yet. */
export function movedSection(moved: WhatMoved | null, policy: BalancePolicy): DocBlock[] {
  if (!moved) {
    return [
      { type: 'heading', text: 'What moved' },
      { type: 'paragraph', lines: [plain('No earlier period to compare with yet: from the next period on, this says what moved the mix.')] },
    ];
  }
  return [
    { type: 'heading', text: `What moved since ${moved.previousPeriod}` },
    { type: 'paragraph', lines: describeWhatMoved(moved, policy).map(plain) },
  ];
}

/** Where to act: the views the engine keeps on its databases. */
export function whereToActSection(): DocBlock[] {
  return [
    { type: 'heading', text: 'Where to act' },
    {
      type: 'paragraph',
      lines: [
        plain('Epics views: "Unclassified" and "Conflicts" (each row says why it is classified so, and its Fix), "Orphans", "Board by team", and one view per Impact target and Usage flow.'),
        plain('Portfolio Balance views: "Current period" and "Work mix over time".'),
      ],
    },
  ];
}
