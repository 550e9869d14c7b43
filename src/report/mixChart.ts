import { UNCLASSIFIED } from '#core/mappings.ts';
import { basisWord, unclassifiedShareOf } from '#core/unclassified.ts';
import { html, type SafeHtml } from './html.ts';
import type { ReportCell, ReportData } from './reportData.ts';

const WIDTH = 640;
const LEFT = 150;
const ROW = 50;
const scale = (share: number) => ((WIDTH - LEFT - 170) * share) / 100;
const signed = (pp: number) => `${pp > 0 ? '+' : pp < 0 ? '−' : '±'}${Math.abs(pp).toFixed(1)} pp`;

/** One work type: its bar of classified share, its target as a tick labelled above the bar, and the value past both. */
function typeRow(c: ReportCell, y: number, colour: string): SafeHtml {
  const share = c.classifiedShare ?? 0;
  const end = LEFT + scale(share);
  const tick = c.target === null ? null : LEFT + scale(c.target);
  const target =
    tick === null
      ? null
      : html`<line x1="${tick}" x2="${tick}" y1="${y + 12}" y2="${y + 38}" stroke="#1d2329" stroke-width="2"/><text x="${tick}" y="${y + 9}" text-anchor="middle" class="target">target ${c.target}%</text>`;
  const status = c.driftPp === null ? '' : ` · ${signed(c.driftPp)} · ${c.status ?? ''}`;
  return html`<text x="0" y="${y + 30}" class="label">${c.workType}</text>
<rect x="${LEFT}" y="${y + 16}" width="${scale(share)}" height="20" fill="${colour}" rx="3"/>${target}
<text x="${Math.max(end, tick ?? 0) + 8}" y="${y + 30}" class="value">${share.toFixed(1)}%${status}</text>`;
}

/**
 * Horizontal bars of each work type's share of classified work (the share
 * drift is measured on) with its target labelled, then Unclassified's share of
 * all work below a rule: the targets say how classified work should split, and
 * the last bar says how much work that leaves out.
 */
export function mixChart(data: ReportData, cells: readonly ReportCell[], colour: (workType: string) => string): SafeHtml {
  const classified = cells.filter((c) => c.workType !== UNCLASSIFIED.name);
  const unclassified = unclassifiedShareOf(cells, data.policy);
  const over = unclassified > data.policy.unclassifiedWarningPercent;
  const y = classified.length * ROW + 8;
  const rows = classified.map((c, i) => typeRow(c, i * ROW, colour(c.workType)));
  return html`<svg class="mix" viewBox="0 0 ${WIDTH} ${y + ROW}" role="img" aria-label="Share of classified ${basisWord(data.policy)} per work type against target, and the unclassified share">${rows}
<line x1="0" x2="${WIDTH}" y1="${y}" y2="${y}" stroke="#e3e6ea"/>
<text x="0" y="${y + 30}" class="label">${UNCLASSIFIED.name}</text>
<rect x="${LEFT}" y="${y + 16}" width="${scale(unclassified)}" height="20" fill="${colour(UNCLASSIFIED.name)}" rx="3"/>
<text x="${LEFT + scale(unclassified) + 8}" y="${y + 30}" class="${over ? 'value alert' : 'value'}">${unclassified.toFixed(1)}% of all ${basisWord(data.policy)}${over ? ` · above the ${data.policy.unclassifiedWarningPercent}% warning level` : ''}</text></svg>`;
}
