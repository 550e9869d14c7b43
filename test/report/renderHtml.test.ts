import { describe, expect, it } from 'vitest';
import { computeBalance } from '#core/balance.ts';
import { defaultBalanceConfig } from '#config/schema.ts';
import type { PortfolioEpic } from '#core/portfolioEpic.ts';
import { ALL_WORK, BALANCE_TABLE, balanceCellRow, balanceSummaryRow } from '#core/tables/balanceTable.ts';
import { EPICS_TABLE } from '#core/tables/epicsTable.ts';
import { renderHtml } from '#report/renderHtml.ts';
import { reportData, type ReportContext } from '#report/reportData.ts';
import { defaultMappings, portfolioEpic } from '../helpers/epicFactory.ts';
import { storedRows } from '../helpers/storedRows.ts';


const context: ReportContext = { strategy: [], workTypes: defaultMappings().workTypes, policy: defaultBalanceConfig(), tolerancePp: 5 };

function rowsFor(period: string, epics: PortfolioEpic[]) {
  const b = computeBalance({ epics, workTypes: defaultMappings().workTypes, strategy: [], teamTargets: {}, policy: defaultBalanceConfig(), now: new Date() });
  return [...b.cells.map((c) => balanceCellRow(c, period)), ...b.summaries.map((s) => balanceSummaryRow(s, period))];
}

const epic = (id: string, workTypeId: string, points: number, team = 'PAY') => portfolioEpic(id, workTypeId, points, { team });

describe('the HTML report', () => {
  const balanceRows = storedRows(BALANCE_TABLE, [
    ...rowsFor('2026-W47', [epic('1', 'growth', 5), epic('2', 'debt', 5)]),
    ...rowsFor('2026-W48', [epic('1', 'growth', 5), epic('2', 'debt', 8), epic('3', 'innovation', 2, 'PLAT')]),
  ]);
  const epicRows = storedRows(EPICS_TABLE, [
    {
      key: '9',
      values: {
        name: 'Rewrite <script>alert("x")</script> exporter',
        jiraKey: 'PAY-9',
        jiraUrl: 'https://acme.atlassian.net/browse/PAY-9',
        team: 'PAY',
        workType: 'Growth',
        statusCategory: 'In Progress',
        impact: [],
        usage: ['u'],
        counts: true,
      },
    },
  ]);
  const html = renderHtml(reportData(balanceRows, epicRows, new Date('2026-11-23T08:00:00Z'), context));

  it('shows the current period, the summary, the trend over every period, teams and orphans', () => {
    expect(html).toContain('Period 2026-W48');
    expect(html).toContain('Debt &amp; Evolution 53% of classified points, 23 pp over target');
    expect(html).toContain('>2026-W47</text>');
    expect(html).toContain('<th>PLAT</th>');
    expect(html).toContain('Orphan work (1)');
    expect(html).toContain('no Impact');
  });

  it('escapes values from Jira: a summary containing <script> renders as text', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('Rewrite &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; exporter');
  });

  it('is self-contained: no scripts and no network references', () => {
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/i);
  });
});

/** Text a person can type into Jira or a Notion cell, meant to run when the report is opened. */
const HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)'];

const ELEMENTS = new Set([
  ...['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'p', 'span', 'i', 'strong', 'code', 'div', 'a', 'ul', 'li', 'details', 'summary'],
  ...['table', 'thead', 'tbody', 'tr', 'th', 'td', 'svg', 'text', 'rect', 'line', 'polyline', 'circle'],
]);

/**
 * Every tag in the page and its attributes. Text is escaped, so any `<` left
 * in the output opens real markup: this is what a browser would build.
 */
function markup(page: string): { tag: string; attributes: [string, string][] }[] {
  return [...page.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)].map(([, tag, rest]) => ({
    tag: tag!.toLowerCase(),
    attributes: [...rest!.matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name!.toLowerCase(), value ?? ''] as [string, string]),
  }));
}

/** A report in which every text field read from Notion carries `text`. */
function hostileReport(text: string): string {
  const cell = (scope: string) => ({ period: text, scope, scopeName: text, workType: text, epics: 1, points: 3, epicShare: 100, pointShare: 100, target: 50, driftPp: 50, targetStatus: text });
  const summary = (scope: string) => ({ period: text, scope, scopeName: text, workType: ALL_WORK, epics: 1, points: 3, orphans: 1 });
  const balance = storedRows(BALANCE_TABLE, [
    { key: 'p', values: cell('portfolio') },
    { key: 't', values: cell('team') },
    { key: 'ps', values: summary('portfolio') },
    { key: 'ts', values: summary(text) },
  ]);
  const epics = storedRows(EPICS_TABLE, [
    {
      key: '1',
      values: { name: text, jiraKey: text, jiraUrl: text, team: text, workType: 'Unclassified', classifiedBy: text, fix: text, statusCategory: 'In Progress', impact: [], usage: [], counts: true },
    },
  ]);
  return renderHtml(reportData(balance, epics, new Date('2026-11-23T08:00:00Z'), context));
}

describe('the HTML report, given hostile text in Jira and Notion', () => {
  it.each(HOSTILE)('shows %s as text in every field: no new element, no event handler, no script link', (text) => {
    const page = hostileReport(text);
    for (const { tag, attributes } of markup(page)) {
      expect(ELEMENTS).toContain(tag);
      for (const [name, value] of attributes) {
        expect(name).not.toMatch(/^on/);
        if (name === 'href') expect(value).toMatch(/^https?:\/\//);
      }
    }
    const shown = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    // Summary, key, URL, team, work type, status, scope, scope name and period each show it as text.
    expect(page.split(shown).length - 1).toBeGreaterThanOrEqual(9);
  });

  it('links an epic only to an http(s) address: any other URL is shown as text', () => {
    const page = hostileReport('javascript:alert(1)');
    expect(page).not.toContain('href="javascript:');
    expect(page).toContain('<td>javascript:alert(1)</td>');
  });

  it('carries a Content-Security-Policy that forbids scripts and network loads, before any content', () => {
    const page = hostileReport('x');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page);
    expect(csp?.[1]).toContain("default-src 'none'");
    expect(csp?.[1]).not.toMatch(/script-src|unsafe-eval/);
    expect(page.indexOf(csp![0])).toBeLessThan(page.indexOf('<title>'));
  });
});
