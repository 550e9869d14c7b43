import { describeDisagreement, weightDisagreements } from '#core/weightDisagreement.ts';
import { html, type SafeHtml } from './html.ts';
import type { ReportData } from './reportData.ts';

/** Says which periods of the trend were rebuilt from Jira's changelog, and with which rules; nothing when none were. */
export function reconstructedNote(data: ReportData): SafeHtml | null {
  const periods = data.reconstructed;
  if (periods.length === 0) return null;
  const which = periods.length === 1 ? `Period ${periods[0]}` : `${periods.length} periods (${periods[0]} to ${periods.at(-1)})`;
  return html`<p class="meta">${which} were rebuilt from Jira's changelog: each epic's status, labels, resolution and story points as they were at the period's end, classified with the rules of the day they were rebuilt. The other periods are as each run reported them.</p>`;
}

const pct = (n: number) => `${n.toFixed(1)}%`;

/**
 * The current mix by all three weights (share of epics, of story points, of
 * days in progress within the period), and every scope where two of them
 * disagree by more than the tolerance.
 */
export function weightsSection(data: ReportData): SafeHtml {
  const current = data.cells.filter((c) => c.period === data.period);
  const portfolio = current.filter((c) => c.scopeKind === 'portfolio');
  const rows = portfolio.map(
    (c) => html`<tr><th>${c.workType}</th><td class="num">${pct(c.epicShare)}</td><td class="num">${pct(c.pointShare)}</td><td class="num">${pct(c.timeShare)}</td><td class="num">${c.daysInProgress}</td></tr>`,
  );
  const flags = weightDisagreements(current, data.tolerancePp).map((d) => html`<li>${describeDisagreement(d)}</li>`);
  const disagreement =
    flags.length > 0
      ? html`<p>Where two weights disagree by more than ${data.tolerancePp} pp:</p><ul>${flags}</ul>`
      : html`<p>The three weights agree within ${data.tolerancePp} pp in every scope.</p>`;
  return html`<table><thead><tr><th>Work type</th><th class="num">Epics</th><th class="num">Points</th><th class="num">Time in progress</th><th class="num">Days in progress</th></tr></thead><tbody>${rows}</tbody></table>
${disagreement}`;
}
