import { describe, expect, it } from 'vitest';
import { SANDBOX_STRATEGY_PAGES } from '#sandbox/company/strategy.ts';
import { sandboxHarness, type SandboxHarness } from '../helpers/sandboxSync.ts';

const T0 = new Date('2026-11-23T08:00:00Z');
const WEEK_LATER = new Date(T0.getTime() + 7 * 86_400_000);

interface View {
  databaseId: string;
  name: string;
  type: string;
  filter: unknown;
  configuration: Record<string, unknown> | null;
}
interface Schema {
  name: string;
  type: string;
  config: { format?: string; options?: { name: string; color: string }[] };
}

const snapshot = (h: SandboxHarness) => h.world.notion.snapshot() as { views: View[]; dataSources: { databaseId: string; properties: Record<string, Schema> }[] };
const database = (h: SandboxHarness, title: string) => h.world.notion.databaseByTitle(title)!;
const viewsOf = (h: SandboxHarness, title: string) => snapshot(h).views.filter((v) => v.databaseId === database(h, title).id);
const view = (h: SandboxHarness, title: string, name: string) => viewsOf(h, title).find((v) => v.name === name)!;
const schemaOf = (h: SandboxHarness, title: string) => snapshot(h).dataSources.find((d) => d.databaseId === database(h, title).id)!.properties;
const colours = (schema: Schema) => Object.fromEntries((schema.config.options ?? []).map((o) => [o.name, o.color]));
const COUNTED = { property: 'Counts', checkbox: { equals: true } };
const viewRequests = (h: SandboxHarness) => h.world.notion.requestLog.filter((r) => r.path.startsWith('/v1/views'));

describe('views on the engine\'s databases', () => {
  it('the first run makes the views to act from, each with its filter, on the epics that count', async () => {
    const h = sandboxHarness({ epics: 30 });
    await h.run(['sync'], T0);
    expect(view(h, 'Epics', 'Unclassified')).toMatchObject({ type: 'table', filter: { and: [COUNTED, { property: 'Work Type', select: { equals: 'Unclassified' } }] } });
    expect(view(h, 'Epics', 'Conflicts').filter).toEqual({ and: [COUNTED, { property: 'Classified By', rich_text: { contains: '(conflict: also' } }] });
    expect(view(h, 'Epics', 'Orphans').filter).toEqual({ and: [COUNTED, { property: 'Orphan', checkbox: { equals: true } }] });
    expect(view(h, 'Epics', 'Board by team')).toMatchObject({ type: 'board', filter: COUNTED });
    expect(view(h, 'Portfolio Balance', 'Current period').filter).toEqual({ property: 'Period', select: { equals: '2026-W48' } });

    // One view per Impact target and per Usage flow, through the Impact and Usage relations.
    const impact = SANDBOX_STRATEGY_PAGES.filter((p) => p.layer === 'Impact' && !p.inTrash);
    for (const page of impact) {
      expect(view(h, 'Epics', `Impact · ${page.title}`).filter).toEqual({ and: [COUNTED, { property: 'Impact', relation: { contains: page.id } }] });
    }
    const activation = SANDBOX_STRATEGY_PAGES.filter((p) => p.flow === 'Activation' && !p.inTrash);
    expect(view(h, 'Epics', 'Flow · Activation').filter).toEqual({ and: [COUNTED, { or: activation.map((p) => ({ property: 'Usage', relation: { contains: p.id } })) }] });
  });

  it('the mix per team is a 100%-stacked bar of classified work, with reference lines where the target mix puts its boundaries', async () => {
    const h = sandboxHarness({ epics: 12 });
    await h.run(['sync'], T0);
    const chart = view(h, 'Epics', 'Mix per team (points)');
    expect(chart.filter).toEqual({ and: [COUNTED, { property: 'Work Type', select: { does_not_equal: 'Unclassified' } }] });
    expect(chart.configuration).toMatchObject({ chart_type: 'bar', group_style: 'percent' });
    // Innovation 20, Growth 50, Debt & Evolution 30: boundaries at 20 and 70.
    expect((chart.configuration!['reference_lines'] as { value: number; label: string }[]).map((l) => [l.value, l.label])).toEqual([
      [20, 'target: Innovation | Growth (20%)'],
      [70, 'target: Growth | Debt & Evolution (70%)'],
    ]);
  });

  it('views are left alone while nothing they show changes, and brought up to date when the period does', async () => {
    const h = sandboxHarness({ epics: 12 });
    await h.run(['sync'], T0);
    const count = viewsOf(h, 'Epics').length + viewsOf(h, 'Portfolio Balance').length;
    h.resetLogs();
    await h.run(['sync'], T0);
    expect(viewRequests(h)).toEqual([]);

    h.resetLogs();
    await h.run(['sync'], WEEK_LATER);
    expect(viewRequests(h).filter((r) => r.method !== 'GET').map((r) => r.method)).toEqual(['PATCH']);
    expect(view(h, 'Portfolio Balance', 'Current period').filter).toEqual({ property: 'Period', select: { equals: '2026-W49' } });
    expect(viewsOf(h, 'Epics').length + viewsOf(h, 'Portfolio Balance').length).toBe(count);
  });
});

