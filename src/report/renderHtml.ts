import { summarizeMix } from '#core/summarize.ts';
import { unclassifiedShareOf, unclassifiedWarning } from '#core/unclassified.ts';
import { workTypeColours } from './colours.ts';
import { epicLink } from './epicLink.ts';
import { html, type SafeHtml } from './html.ts';
import { mixChart } from './mixChart.ts';
import type { ReportData, ReportEpic } from './reportData.ts';
import { teamFolds } from './teamFolds.ts';
import { fixList } from './sections/fixList.ts';
import { strategyGaps } from './sections/strategyGaps.ts';
import { targetEpics } from './sections/targetEpics.ts';
import { whatMovedSection } from './sections/whatMovedSection.ts';
import { reconstructedNote, weightsSection } from './historySections.ts';

/**
 * A self-contained page (inline CSS and SVG, no scripts, no network) with the
 * current mix against target, the trend over periods, what moved, the per-team
 * breakdown, the epics to fix, the epics per target, the strategy connection
 * both ways and the orphan list. Every piece is built with `html`, which
 * escapes each value from Jira or Notion, and the page's
 * Content-Security-Policy forbids scripts and network loads even if something
 * slipped through. Work types have their colours from mappings/, as in Notion.
 */
type Colour = (workType: string) => string;

/** One line per work type: its point share in the portfolio, period after period. */
function trendChart(data: ReportData, workTypes: readonly string[], colour: Colour): SafeHtml {
  const width = 640;
  const height = 220;
  const pad = 36;
  const periods = data.periods;
  const x = (i: number) => (periods.length === 1 ? width / 2 : pad + ((width - 2 * pad) * i) / (periods.length - 1));
  const y = (share: number) => height - pad - ((height - 2 * pad) * share) / 100;
  const portfolio = data.cells.filter((c) => c.scopeKind === 'portfolio');
  const lines = workTypes.map((type) => {
    const points = periods.map((p, i) => {
      const cell = portfolio.find((c) => c.period === p && c.workType === type);
      return { x: x(i).toFixed(1), y: y(cell?.pointShare ?? 0).toFixed(1) };
    });
    const dots = points.map((pt) => html`<circle cx="${pt.x}" cy="${pt.y}" r="3" fill="${colour(type)}"/>`);
    const polyline = points.map((pt) => `${pt.x},${pt.y}`).join(' ');
    return html`<polyline fill="none" stroke="${colour(type)}" stroke-width="2.5" points="${polyline}"><title>${type}</title></polyline>${dots}`;
  });
  const grid = [0, 25, 50, 75, 100].map(
    (s) => html`<line x1="${pad}" x2="${width - pad}" y1="${y(s)}" y2="${y(s)}" stroke="#e3e6ea"/><text x="4" y="${y(s) + 4}" class="axis">${s}%</text>`,
  );
  // Labels of a long trend (a rebuilt quarter of weeks) would overlap: every few are shown, always the last.
  const every = Math.ceil(periods.length / 7);
  const labels = periods.map((p, i) => (i % every === 0 || i === periods.length - 1 ? html`<text x="${x(i)}" y="${height - 12}" text-anchor="middle" class="axis">${p}</text>` : null));
  return html`<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="Share of points per work type over periods">${grid}${lines}${labels}</svg>`;
}

function legend(workTypes: readonly string[], colour: Colour): SafeHtml {
  return html`<p class="legend">${workTypes.map((t) => html`<span><i style="background:${colour(t)}"></i>${t}</span>`)}</p>`;
}

