import { UNCLASSIFIED } from '#core/mappings.ts';
import { USAGE_FLOWS, type StrategyPage } from '#core/strategy.ts';
import { epicLink } from '../epicLink.ts';
import { html, type SafeHtml } from '../html.ts';
import type { ReportData, ReportEpic } from '../reportData.ts';

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** A folded list of the epics serving one target: its line says how many of each work type (in the mappings' order), unfolded it lists them. */
function epicsOf(title: string, epics: readonly ReportEpic[], order: readonly string[], colour: (workType: string) => string, note = ''): SafeHtml {
  if (epics.length === 0) return html`<details><summary><strong>${title}</strong>${note} — no epic in the mix</summary></details>`;
  const present = [...new Set([...order, ...epics.map((e) => e.workType)])];
  const types = present.flatMap((t) => {
    const n = epics.filter((e) => e.workType === t).length;
    return n ? [`${t} ${n}`] : [];
  }).join(', ');
  const rows = epics.map(
    (e) => html`<tr><td>${epicLink(e)}</td><td>${e.summary}</td><td>${e.team}</td><td><i class="dot" style="background:${colour(e.workType)}"></i>${e.workType}</td></tr>`,
  );
  return html`<details><summary><strong>${title}</strong>${note} — ${num(epics.length)} epics (${types})</summary>
<table><thead><tr><th>Epic</th><th>Summary</th><th>Team</th><th>Work type</th></tr></thead><tbody>${rows}</tbody></table></details>`;
}

/** Which epics serve which target: one fold per Impact target, and per Usage flow (its targets named), of the epics in the mix. */
export function targetEpics(data: ReportData, colour: (workType: string) => string): SafeHtml {
  const order = [...data.workTypes.map((t) => t.name), UNCLASSIFIED.name];
  const serving = (page: StrategyPage) => data.epics.filter((e) => (page.layer === 'Impact' ? e.impactIds : e.usageIds).includes(page.id));
  const impact = data.strategy.filter((p) => p.layer === 'Impact').map((page) => epicsOf(page.title, serving(page), order, colour));
  const flows = USAGE_FLOWS.map((flow) => {
    const pages = data.strategy.filter((p) => p.layer === 'Usage' && p.flow === flow);
    const epics = data.epics.filter((e) => pages.some((p) => e.usageIds.includes(p.id)));
    return epicsOf(`${flow} flow`, epics, order, colour, pages.length ? ` (${pages.map((p) => p.title).join(', ')})` : ' (no Usage target)');
  });
  return html`<h2>Which epics serve which target</h2>
<h3>Impact targets</h3>${impact}
<h3>Usage flows</h3>${flows}`;
}
