import { describe, expect, it } from 'vitest';
import { logLines, type CliResult } from '../helpers/cliRun.ts';
import { sandboxHarness, type SandboxHarness } from '../helpers/sandboxSync.ts';
import { SANDBOX_STRATEGY_PAGES } from '#sandbox/company/strategy.ts';

/**
 * People edit Notion: properties renamed or deleted, options deleted, rows
 * copied. Each edit is made the way the Notion UI makes it (the emulator's
 * person-side operations), then the real CLI runs. The engine must detect it,
 * stop before writing or repair without duplicating, and say what happened.
 */
const T0 = new Date('2026-11-23T08:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const epicsSource = (h: SandboxHarness) => h.world.notion.databaseByTitle('Epics')!.dataSourceIds[0]!;
const epicRows = (h: SandboxHarness) => h.world.notion.rows(epicsSource(h));
const finished = (result: CliResult) => logLines(result.stdout).find((l) => l['msg'] === 'sync finished')!;
const byWorkType = (result: CliResult) => finished(result)['byWorkType'];
/** Runs a sync that must stop before any Notion write (exit 1), saying each of `messages`. */
async function expectStopped(h: SandboxHarness, args: string[], now: Date, messages: string[]): Promise<CliResult> {
  h.resetLogs();
  const result = await h.run(args, now);
  expect(result.code).toBe(1);
  for (const message of messages) expect(result.stderr).toContain(message);
  expect(h.notionWrites()).toEqual([]);
  return result;
}
/** The state page's id, among the parent page's children. */
const statePage = (h: SandboxHarness) =>
  h.world.notion.blocksOf(h.world.notionIds.parentPage).find((b) => b.type === 'child_page' && (b.content as { title: string }).title === 'backbone-sync state')!.id;

describe('the strategy database, edited under the engine', () => {
  it.each([
    ['deleted', { remove: true }],
    ['renamed', { rename: 'Backbone layer' }],
  ])('its Layer property %s: the run stops before any write, naming the database, the property and the setting', async (_, change) => {
    const h = sandboxHarness({ epics: 20 });
    await h.run(['sync'], T0);
    h.world.notion.editSchema(h.world.notionIds.strategyDataSource, 'Layer', change);
    const result = await expectStopped(h, ['sync', '--full'], later(10), [
      `The strategy database ${h.world.notionIds.strategyDatabase} (notion.strategyDatabase)`,
      'has no property "Layer" (notion.strategyProperties.layer): rename the property back in Notion, or set notion.strategyProperties.layer to its name',
    ]);
    expect(logLines(result.stdout).find((l) => l['level'] === 50)).toMatchObject({ kind: 'schema', code: 'strategy-schema' });
  });

  it('a typo in notion.strategyProperties stops a dry run the same way', async () => {
    const h = sandboxHarness({ epics: 6, config: (c) => ({ ...c, notion: { ...c.notion, strategyProperties: { keywords: 'Keywrods' } } }) });
    const result = await h.run(['sync', '--dry-run'], T0);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('has no property "Keywrods" (notion.strategyProperties.keywords)');
  });

  it('its Impact option renamed, so no page is an Impact page: the run stops and shows the values it found', async () => {
    const h = sandboxHarness({ epics: 20 });
    await h.run(['sync'], T0);
    h.world.notion.editOption(h.world.notionIds.strategyDataSource, 'Layer', 'Impact', { rename: 'Impakt' });
    const live = SANDBOX_STRATEGY_PAGES.filter((p) => !p.inTrash);
    const count = (layer: string) => live.filter((p) => p.layer === layer).length;
    await expectStopped(h, ['sync', '--full'], later(10), [
      `has no page whose "Layer" (notion.strategyProperties.layer) is Impact; the values there are "Impakt" × ${count('Impact')}, "Usage" × ${count('Usage')}`,
    ]);
  });
});

describe('the Jira ID property deleted', () => {
  const epicCount = (h: SandboxHarness) => h.world.jira.site.issues.filter((i) => i.parentKey === null).length;
  const rowCreates = (h: SandboxHarness) => h.notionWrites().filter((w) => w.method === 'POST' && w.path === '/v1/pages');

  it.each([
    ['by their Jira Key', ['Jira ID']],
    ['by their Jira URL when Jira Key is gone too', ['Jira ID', 'Jira Key']],
  ])('rows are recognised %s and get their Jira ID back: no second row, and the overrides stay', async (_, deleted) => {
    const h = sandboxHarness({ epics: 30 });
    await h.run(['sync'], T0);
    const idOf = new Map(epicRows(h).map((r) => [r.id, h.world.notion.valueOf(r, 'Jira ID')]));
    const overridden = epicRows(h).find((r) => h.world.notion.valueOf(r, 'Work Type') !== 'Innovation')!;
    h.world.notion.editRow(overridden.id, 'Work Type Override', { type: 'select', value: 'Innovation' });
    for (const property of deleted) h.world.notion.editSchema(epicsSource(h), property, { remove: true });
    h.resetLogs();
    const result = await h.run(['sync'], later(10));
    expect(result.code, result.stderr).toBe(0);
    expect(rowCreates(h)).toEqual([]);
    expect(epicRows(h)).toHaveLength(epicCount(h));
    for (const row of epicRows(h)) expect(h.world.notion.valueOf(row, 'Jira ID')).toBe(idOf.get(row.id));
    expect(h.world.notion.valueOf(h.world.notion.page(overridden.id)!, 'Work Type')).toBe('Innovation');
  });

  it('a row that matches no epic while an epic has no row (moved to another project) stops the run with the repair, writing nothing', async () => {
    const h = sandboxHarness({ epics: 30 });
    await h.run(['sync'], T0);
    const epic = h.world.jira.site.issues.find((i) => i.parentKey === null && i.projectKey === 'PAY')!;
    const oldKey = epic.key;
    const moved = h.world.jira.moveIssue(epic.id, 'GRO');
    h.world.notion.editSchema(epicsSource(h), 'Jira ID', { remove: true });
    await expectStopped(h, ['sync'], later(10), [
      '1 Epics row(s) have no Jira ID and match no epic by Jira Key or Jira URL',
      `(Jira Key ${oldKey}, page `,
      `1 epic(s) have no row: ${moved.key}`,
      "Type each row's current key into its Jira Key",
    ]);

    // The repair the message asks for: the row's current key typed in. Then the row is the epic's again.
    const row = epicRows(h).find((r) => h.world.notion.valueOf(r, 'Jira Key') === oldKey)!;
    h.world.notion.editRow(row.id, 'Jira Key', { type: 'rich_text', items: [{ plain_text: moved.key, href: null }] });
    expect((await h.run(['sync'], later(20))).code).toBe(0);
    expect(rowCreates(h)).toEqual([]);
    expect(h.world.notion.valueOf(h.world.notion.page(row.id)!, 'Jira ID')).toBe(epic.id);
  });

  it('a row that matches no epic while every epic has its row is of an epic gone from Jira: the full run archives it, as the dry run says', async () => {
    const h = sandboxHarness({ epics: 20 });
    await h.run(['sync'], T0);
    const gone = h.world.jira.site.issues.find((i) => i.parentKey === null)!;
    const row = epicRows(h).find((r) => h.world.notion.valueOf(r, 'Jira ID') === gone.id)!;
    h.world.jira.deleteIssue(gone.id);
    h.world.notion.editSchema(epicsSource(h), 'Jira ID', { remove: true });
    const dry = await h.run(['sync', '--dry-run'], later(10));
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr).toContain(`archive  page ${row.id} (no longer in Jira or in scope)`);
    expect((await h.run(['sync'], later(10))).code).toBe(0);
    expect(h.world.notion.page(row.id)!.inTrash).toBe(true);
    expect(epicRows(h)).toHaveLength(epicCount(h));
  });

  it('with Jira Key and Jira URL gone too, rows cannot be told apart: the run stops rather than add a second row per epic', async () => {
    const h = sandboxHarness({ epics: 10 });
    await h.run(['sync'], T0);
    for (const property of ['Jira ID', 'Jira Key', 'Jira URL']) h.world.notion.editSchema(epicsSource(h), property, { remove: true });
    await expectStopped(h, ['sync'], later(10), ['The Epics database lost "Jira ID", "Jira Key", "Jira URL"']);
  });

  it("Portfolio Balance's Key deleted: this period's rows are recognised and updated in place, not doubled", async () => {
    const h = sandboxHarness({ epics: 20 });
    await h.run(['sync'], T0);
    const balanceSource = h.world.notion.databaseByTitle('Portfolio Balance')!.dataSourceIds[0]!;
    const before = h.world.notion.rows(balanceSource).map((r) => r.id).sort();
    h.world.notion.editSchema(balanceSource, 'Key', { remove: true });
    expect((await h.run(['sync'], later(10))).code).toBe(0);
    expect(h.world.notion.rows(balanceSource).map((r) => r.id).sort()).toEqual(before);
    expect(h.world.notion.rows(balanceSource).every((r) => h.world.notion.valueOf(r, 'Key'))).toBe(true);
  });
});

