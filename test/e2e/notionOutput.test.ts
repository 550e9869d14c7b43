import { describe, expect, it } from 'vitest';
import { sandboxHarness, type SandboxHarness } from '../helpers/sandboxSync.ts';

const T0 = new Date('2026-11-23T08:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const text = (h: SandboxHarness, blockId: string) => JSON.stringify(h.world.notion.blocksOf(blockId).map((b) => b.content));
const shown = (block: { content: Record<string, unknown> }) => ((block.content['rich_text'] ?? []) as { plain_text: string }[]).map((t) => t.plain_text).join('');
const dashboard = (h: SandboxHarness) => h.world.notion.blocksOf(h.world.notionIds.dashboardPage);
const balanceRows = (h: SandboxHarness) => h.world.notion.rows(h.world.notion.databaseByTitle('Portfolio Balance')!.dataSourceIds[0]!);

describe('what the head of product sees in Notion', () => {
  it('the first run creates the databases under the parent page and the dashboard section, leaving other blocks alone', async () => {
    const h = sandboxHarness({ epics: 30 });
    expect((await h.run(['sync'], T0)).code).toBe(0);
    const parentChildren = h.world.notion.blocksOf(h.world.notionIds.parentPage).map((b) => `${b.type}:${JSON.stringify(b.content)}`);
    expect(parentChildren.some((c) => c.includes('child_database') && c.includes('"Epics"'))).toBe(true);
    expect(parentChildren.some((c) => c.includes('child_database') && c.includes('"Portfolio Balance"'))).toBe(true);
    const blocks = dashboard(h);
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'callout']);
    const section = blocks[2]!;
    // The title is the marker alone: what the section shows is compared directly, no fingerprint in sight.
    expect(shown(section)).toBe('Portfolio balance · maintained by backbone-sync');
    const inside = h.world.notion.blocksOf(section.id).map(shown);
    expect(inside[0]).toMatch(/of classified points, .*serve no Impact target/);
    for (const part of ['\nTeams against their targets\n', '\nStrategy coverage\nWork without strategy: ']) expect(inside[0]).toContain(part);
    expect(inside.slice(1)).toEqual(expect.arrayContaining(['What moved', 'Where to act']));
  });

  it('the dashboard section is rewritten only where what it shows changes, block by block, and left alone when not', async () => {
    const h = sandboxHarness({ epics: 30 });
    await h.run(['sync'], T0);
    const human = h.world.notion.seedPage({ parent: { page_id: h.world.notionIds.dashboardPage }, properties: { title: { title: [{ text: { content: 'Notes from the QBR' } }] } } });
    h.resetLogs();
    await h.run(['sync'], T0);
    expect(h.notionWrites()).toEqual([]);

    // One more orphan: only the strategy coverage line changes, in the block that holds the numbers.
    const section = dashboard(h)[2]!;
    const before = h.world.notion.blocksOf(section.id).map((b) => ({ id: b.id, text: shown(b) }));
    const linked = (prefix: string) => (i: { labels: string[] }) => i.labels.some((l) => l.startsWith(prefix));
    const epic = h.world.jira.site.issues.find((i) => i.parentKey === null && i.status.category !== 'done' && linked('work-')(i) && linked('impact-')(i) && linked('usage-')(i))!;
    // No usage label, no link, no keyword left to serve a Usage target by.
    h.world.jira.updateIssue(epic.id, { labels: epic.labels.filter((l) => !l.startsWith('usage-')), summary: 'Quarterly housekeeping', description: null, updated: T0.getTime() });
    h.resetLogs();
    await h.run(['sync'], T0);
    const after = h.world.notion.blocksOf(section.id).map((b) => ({ id: b.id, text: shown(b) }));
    expect(after.map((b) => b.id)).toEqual(before.map((b) => b.id));
    const changed = after.filter((b, i) => b.text !== before[i]!.text);
    expect(changed).toHaveLength(1);
    const lines = (text: string) => text.split('\n');
    expect(lines(changed[0]!.text).filter((line) => !lines(before.find((b) => b.id === changed[0]!.id)!.text).includes(line))).toEqual([
      expect.stringMatching(/^Work without strategy: /),
    ]);
    const sectionWrites = h.notionWrites().filter((w) => w.path.startsWith('/v1/blocks/'));
    expect(sectionWrites.map((w) => `${w.method} ${w.path}`)).toEqual([`PATCH /v1/blocks/${changed[0]!.id}`]);
    expect(h.world.notion.page(human.id)!.inTrash).toBe(false);
  });

  it('a section whose shape no longer matches (an older version\'s, or edited by hand) is replaced where it was', async () => {
    const h = sandboxHarness({ epics: 30 });
    await h.run(['sync'], T0);
    const section = dashboard(h)[2]!;
    h.world.notion.trash(h.world.notion.blocksOf(section.id)[1]!.id);
    await h.run(['sync', '--full'], T0);
    const after = dashboard(h);
    expect(after.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'callout']);
    expect(after[2]!.id).not.toBe(section.id);
    expect(text(h, after[2]!.id)).toContain('What moved');
  });

  it('a second period adds rows and keeps the first period\'s rows unchanged', async () => {
    const h = sandboxHarness({ epics: 30 });
    await h.run(['sync'], T0);
    const week48 = balanceRows(h).map((r) => JSON.stringify(r.values));
    const epic = h.world.jira.site.issues.find((i) => i.parentKey === null && i.status.category !== 'done')!;
    h.world.jira.updateIssue(epic.id, { labels: ['work-debt'], updated: T0.getTime() + 7 * 86_400_000 });
    await h.run(['sync'], new Date(T0.getTime() + 7 * 86_400_000));
    const rows = balanceRows(h);
    const periods = new Set(rows.map((r) => h.world.notion.valueOf(r, 'Period')));
    expect(periods).toEqual(new Set(['2026-W48', '2026-W49']));
    const kept = rows.filter((r) => h.world.notion.valueOf(r, 'Period') === '2026-W48').map((r) => JSON.stringify(r.values));
    expect(kept.sort()).toEqual([...week48].sort());
  });

  it('a property deleted by a person is added back; one retyped is reported by name and nothing is written', async () => {
    const h = sandboxHarness({ epics: 20 });
    await h.run(['sync'], T0);
    const ds = h.world.notion.databaseByTitle('Epics')!.dataSourceIds[0]!;
    h.world.notion.editSchema(ds, 'Story Points', { remove: true });
    expect((await h.run(['sync', '--full'], T0)).code).toBe(0);
    expect(h.world.notion.rows(ds).some((r) => h.world.notion.valueOf(r, 'Story Points') !== null)).toBe(true);

    h.world.notion.editSchema(ds, 'Team', { retype: 'rich_text' });
    h.resetLogs();
    const result = await h.run(['sync', '--full'], T0);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('"Team" is a rich_text property; backbone-sync needs it to be select');
    expect(h.notionWrites()).toEqual([]);
  });

  it('a property renamed by a person is left to them; the engine adds its own again', async () => {
    const h = sandboxHarness({ epics: 20 });
    await h.run(['sync'], T0);
    const ds = h.world.notion.databaseByTitle('Epics')!.dataSourceIds[0]!;
    h.world.notion.editSchema(ds, 'Classified By', { rename: 'Why (old)' });
    expect((await h.run(['sync', '--full'], T0)).code).toBe(0);
    const row = h.world.notion.rows(ds)[0]!;
    expect(h.world.notion.valueOf(row, 'Why (old)')).toBeTruthy();
    expect(h.world.notion.valueOf(row, 'Classified By')).toBeTruthy();
  });

  it('init creates the databases and prints their ids', async () => {
    const h = sandboxHarness({ epics: 5 });
    const result = await h.run(['init']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`notion.epicsDatabase     ${h.world.notion.databaseByTitle('Epics')!.id}`);
    expect(result.stdout).toContain(`notion.balanceDatabase   ${h.world.notion.databaseByTitle('Portfolio Balance')!.id}`);
  });

  it('report --html writes the page from what the syncs left in Notion', async () => {
    const h = sandboxHarness({ epics: 30 });
    await h.run(['sync'], T0);
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'report-')), 'report.html');
    const result = await h.run(['report', '--html', file], T0);
    expect(result.code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('Period 2026-W48');
    expect(html).toContain('Orphan work');
  });
});

