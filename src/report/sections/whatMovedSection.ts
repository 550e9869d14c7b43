import { describeWhatMoved } from '#core/whatMoved.ts';
import { html, type SafeHtml } from '../html.ts';
import type { ReportData } from '../reportData.ts';

/** What moved the mix since the previous period (whatMoved.ts): the same lines the dashboard shows. */
export function whatMovedSection(data: ReportData): SafeHtml {
  if (!data.moved) {
    return html`<h2>What moved</h2>
<p>No earlier period in Notion to compare ${data.period} with yet: the next period's report says what moved the mix.</p>`;
  }
  const lines = describeWhatMoved(data.moved, data.policy);
  return html`<h2>What moved since ${data.moved.previousPeriod}</h2>
<ul class="moves">${lines.map((line) => html`<li>${line}</li>`)}</ul>`;
}