describe('two first runs at once, from two machines', () => {
  it("each made its own databases and state page; later runs use the oldest of each, and warn naming them all with their Notion URLs", async () => {
    const h = sandboxHarness({ epics: 12, notionNow: () => T0 });
    const titles = ['Epics', 'Portfolio Balance'];
    expect((await h.run(['sync'], T0)).code).toBe(0);
    // The second machine's run started before the first one's objects existed: it saw none of them.
    const first = [...titles.map((t) => h.world.notion.databaseByTitle(t)!.id), statePage(h)];
    for (const id of first) h.world.notion.trash(id);
    expect((await h.run(['sync'], T0)).code).toBe(0);
    const second = [...titles.map((t) => h.world.notion.databaseByTitle(t)!.id), statePage(h)];
    for (const id of first) h.world.notion.restore(id);

    const epic = h.world.jira.site.issues.find((i) => i.parentKey === null)!;
    h.world.jira.updateIssue(epic.id, { summary: 'Edited after both first runs', updated: later(5).getTime() });
    const result = await h.run(['sync'], later(10));
    expect(result.code, result.stderr).toBe(0);
    const warnings = logLines(result.stdout).filter((l) => l['level'] === 40 && String(l['msg']).includes('titled'));
    expect(warnings).toHaveLength(3);
    for (const [i, title] of [...titles, 'backbone-sync state'].entries()) {
      // Created in the same minute (Notion's created_time has minute precision), so the smaller id is the older.
      const [inUse, other] = [first[i]!, second[i]!].sort();
      const warning = warnings.find((w) => String(w['msg']).includes(`titled "${title}"`))!;
      expect(warning).toMatchObject({ inUse, others: [other] });
      expect(warning['msg']).toContain(`using the oldest, ${inUse} (https://www.notion.so/${inUse!.replace(/-/g, '')})`);
      expect(warning['msg']).toContain(`Move ${other} (https://www.notion.so/${other!.replace(/-/g, '')}) to the trash`);
    }
    const epicsInUse = [first[0]!, second[0]!].sort()[0]!;
    const source = h.world.notion.snapshot() as { dataSources: { id: string; databaseId: string }[] };
    const rows = h.world.notion.rows(source.dataSources.find((d) => d.databaseId === epicsInUse)!.id);
    expect(rows.filter((r) => h.world.notion.valueOf(r, 'Name') === 'Edited after both first runs')).toHaveLength(1);
  });
});