/** A stacked bar per team: its mix by points. */
function teamTable(data: ReportData, workTypes: readonly string[], colour: Colour): SafeHtml {
  const current = data.cells.filter((c) => c.period === data.period && c.scopeKind === 'team');
  const teams = [...new Set(current.map((c) => c.scopeName))].sort();
  const rows = teams.map((team) => {
    const cells = workTypes.map((t) => current.find((c) => c.scopeName === team && c.workType === t));
    const bar = cells.map((c) =>
      c && c.pointShare > 0 ? html`<span style="width:${c.pointShare}%;background:${colour(c.workType)}" title="${c.workType} ${c.pointShare}%"></span>` : null,
    );
    const epics = cells.reduce((s, c) => s + (c?.epics ?? 0), 0);
    const off = cells.filter((c) => c?.status && c.status !== 'on track').map((c) => `${c!.workType} ${c!.status} (${c!.driftPp! > 0 ? '+' : ''}${c!.driftPp} pp)`);
    return html`<tr><th>${team}</th><td class="num">${epics}</td><td><div class="stack">${bar}</div></td><td>${off.join('; ') || 'on track'}</td></tr>`;
  });
  return html`<table><thead><tr><th>Team</th><th class="num">Epics</th><th>Mix by points</th><th>Off target</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function connectionTable(data: ReportData): SafeHtml {
  const rows = data.summaries
    .filter((s) => s.period === data.period)
    .map(
      (s) =>
        html`<tr><td>${s.scopeKind}</td><th>${s.scopeName}</th><td class="num">${s.epics}</td><td class="num">${s.points}</td><td class="num">${s.impactLinkedEpics}% / ${s.impactLinkedPoints}%</td><td class="num">${s.usageLinkedEpics}% / ${s.usageLinkedPoints}%</td><td class="num">${s.orphans}</td></tr>`,
    );
  return html`<table><thead><tr><th>Scope</th><th>Name</th><th class="num">Epics</th><th class="num">Points</th><th class="num">Serving Impact (epics / points)</th><th class="num">Serving Usage (epics / points)</th><th class="num">Orphans</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function orphanTable(data: ReportData): SafeHtml {
  if (data.orphans.length === 0) return html`<p>Every epic in the mix serves an Impact target and a Usage target.</p>`;
  const table = (orphans: readonly ReportEpic[]) =>
    html`<table><thead><tr><th>Epic</th><th>Summary</th><th>Work type</th><th>Missing</th></tr></thead><tbody>${orphans.map(
      (o) => html`<tr><td>${epicLink(o)}</td><td>${o.summary}</td><td>${o.workType}</td><td>no ${o.missing.join(', no ')}</td></tr>`,
    )}</tbody></table>`;
  return teamFolds(data.orphans, (_team, ofTeam) => `${ofTeam.length} orphan${ofTeam.length === 1 ? '' : 's'}`, table);
}

// A template without values: the style sheet is code, never data (and `<style>` text must not be entity-escaped).
const STYLE = html`body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2329;margin:2rem auto;max-width:1000px;padding:0 1rem}
h1{font-size:1.6rem;margin:0}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #e3e6ea;padding-bottom:.3rem}
.meta{color:#5f6b76}.summary{font-size:1.1rem;background:#f4f7fb;border-left:4px solid #2f6fdf;padding:.7rem 1rem}
svg{width:100%;max-width:640px;height:auto}.label{font-size:13px}.value{font-size:12px;fill:#333}.axis{font-size:11px;fill:#6b7680}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #edf0f2;vertical-align:top}
.num{text-align:right}.stack{display:flex;height:14px;width:260px;background:#f0f2f4;border-radius:3px;overflow:hidden}.stack span{display:block;height:100%}
.legend span{margin-right:1rem;white-space:nowrap}.legend i,i.dot{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.3rem;vertical-align:-1px}
.mix .label{font-size:15px}.mix .value{font-size:13px}.target{font-size:12px;fill:#1d2329}.alert{fill:#b3261e;font-weight:600}.warning{background:#fdecea;border-left:4px solid #d44c47;padding:.6rem 1rem}
h3{font-size:1rem;margin:1.2rem 0 .3rem}.count{color:#5f6b76;font-weight:normal}.why{color:#5f6b76;font-size:13px}.fix{font-size:13px}
details{border-bottom:1px solid #edf0f2;padding:.35rem 0}summary{cursor:pointer}details table{margin:.4rem 0 .6rem}.moves li{margin:.2rem 0}`;

export function renderHtml(data: ReportData): string {
  const current = data.cells.filter((c) => c.period === data.period && c.scopeKind === 'portfolio');
  const totals = data.summaries.find((s) => s.period === data.period && s.scopeKind === 'portfolio');
  const summary = summarizeMix(current, { epics: totals?.epics ?? 0, impactLinkedEpicShare: totals?.impactLinkedEpics ?? 0 }, data.policy);
  const warning = unclassifiedWarning(unclassifiedShareOf(current, data.policy), data.policy);
  const workTypes = [...new Set(current.map((c) => c.workType))];
  const colour = workTypeColours(data);
  // The Content-Security-Policy: even if a value ever went in unescaped, the page could neither run it
  // (no script source at all) nor call out (styles and images inline only); it must come before any content.
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Portfolio balance ${data.period}</title><style>${STYLE}</style></head>
<body>
<h1>Portfolio balance</h1>
<p class="meta">Period ${data.period} · generated ${data.generatedAt} by backbone-sync</p>
<p class="summary">${summary}</p>
${warning ? html`<p class="warning"><strong>Warning:</strong> ${warning}</p>` : null}
<h2>Current mix against target (share of classified ${data.policy.driftBasis === 'points' ? 'story points' : 'epics'})</h2>
${mixChart(data, current, colour)}
<h2>Epics, points and time in progress</h2>
${weightsSection(data)}
<h2>Trend (share of all story points)</h2>
${legend(workTypes, colour)}
${trendChart(data, workTypes, colour)}
${reconstructedNote(data)}
${whatMovedSection(data)}
<h2>Teams</h2>
${teamTable(data, workTypes, colour)}
${fixList(data)}
${targetEpics(data, colour)}
<h2>Connection to strategy</h2>
${connectionTable(data)}
${strategyGaps(data)}
<h2>Orphan work (${data.orphans.length})</h2>
${orphanTable(data)}
</body></html>
`.toString();
}