describe('properties native to Notion', () => {
  it('shares are fractions in percent format, so Notion shows 0.25 as 25%; drift stays in percentage points', async () => {
    const h = sandboxHarness({ epics: 30 });
    await h.run(['sync'], T0);
    const schema = schemaOf(h, 'Portfolio Balance');
    for (const name of ['Epic Share', 'Point Share', 'Classified Share', 'Target', 'Impact Linked (epics %)', 'Usage Linked (points %)']) expect([name, schema[name]!.config.format]).toEqual([name, 'percent']);
    expect(schema['Drift (pp)']!.config.format).toBe('number');
    const rows = h.world.notion.rows(database(h, 'Portfolio Balance').dataSourceIds[0]!);
    const growth = rows.find((r) => h.world.notion.valueOf(r, 'Key') === 'portfolio:Portfolio|growth|2026-W48')!;
    expect(h.world.notion.valueOf(growth, 'Target')).toBe(0.5);
    const shares = rows.map((r) => h.world.notion.valueOf(r, 'Point Share')).filter((v): v is number => typeof v === 'number');
    expect(shares.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(shares.some((v) => v > 0 && v < 1)).toBe(true);
  });

  it('work types have their colours from mappings/ on both databases, and target statuses semantic colours', async () => {
    const h = sandboxHarness({ epics: 30 });
    await h.run(['sync'], T0);
    const workTypes = { Innovation: 'purple', Growth: 'green', 'Debt & Evolution': 'orange', Unclassified: 'gray' };
    expect(colours(schemaOf(h, 'Epics')['Work Type']!)).toEqual(workTypes);
    expect(colours(schemaOf(h, 'Portfolio Balance')['Work Type']!)).toEqual({ ...workTypes, 'All work': 'default' });
    expect(colours(schemaOf(h, 'Portfolio Balance')['Target Status']!)).toEqual({ 'on track': 'green', over: 'orange', under: 'red' });
  });

  it('a format or colour changed by a person is set back when the views are next brought up to date', async () => {
    const h = sandboxHarness({ epics: 12 });
    await h.run(['sync'], T0);
    const ds = database(h, 'Portfolio Balance').dataSourceIds[0]!;
    const options = (schemaOf(h, 'Portfolio Balance')['Work Type']!.config.options ?? []).map((o) => ({ ...o, color: o.name === 'Growth' ? 'red' : o.color }));
    const person = new Request(`https://notion.test/v1/data_sources/${ds}`, {
      method: 'PATCH',
      headers: { authorization: 'Bearer sandbox-notion-token', 'notion-version': '2025-09-03', 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { 'Point Share': { number: { format: 'number' } }, 'Work Type': { select: { options } } } }),
    });
    expect((await h.world.notion.handle(person)).status).toBe(200);
    await h.run(['sync'], WEEK_LATER);
    expect(schemaOf(h, 'Portfolio Balance')['Point Share']!.config.format).toBe('percent');
    expect(colours(schemaOf(h, 'Portfolio Balance')['Work Type']!)['Growth']).toBe('green');
  });
});
