import { describe, expect, it } from 'vitest';
import { computeBalance } from '#core/balance.ts';
import { defaultBalanceConfig } from '#config/schema.ts';
import type { PortfolioEpic } from '#core/portfolioEpic.ts';
import { BALANCE_TABLE, balanceCellRow, balanceSummaryRow } from '#core/tables/balanceTable.ts';
import { EPICS_TABLE } from '#core/tables/epicsTable.ts';
import { renderHtml } from '#report/renderHtml.ts';
import { reportData } from '#report/reportData.ts';
import { defaultMappings } from '../helpers/epicFactory.ts';
import { storedRows } from '../helpers/storedRows.ts';

function rowsFor(period: string, epics: PortfolioEpic[]) {
  const b = computeBalance({ epics, workTypes: defaultMappings().workTypes, strategy: [], teamTargets: {}, policy: defaultBalanceConfig(), now: new Date() });
  return [...b.cells.map((c) => balanceCellRow(c, period)), ...b.summaries.map((s) => balanceSummaryRow(s, period))];
}

const epic = (id: string, workTypeId: string, points: number, team = 'PAY'): PortfolioEpic => ({
  id,
  key: `${team}-${id}`,
  summary: id,
  team,
  statusCategory: 'indeterminate',
  resolved: null,
  storyPoints: points,
  workTypeId,
  impactIds: ['i'],
  usageIds: ['u'],
});

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
      },
    },
  ]);
  const html = renderHtml(reportData(balanceRows, epicRows, new Date('2026-11-23T08:00:00Z')));

  it('shows the current period, the summary, the trend over every period, teams and orphans', () => {
    expect(html).toContain('Period 2026-W48');
    expect(html).toContain('Debt &amp; Evolution 53% of points, 23 pp over target');
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