describe('a Work Type a person renamed, or an option they deleted', () => {
  it('a renamed Work Type property is added back and every row rewritten from Jira: the balance does not turn Unclassified', async () => {
    const h = sandboxHarness({ epics: 47 });
    const first = await h.run(['sync'], T0);
    h.world.notion.editSchema(epicsSource(h), 'Work Type', { rename: 'Work Type (mine)' });
    const result = await h.run(['sync'], later(10));
    expect(result.code, result.stderr).toBe(0);
    expect(finished(result)['mode']).toBe('full');
    expect(byWorkType(result)).toEqual(byWorkType(first));
    expect(epicRows(h).every((r) => h.world.notion.valueOf(r, 'Work Type'))).toBe(true);
  });

  it.each([
    ['deleted', { remove: true } as const],
    ['renamed', { rename: 'Growth (old)' }],
  ])('a Work Type option %s: the next run is a full one, and the balance counts those epics as before', async (_, change) => {
    const h = sandboxHarness({ epics: 47 });
    const first = await h.run(['sync'], T0);
    const growth = epicRows(h).filter((r) => h.world.notion.valueOf(r, 'Work Type') === 'Growth').map((r) => r.id);
    expect(growth.length).toBeGreaterThan(0);
    h.world.notion.editOption(epicsSource(h), 'Work Type', 'Growth', change);
    const result = await h.run(['sync'], later(10));
    expect(result.code, result.stderr).toBe(0);
    expect(finished(result)['mode']).toBe('full');
    expect(result.stdout).toContain('lost values the balance reads');
    expect(byWorkType(result)).toEqual(byWorkType(first));
    for (const id of growth) expect(h.world.notion.valueOf(h.world.notion.page(id)!, 'Work Type')).toBe('Growth');
  });
});

describe('dry runs fail the way the real run would', () => {
  it('a notion.parentPage that is a database is named as one, by the dry run and the real run alike, and nothing is created', async () => {
    const h = sandboxHarness({ epics: 6, config: (c) => ({ ...c, notion: { ...c.notion, parentPage: c.notion.strategyDatabase } }) });
    for (const args of [['sync', '--dry-run'], ['sync']]) {
      const result = await h.run(args, T0);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`notion.parentPage ${h.world.notionIds.strategyDatabase} is a database, not a page`);
      expect(result.stderr).toContain('Give the page that database sits in');
    }
    expect(h.notionWrites()).toEqual([]);
  });

  it('a retyped Story Points property stops a dry run too, naming it', async () => {
    const h = sandboxHarness({ epics: 10 });
    await h.run(['sync'], T0);
    h.world.notion.editSchema(epicsSource(h), 'Story Points', { retype: 'rich_text' });
    const result = await h.run(['sync', '--dry-run'], later(10));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('"Story Points" is a rich_text property; backbone-sync needs it to be number');
  });
});
