import { describeStrategyGaps } from '#core/strategyCoverage.ts';
import { html, type SafeHtml } from '../html.ts';
import type { ReportData } from '../reportData.ts';

/** Strategy without work: the targets and flows no epic in the mix serves (the other side of orphan work). */
export function strategyGaps(data: ReportData): SafeHtml {
  return html`<h2>Strategy without work</h2>
<ul>${describeStrategyGaps(data.gaps).map((line) => html`<li>${line}</li>`)}</ul>`;
}
