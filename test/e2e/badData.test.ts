import { describe, expect, it } from 'vitest';
import { SANDBOX_NOTION_TOKEN } from '#sandbox/company/world.ts';
import { sandboxHarness } from '../helpers/sandboxSync.ts';

const T0 = new Date('2026-11-23T08:00:00Z');

describe('messy data never crashes a run', () => {
  it('long, emoji, right-to-left, huge, label-heavy and empty epics all land in Notion, cut to its limits with a marker', async () => {
    const h = sandboxHarness({ epics: 12 });
    const [long, rtl, huge, labels, empty, commas] = h.world.jira.site.issues.filter((i) => i.parentKey === null);
    long!.summary = 'Migrate '.repeat(40).trim() + ' — ' + 'x'.repeat(2100);
    rtl!.summary = '🚀 تحسين تجربة الدفع 🚀 pricing ✨';
    huge!.description = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'y'.repeat(5000) }] }] };
    labels!.labels = [...Array.from({ length: 150 }, (_, i) => `label-${i}`), 'work-growth', 'İmpact-mid-market', 'naïve-ünicode'];
    empty!.summary = '';
    empty!.labels = [];
    empty!.storyPoints = null;
    commas!.status = { name: 'Blocked, waiting on legal', category: 'indeterminate' };
    const result = await h.run(['sync'], T0);
    expect(result.code, result.stderr).toBe(0);
    const rows = h.world.notion.rows(h.world.notion.databaseByTitle('Epics')!.dataSourceIds[0]!);
    const row = (id: string) => rows.find((r) => h.world.notion.valueOf(r, 'Jira ID') === id)!;
    const name = String(h.world.notion.valueOf(row(long!.id), 'Name'));
    expect(name.length).toBe(2000);
    expect(name.endsWith('…[truncated]')).toBe(true);
    expect(h.world.notion.valueOf(row(rtl!.id), 'Name')).toBe(rtl!.summary);
    expect(h.world.notion.valueOf(row(rtl!.id), 'Work Type')).toBe('Growth');
    expect(h.world.notion.valueOf(row(labels!.id), 'Work Type')).toBe('Growth');
    expect(h.world.notion.valueOf(row(empty!.id), 'Work Type')).toBe('Unclassified');
    expect(h.world.notion.valueOf(row(commas!.id), 'Status')).toBe('Blocked waiting on legal');
    // A second run sees the stored, cut values as unchanged.
    h.resetLogs();
    await h.run(['sync'], T0);
    expect(h.notionWrites()).toEqual([]);
  });

  it('issues with null fields and a site without any story point field still sync', async () => {
    const h = sandboxHarness({ epics: 6, config: (c) => ({ ...c, jira: { ...c.jira, storyPointsField: 'customfield_99999' } }) });
    const [nulls] = h.world.jira.site.issues.filter((i) => i.parentKey === null);
    Object.assign(nulls!, { labels: [], components: [], description: null, resolved: null });
    const result = await h.run(['sync'], T0);
    expect(result.code).toBe(0);
    const rows = h.world.notion.rows(h.world.notion.databaseByTitle('Epics')!.dataSourceIds[0]!);
    expect(rows.every((r) => h.world.notion.valueOf(r, 'Story Points') === null)).toBe(true);
  });

  it('strategy pages with an empty title, or sharing a title, are read without crashing; a shared slug is an error naming both pages', async () => {
    const h = sandboxHarness({ epics: 6 });
    const ds = h.world.notionIds.strategyDataSource;
    const text = (content: string) => [{ text: { content } }];
    h.world.notion.seedPage({ parent: { data_source_id: ds }, properties: { Name: { title: [] }, Layer: { select: { name: 'Impact' } } } });
    h.world.notion.seedPage({ parent: { data_source_id: ds }, properties: { Name: { title: text('Win mid-market retailers') }, Layer: { select: { name: 'Usage' } }, Slug: { rich_text: text('mid-market-usage') } } });
    expect((await h.run(['sync'], T0)).code).toBe(0);
    h.world.notion.seedPage({ parent: { data_source_id: ds }, properties: { Name: { title: text('Mid-market, again') }, Layer: { select: { name: 'Impact' } }, Slug: { rich_text: text('mid-market') } } });
    const result = await h.run(['sync'], T0);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Two Impact pages share the slug "mid-market": "Win mid-market retailers"');
    expect(result.stderr).toContain('"Mid-market, again"');
  });

  it('a bad Notion token is named, and never printed', async () => {
    const h = sandboxHarness({ epics: 3 });
    const result = await h.runWithEnv(['sync'], { NOTION_TOKEN: 'bad-notion-token-not-real-42' }, T0);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Notion rejected the token in NOTION_TOKEN');
    expect(result.stdout + result.stderr).not.toContain('bad-notion-token-not-real-42');
    expect(result.stdout + result.stderr).not.toContain(SANDBOX_NOTION_TOKEN);
  });
});
