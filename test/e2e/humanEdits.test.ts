import { describe, expect, it } from 'vitest';
import { logLines, type CliResult } from '../helpers/cliRun.ts';
import { sandboxHarness, type SandboxHarness } from '../helpers/sandboxSync.ts';

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

describe('the strategy database, edited under the engine', () => {
  it.each([
    ['deleted', { remove: true }],
    ['renamed', { rename: 'Backbone layer' }],
  ])('its Layer property %s: the run stops before any write, naming the database, the property and the setting', async (_, change) => {
    const h = sandboxHarness({ epics: 20 });
    await h.run(['sync'], T0);
    h.world.notion.editSchema(h.world.notionIds.strategyDataSource, 'Layer', change);
    h.resetLogs();
    const result = await h.run(['sync', '--full'], later(10));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`The strategy database ${h.world.notionIds.strategyDatabase} (notion.strategyDatabase)`);
    expect(result.stderr).toContain('has no property "Layer" (notion.strategyProperties.layer): rename the property back in Notion, or set notion.strategyProperties.layer to its name');
    expect(logLines(result.stdout).find((l) => l['level'] === 50)).toMatchObject({ kind: 'schema', code: 'strategy-schema' });
    expect(h.notionWrites()).toEqual([]);
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
    h.resetLogs();
    const result = await h.run(['sync', '--full'], later(10));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('has no page whose "Layer" (notion.strategyProperties.layer) is Impact; the values there are "Impakt" × 4, "Usage" × 6');
    expect(h.notionWrites()).toEqual([]);
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
