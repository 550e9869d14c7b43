import { UNCLASSIFIED } from '#core/mappings.ts';
import { epicLink } from '../epicLink.ts';
import { html, type SafeHtml } from '../html.ts';
import { teamFolds } from '../teamFolds.ts';
import type { ReportData, ReportEpic } from '../reportData.ts';

/**
 * The unclassified and conflicting epics in the mix, by team: why each is
 * classified so (its Classified By) and the fix `lint` gives (its Fix), so a
 * team lead can work down the list in Jira.
 */
export function fixList(data: ReportData): SafeHtml {
  const toFix = data.epics.filter((e) => e.workType === UNCLASSIFIED.name || e.conflict);
  if (toFix.length === 0) return html`<h2>Epics to fix, by team</h2><p>Every epic in the mix has one work type.</p>`;
  const intro = html`<p>${toFix.length} epics in the mix are unclassified or matched more than one work type. Each row says why it is classified so, and the label change that fixes it (what <code>backbone-sync lint</code> says).</p>`;
  const row = (e: ReportEpic) =>
    html`<tr><td>${epicLink(e)}</td><td>${e.summary}</td><td>${e.workType === UNCLASSIFIED.name ? 'Unclassified' : `Conflict (counted as ${e.workType})`}</td><td class="why">${e.classifiedBy}</td><td class="fix">${e.fix || '–'}</td></tr>`;
  const line = (_team: string, ofTeam: readonly ReportEpic[]) => {
    const unclassified = ofTeam.filter((e) => e.workType === UNCLASSIFIED.name).length;
    return [unclassified ? `${unclassified} unclassified` : '', ofTeam.length > unclassified ? `${ofTeam.length - unclassified} in conflict` : ''].filter(Boolean).join(', ');
  };
  const table = (ofTeam: readonly ReportEpic[]) =>
    html`<table><thead><tr><th>Epic</th><th>Summary</th><th>Problem</th><th>Why it is classified so</th><th>Fix</th></tr></thead><tbody>${ofTeam.map(row)}</tbody></table>`;
  return html`<h2>Epics to fix, by team</h2>${intro}${teamFolds(toFix, line, table)}`;
}
