import { APIResponseError, Client, collectPaginatedAPI, iterateAllDataSourceRows } from '@notionhq/client';
import { beforeEach, describe, expect, it } from 'vitest';
import { emulatorHandlers } from '#sandbox/transports/msw.ts';
import { NotionEmulator } from '#sandbox/emulators/notion/index.ts';
import { SANDBOX_NOTION_IDS, seedSandboxWorkspace } from '#sandbox/company/notionWorkspace.ts';
import { server } from '../helpers/mswServer.ts';

const BASE = 'https://api.notion.test';
const TOKEN = 'notion-test-token';
const text = (content: string) => [{ type: 'text' as const, text: { content } }];

describe('the Notion emulator, driven by the real SDK', () => {
  let emulator: NotionEmulator;
  let notion: Client;
  let minutes = 0;

  beforeEach(() => {
    minutes = 0;
    // Every object a minute apart, so created_time windows can advance.
    emulator = new NotionEmulator({ tokens: [TOKEN], now: () => new Date(Date.UTC(2026, 10, 1) + minutes++ * 60_000) });
    seedSandboxWorkspace(emulator);
    server.use(...emulatorHandlers([{ baseUrl: BASE, emulator }]));
    // The SDK logs each error answer as a warning; here those answers are the point.
    notion = new Client({ auth: TOKEN, baseUrl: BASE, retry: false, logger: () => undefined });
  });

  const createTable = () =>
    notion.databases.create({
      parent: { type: 'page_id', page_id: SANDBOX_NOTION_IDS.parentPage },
      title: text('Epics'),
      initial_data_source: {
        properties: { Name: { title: {} }, Key: { rich_text: {} }, Team: { select: { options: [] } }, Links: { relation: { data_source_id: SANDBOX_NOTION_IDS.strategyDataSource, single_property: {} } } },
      },
    });

  it('a database created under a page appears there as a child_database block, with one data source', async () => {
    const db = await createTable();
    expect('data_sources' in db && db.data_sources).toHaveLength(1);
    const children = await collectPaginatedAPI(notion.blocks.children.list, { block_id: SANDBOX_NOTION_IDS.parentPage });
    expect(children.some((b) => 'type' in b && b.type === 'child_database' && b.child_database.title === 'Epics')).toBe(true);
  });

  it('rows are created, filtered, updated and trashed', async () => {
    const db = await createTable();
    const ds = (db as { data_sources: { id: string }[] }).data_sources[0]!.id;
    const page = await notion.pages.create({ parent: { type: 'data_source_id', data_source_id: ds }, properties: { Name: { title: text('A') }, Key: { rich_text: text('k1') }, Team: { select: { name: 'PAY' } } } });
    await notion.pages.create({ parent: { type: 'data_source_id', data_source_id: ds }, properties: { Name: { title: text('B') }, Key: { rich_text: text('k2') } } });
    const found = await notion.dataSources.query({ data_source_id: ds, filter: { property: 'Key', rich_text: { equals: 'k1' } } });
    expect(found.results.map((r) => r.id)).toEqual([page.id]);
    await notion.pages.update({ page_id: page.id, properties: { Team: { select: { name: 'GRO' } } } });
    expect(emulator.valueOf(emulator.page(page.id)!, 'Team')).toBe('GRO');
    await notion.pages.update({ page_id: page.id, in_trash: true });
    expect((await notion.dataSources.query({ data_source_id: ds })).results).toHaveLength(1);
    await expect(notion.pages.update({ page_id: page.id, properties: { Team: { select: { name: 'X' } } } })).rejects.toMatchObject({ code: 'validation_error' });
  });

  it('a plain query stops silently at the result limit; iterateAllDataSourceRows reads past it', async () => {
    const db = await createTable();
    const ds = (db as { data_sources: { id: string }[] }).data_sources[0]!.id;
    for (let i = 0; i < 250; i += 1) emulator.seedPage({ parent: { data_source_id: ds }, properties: { Name: { title: text(`r${i}`) } } }, new Date(Date.UTC(2026, 0, 1) + i * 60_000));
    emulator.setQueryResultLimit(100);
    const plain = await collectPaginatedAPI(notion.dataSources.query, { data_source_id: ds });
    expect(plain).toHaveLength(100);
    const first = await notion.dataSources.query({ data_source_id: ds, start_cursor: undefined, page_size: 100 });
    expect(first.has_more).toBe(false);
    expect(first.request_status).toEqual({ type: 'incomplete', incomplete_reason: 'query_result_limit_reached' });
    const all: unknown[] = [];
    for await (const row of iterateAllDataSourceRows(notion, { data_source_id: ds })) all.push(row);
    expect(all).toHaveLength(250);
  });

  it('a page shows 25 relation ids and has_more; the property endpoint pages the rest, 100 at a time unless asked', async () => {
    const db = await createTable();
    const ds = (db as { data_sources: { id: string }[] }).data_sources[0]!.id;
    const targets = Array.from({ length: 30 }, (_, i) => emulator.seedPage({ parent: { data_source_id: SANDBOX_NOTION_IDS.strategyDataSource }, properties: { Name: { title: text(`t${i}`) } } }).id);
    const page = await notion.pages.create({ parent: { type: 'data_source_id', data_source_id: ds }, properties: { Links: { relation: targets.map((id) => ({ id })) } } });
    const links = (page as unknown as { properties: Record<string, { relation: unknown[]; has_more: boolean; id: string }> }).properties['Links']!;
    expect(links.relation).toHaveLength(25);
    expect(links.has_more).toBe(true);
    // 100 items a page unless asked (Notion's pagination default), so all 30 come at once.
    const whole = await notion.pages.properties.retrieve({ page_id: page.id, property_id: links.id });
    expect(whole.object === 'list' && [whole.results.length, whole.has_more]).toEqual([30, false]);
    const first = await notion.pages.properties.retrieve({ page_id: page.id, property_id: links.id, page_size: 20 });
    const rest = first.object === 'list' && first.next_cursor ? await notion.pages.properties.retrieve({ page_id: page.id, property_id: links.id, start_cursor: first.next_cursor }) : null;
    const count = (r: typeof first | null) => (r && r.object === 'list' ? r.results.length : 0);
    expect([count(first), count(rest)]).toEqual([20, 10]);
    const nextUrl = first.object === 'list' && (first as unknown as { property_item: { next_url: string | null } }).property_item.next_url;
    expect(nextUrl).toBe(`${BASE}/v1/pages/${page.id}/properties/${links.id}?start_cursor=${encodeURIComponent(String(first.object === 'list' && first.next_cursor))}`);
  });

  it.each([
    ['a text over 2,000 characters', { Name: { title: text('x'.repeat(2001)) } }, /text.content.length should be ≤ `2000`, instead was `2001`/],
    ['a select option with a comma', { Team: { select: { name: 'Pay, Growth' } } }, /cannot contain commas/],
    ['a property that does not exist', { Colour: { rich_text: text('red') } }, /Colour is not a property that exists/],
    ['a value of the wrong type', { Team: { rich_text: text('x') } }, /should be a select property value/],
  ])('%s is a validation_error', async (_, properties, message) => {
    const db = await createTable();
    const ds = (db as { data_sources: { id: string }[] }).data_sources[0]!.id;
    const error = await notion.pages.create({ parent: { type: 'data_source_id', data_source_id: ds }, properties: properties as never }).catch((e: unknown) => e);
    expect(APIResponseError.isAPIResponseError(error) && error.code).toBe('validation_error');
    expect((error as Error).message).toMatch(message);
  });

  it('more than 100 children in one append is refused', async () => {
    const children = Array.from({ length: 101 }, () => ({ type: 'divider' as const, divider: {} }));
    await expect(notion.blocks.children.append({ block_id: SANDBOX_NOTION_IDS.dashboardPage, children })).rejects.toMatchObject({ code: 'validation_error' });
  });

  it('an unshared database is object_not_found with the share hint; a bad token is unauthorized', async () => {
    emulator.unshare(SANDBOX_NOTION_IDS.strategyDatabase);
    await expect(notion.databases.retrieve({ database_id: SANDBOX_NOTION_IDS.strategyDatabase })).rejects.toMatchObject({
      code: 'object_not_found',
      message: expect.stringContaining('Make sure the relevant pages and databases are shared with your integration'),
    });
    const stranger = new Client({ auth: 'wrong-token', baseUrl: BASE, retry: false, logger: () => undefined });
    await expect(stranger.users.me({})).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('blocks are appended, listed, updated and deleted', async () => {
    const [callout] = (await notion.blocks.children.append({ block_id: SANDBOX_NOTION_IDS.dashboardPage, children: [{ type: 'callout', callout: { rich_text: text('box'), children: [{ type: 'paragraph', paragraph: { rich_text: text('inside') } }] } }] })).results;
    expect(emulator.blocksOf(SANDBOX_NOTION_IDS.dashboardPage)).toHaveLength(3);
    expect(emulator.blocksOf(callout!.id)).toHaveLength(1);
    await notion.blocks.update({ block_id: callout!.id, callout: { rich_text: text('box v2') } });
    await notion.blocks.delete({ block_id: callout!.id });
    expect(emulator.blocksOf(SANDBOX_NOTION_IDS.dashboardPage)).toHaveLength(2);
  });

  it('chart views are created and found again by name', async () => {
    await notion.views.create({ data_source_id: SANDBOX_NOTION_IDS.strategyDataSource, name: 'Mix', type: 'chart', configuration: { type: 'chart', chart_type: 'donut' } } as never);
    const list = await notion.views.list({ database_id: SANDBOX_NOTION_IDS.strategyDatabase });
    const view = await notion.views.retrieve({ view_id: list.results[0]!.id });
    expect(view).toMatchObject({ name: 'Mix', type: 'chart' });
  });

  it('a view keeps the filter and sorts it was created with, returns them, and an update replaces them', async () => {
    const filter = { property: 'Layer', select: { equals: 'Impact' } };
    const sorts = [{ property: 'Name', direction: 'ascending' }];
    const created = await notion.views.create({ data_source_id: SANDBOX_NOTION_IDS.strategyDataSource, name: 'Impact pages', type: 'table', filter, sorts } as never);
    expect(await notion.views.retrieve({ view_id: created.id })).toMatchObject({ filter, sorts });
    const usage = { property: 'Layer', select: { equals: 'Usage' } };
    await notion.views.update({ view_id: created.id, filter: usage } as never);
    expect(await notion.views.retrieve({ view_id: created.id })).toMatchObject({ name: 'Impact pages', filter: usage, sorts });
  });

  it('select options keep the colours a schema update gives them, by id', async () => {
    const options = [{ name: 'Impact', color: 'purple' as const }, { name: 'Usage', color: 'green' as const }];
    const updated = await notion.dataSources.update({ data_source_id: SANDBOX_NOTION_IDS.strategyDataSource, properties: { Layer: { select: { options } } } });
    const layer = 'properties' in updated ? updated.properties['Layer'] : undefined;
    expect(layer?.type === 'select' && layer.select.options.map((o) => [o.name, o.color])).toEqual([['Impact', 'purple'], ['Usage', 'green']]);
    await expect(notion.dataSources.update({ data_source_id: SANDBOX_NOTION_IDS.strategyDataSource, properties: { Layer: { select: { options: [{ name: 'Impact', color: 'teal' }] } } } as never })).rejects.toMatchObject({ code: 'validation_error' });
  });

  it('the workspace survives a snapshot round trip', async () => {
    await createTable();
    const copy = NotionEmulator.fromSnapshot(JSON.parse(JSON.stringify(emulator.snapshot())), { tokens: [TOKEN] });
    expect(copy.databaseByTitle('Epics')).toBeDefined();
    expect(copy.rows(SANDBOX_NOTION_IDS.strategyDataSource)).toHaveLength(11);
  });
});
