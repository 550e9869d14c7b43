import type { Balance, BalanceCell, ScopeKind } from './balance.ts';
import type { StrategyPage } from './strategy.ts';
import { summarize } from './summarize.ts';
import { weighedCells, weightDisagreements, widestDisagreements } from './weightDisagreement.ts';

/**
 * The dashboard section as a small document model, independent of Notion's
 * block JSON: a heading, the summary paragraph, and one table per kind of scope.
 * The Notion connector turns it into blocks.
 */
export type DocBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'table'; header: string[]; rows: string[][] };

const TITLES: Record<ScopeKind, string> = {
  portfolio: 'Whole portfolio',
  team: 'By team',
  impact: 'By Impact target',
  flow: 'By Usage flow',
};

const pct = (n: number) => `${n.toFixed(1)}%`;

function cellText(cell: BalanceCell): string {
  const target = cell.target === null ? '' : ` (target ${pct(cell.target)}, ${cell.driftPp! > 0 ? '+' : ''}${cell.driftPp!.toFixed(1)} pp, ${cell.status})`;
  return `${pct(cell.pointShare)} pts · ${pct(cell.timeShare)} time · ${cell.epics} epics${target}`;
}

export function dashboardDoc(balance: Balance, period: string, strategy: readonly StrategyPage[] = [], tolerancePp?: number): DocBlock[] {
  const workTypes = [...new Map(balance.cells.map((c) => [c.workType.id, c.workType])).values()];
  const blocks: DocBlock[] = [
    { type: 'paragraph', text: summarize(balance) },
    { type: 'paragraph', text: `Period ${period}. Shares are of story points and of days in progress, with epic counts beside them.` },
  ];
  for (const kind of ['portfolio', 'team', 'impact', 'flow'] as const) {
    const cells = balance.cells.filter((c) => c.scope.kind === kind);
    if (cells.length === 0) continue;
    const scopes = [...new Set(cells.map((c) => c.scope.name))];
    const summaries = new Map(balance.summaries.filter((s) => s.scope.kind === kind).map((s) => [s.scope.name, s]));
    blocks.push({ type: 'heading', text: TITLES[kind] });
    blocks.push({
      type: 'table',
      header: ['Scope', ...workTypes.map((t) => t.name), 'Serves Impact', 'Orphans'],
      rows: scopes.map((scope) => {
        const summary = summaries.get(scope);
        return [
          scope,
          ...workTypes.map((t) => {
            const cell = cells.find((c) => c.scope.name === scope && c.workType.id === t.id);
            return cell ? cellText(cell) : '';
          }),
          summary ? `${summary.impactLinkedEpicShare}% of epics` : '',
          summary ? String(summary.orphans) : '',
        ];
      }),
    });
  }
  const disagreements = tolerancePp === undefined ? [] : weightDisagreements(weighedCells(balance.cells), tolerancePp);
  if (disagreements.length > 0) {
    blocks.push({ type: 'heading', text: `Where epics, points and time in progress disagree (by more than ${tolerancePp} pp)` });
    for (const line of widestDisagreements(disagreements)) blocks.push({ type: 'paragraph', text: line });
  }
  const narratives = strategy.filter((p) => p.layer === 'Impact' && p.narrative);
  if (narratives.length > 0) {
    blocks.push({ type: 'heading', text: 'What the Impact targets are for' });
    for (const page of narratives) blocks.push({ type: 'paragraph', text: `${page.title}: ${page.narrative}` });
  }
  return blocks;
}
