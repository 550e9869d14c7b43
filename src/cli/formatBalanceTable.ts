import type { BalanceCell } from '#core/balance.ts';
import { weighedCells, weightDisagreements, widestDisagreements } from '#core/weightDisagreement.ts';

const pct = (n: number) => `${n.toFixed(1)}%`;
const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** A bar 20 characters wide for a share; colours only where the terminal shows them. */
function bar(share: number, colour: boolean, index: number): string {
  const filled = Math.round(share / 5);
  const text = '█'.repeat(filled).padEnd(20, '·');
  const codes = [36, 32, 33, 35, 34, 31];
  return colour ? `\u001b[${codes[index % codes.length]}m${text}\u001b[0m` : text;
}

/** Columns 2 to this one are numbers, aligned right. */
const LAST_NUMBER_COLUMN = 10;

/**
 * The balance as a plain-text table, one block per scope: epics, points and
 * days in progress side by side, shares adding up to 100 within each, the share
 * of classified work the target is compared with, and the target if set; then
 * the scopes whose three weights disagree by more than the tolerance, and the
 * warning when too much work is unclassified for the mix to be trusted.
 */
export function formatBalanceTable(cells: readonly BalanceCell[], options: { colour: boolean; period: string; warning?: string | null; tolerancePp?: number }): string {
  const header = ['Scope', 'Work type', 'Epics', 'Epic %', 'Points', 'Point %', 'Days', 'Time %', 'Classified %', 'Target', 'Drift', 'Status', 'Mix by points'];
  const rows: string[][] = [];
  let previousScope = '';
  const typeIndex = new Map<string, number>();
  for (const cell of cells) {
    const scope = cell.scope.kind === 'portfolio' ? cell.scope.name : `${cell.scope.kind} ${cell.scope.name}`;
    if (!typeIndex.has(cell.workType.id)) typeIndex.set(cell.workType.id, typeIndex.size);
    rows.push([
      scope === previousScope ? '' : scope,
      cell.workType.name,
      String(cell.epics),
      pct(cell.epicShare),
      num(cell.points),
      pct(cell.pointShare),
      num(cell.daysInProgress),
      pct(cell.timeShare),
      cell.classifiedShare === null ? '–' : pct(cell.classifiedShare),
      cell.target === null ? '–' : pct(cell.target),
      cell.driftPp === null ? '–' : `${cell.driftPp > 0 ? '+' : ''}${cell.driftPp.toFixed(1)} pp`,
      cell.status ?? '',
      bar(cell.pointShare, options.colour, typeIndex.get(cell.workType.id)!),
    ]);
    previousScope = scope;
  }
  const last = header.length - 1;
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === last ? 20 : r[i]!.length))));
  const line = (cols: string[]) =>
    cols.map((c, i) => (i >= 2 && i <= LAST_NUMBER_COLUMN ? c.padStart(widths[i]!) : i === last ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const disagreements = options.tolerancePp === undefined ? [] : weightDisagreements(weighedCells(cells), options.tolerancePp);
  const notes = disagreements.length
    ? ['', `Where epics, points and time in progress disagree by more than ${options.tolerancePp} pp:`, ...widestDisagreements(disagreements).map((line) => `  ${line}`)]
    : [];
  const warning = options.warning ? [`Warning: ${options.warning}`] : [];
  return [`Portfolio balance, period ${options.period}`, line(header), rule, ...rows.map(line), ...notes, ...warning].join('\n') + '\n';
}
