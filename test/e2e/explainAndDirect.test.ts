import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aWeekOfWork } from '#sandbox/company/weekOfWork.ts';
import { sandboxHarness, type SandboxHarness } from '../helpers/sandboxSync.ts';

const DAY = 86_400_000;
const T0 = new Date('2026-11-23T08:00:00Z');
const WEEK_LATER = new Date(T0.getTime() + 7 * DAY);

const rowsOf = (h: SandboxHarness, title: string) => h.world.notion.rows(h.world.notion.databaseByTitle(title)!.dataSourceIds[0]!);
const value = (h: SandboxHarness, row: Parameters<SandboxHarness['world']['notion']['valueOf']>[0], property: string) => h.world.notion.valueOf(row, property);
const shown = (block: { content: Record<string, unknown> }) => ((block.content['rich_text'] ?? []) as { plain_text: string }[]).map((t) => t.plain_text).join('');
const dashboardText = (h: SandboxHarness) => {
  const section = h.world.notion.blocksOf(h.world.notionIds.dashboardPage).find((b) => b.type === 'callout')!;
  return h.world.notion.blocksOf(section.id).map(shown).join('\n');
};

async function report(h: SandboxHarness, now: Date): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'report-')), 'report.html');
  expect((await h.run(['report', '--html', file], now)).code).toBe(0);
  return readFileSync(file, 'utf8');
}

describe('what moved the mix, on a two-period history', () => {
  it('the dashboard and the report name the epics relabelled since the previous period, by team, and the shares they moved', async () => {
    const h = sandboxHarness({ epics: 120 });
    await h.run(['sync'], T0);
    expect(dashboardText(h)).toContain('No earlier period to compare with yet');

    const week = aWeekOfWork(h.world.jira, WEEK_LATER.getTime());
    expect((await h.run(['sync'], WEEK_LATER)).code).toBe(0);

    const teams = week.relabelled.map((key) => key.split('-')[0]!);
    const perTeam = [...new Set(teams)].map((t) => `${t} ${teams.filter((x) => x === t).length}`).sort((a, b) => Number(b.split(' ')[1]) - Number(a.split(' ')[1]) || a.localeCompare(b));
    const relabelled = `Relabelled: ${week.relabelled.length} epics Growth → Debt & Evolution (${perTeam.join(', ')}).`;
    const dashboard = dashboardText(h);
    expect(dashboard).toContain('What moved since 2026-W48');
    expect(dashboard).toContain(relabelled);
    expect(dashboard).toMatch(/Debt & Evolution \d+% → \d+% of classified points \(\+\d+ pp\)/);
    expect(dashboard).toMatch(/Innovation \d+% → \d+% of classified points .*2 entered \(DATA 2\)/);

    const html = await report(h, WEEK_LATER);
    expect(html).toContain('What moved since 2026-W48');
    expect(html).toContain(relabelled.replaceAll('&', '&amp;'));

    // The rows say it too: what each relabelled epic was when the week began.
    const row = rowsOf(h, 'Epics').find((r) => value(h, r, 'Jira Key') === week.relabelled[0])!;
    expect([value(h, row, 'Work Type'), value(h, row, 'Mix Before'), value(h, row, 'Mix Changed In')]).toEqual(['Debt & Evolution', 'Growth', '2026-W49']);
  });

  it('done work leaving the recent window stops counting on an incremental run, though Jira did not change', async () => {
    // Full reconciliations far apart, so the run a week later is incremental.
    const h = sandboxHarness({ epics: 30, config: (c) => ({ ...c, sync: { fullEveryHours: 24 * 30 } }) });
    const epic = h.world.jira.site.issues.find((i) => i.parentKey === null && i.labels.includes('work-growth'))!;
    const resolved = T0.getTime() - 25 * DAY;
    h.world.jira.updateIssue(epic.id, { status: { name: 'Done', category: 'done' }, resolved, updated: resolved });
    await h.run(['sync'], T0);
    const row = () => rowsOf(h, 'Epics').find((r) => value(h, r, 'Jira Key') === epic.key)!;
    expect(value(h, row(), 'Counts')).toBe(true);

    const result = await h.run(['sync'], WEEK_LATER);
    expect(result.stdout).toContain('"mode":"incremental"');
    expect([value(h, row(), 'Counts'), value(h, row(), 'Mix Before'), value(h, row(), 'Mix Changed In')]).toEqual([false, 'Growth', '2026-W49']);
    expect(dashboardText(h)).toMatch(new RegExp(`Growth epics? closed \\(.*${epic.projectKey} \\d`));
  });
});

describe('orphans, counted one way', () => {
  it('the report lists exactly the orphans the balance counts, done work in the recent window included', async () => {
    const h = sandboxHarness({ epics: 60 });
    // A done, recently resolved epic that serves no strategy: it counts, so it is an orphan the list must show.
    const done = h.world.jira.site.issues.find((i) => i.parentKey === null && i.labels.includes('work-debt'))!;
    h.world.jira.updateIssue(done.id, { labels: ['work-debt'], summary: 'Quarterly housekeeping', description: null, status: { name: 'Done', category: 'done' }, resolved: T0.getTime() - 3 * DAY });
    await h.run(['sync'], T0);

    const portfolio = rowsOf(h, 'Portfolio Balance').find((r) => value(h, r, 'Key') === 'portfolio:Portfolio|all|2026-W48')!;
    const counted = value(h, portfolio, 'Orphans');
    const marked = rowsOf(h, 'Epics').filter((r) => value(h, r, 'Counts') === true && value(h, r, 'Orphan') === true);
    expect(marked).toHaveLength(counted as number);

    const html = await report(h, T0);
    expect(html).toContain(`Orphan work (${counted})`);
    expect(html).toContain(`>${done.key}</a>`);
    expect(dashboardText(h)).toContain(`Work without strategy: ${counted} of `);
  });
});

describe('the unclassified share', () => {
  it('above balance.unclassifiedWarningPercent, the run, the dashboard and the report warn that the mix cannot be trusted', async () => {
    const h = sandboxHarness({ epics: 30, config: (c) => ({ ...c, balance: { unclassifiedWarningPercent: 1 } }) });
    const result = await h.run(['sync'], T0);
    expect(result.stdout).toMatch(/"level":40,.*"msg":"\d+% of points are unclassified, above the 1% warning level/);
    expect(dashboardText(h)).toMatch(/⚠ \d+% of points are unclassified, above the 1% warning level/);
    expect(await report(h, T0)).toMatch(/<strong>Warning:<\/strong> \d+% of points are unclassified/);
  });
});