describe('chart views', () => {
  const viewsOf = (h: SandboxHarness, title: string) => {
    const db = h.world.notion.databaseByTitle(title)!;
    return (h.world.notion.snapshot() as { views: { id: string; databaseId: string; name: string; type: string; configuration: { chart_type: string } }[] }).views.filter((v) => v.databaseId === db.id);
  };

  it('the first run creates the charts of the mix now, per team and over time, once', async () => {
    const h = sandboxHarness({ epics: 12 });
    await h.run(['sync'], T0);
    const charts = (title: string) => viewsOf(h, title).filter((v) => v.type === 'chart').map((v) => [v.name, v.configuration.chart_type]);
    expect(charts('Epics')).toEqual([['Work mix now (points)', 'donut'], ['Mix per team (points)', 'bar']]);
    expect(charts('Portfolio Balance')).toEqual([['Work mix over time (point share)', 'line']]);
    const count = viewsOf(h, 'Epics').length;
    await h.run(['init']);
    expect(viewsOf(h, 'Epics')).toHaveLength(count);
    expect(viewsOf(h, 'Portfolio Balance')).toHaveLength(2);
  });

  it('a chart view a person deleted is made again by the next full run; incremental runs do not look', async () => {
    const h = sandboxHarness({ epics: 12 });
    await h.run(['sync'], T0);
    const names = (title: string) => viewsOf(h, title).map((v) => v.name);
    const donut = viewsOf(h, 'Epics').find((v) => v.name === 'Work mix now (points)')!;
    const before = { epics: names('Epics'), balance: names('Portfolio Balance') };
    h.world.notion.deleteView(donut.id);
    h.resetLogs();
    await h.run(['sync'], later(10));
    expect(names('Epics')).not.toContain('Work mix now (points)');
    expect(h.world.notion.requestLog.filter((r) => r.path.startsWith('/v1/views'))).toEqual([]);
    await h.run(['sync', '--full'], later(20));
    expect(names('Epics').sort()).toEqual([...before.epics].sort());
    expect(viewsOf(h, 'Epics').find((v) => v.name === 'Work mix now (points)')?.configuration.chart_type).toBe('donut');
    expect(names('Portfolio Balance').sort()).toEqual([...before.balance].sort());
  });

  it('when the API refuses chart views, the run still succeeds and says how to add them by hand', async () => {
    const h = sandboxHarness({ epics: 6 });
    h.world.notionNet.inject({ method: 'POST', path: /^\/v1\/views$/, times: 5, fault: { kind: 'status', status: 400 } });
    const result = await h.run(['sync'], T0);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('add them by hand (README: \\"Views and styles\\")');
  });
});

describe('narratives', () => {
  it('with readNarratives, the dashboard quotes each Impact page\'s first paragraph', async () => {
    const h = sandboxHarness({ epics: 6, config: (c) => ({ ...c, notion: { ...c.notion, readNarratives: true } }) });
    await h.run(['sync'], T0);
    const section = dashboard(h).find((b) => b.type === 'callout')!;
    expect(text(h, section.id)).toContain('Win mid-market retailers: Retailers with 10 to 200 stores choose us over the incumbents.');
  });
});
