import { Client } from '@notionhq/client';
import { describe, expect, it } from 'vitest';
import { readRows } from '#connectors/notion/readRows.ts';
import { EPICS_TABLE } from '#core/tables/epicsTable.ts';
import { SANDBOX_NOTION_IDS, seedSandboxWorkspace } from '#sandbox/company/notionWorkspace.ts';
import { NotionEmulator } from '#sandbox/emulators/notion/index.ts';
import { emulatorHandlers } from '#sandbox/transports/msw.ts';
import { server } from '../../helpers/mswServer.ts';

const text = (content: string) => [{ type: 'text' as const, text: { content } }];

/** The sandbox workspace with an Epics database relating to the strategy database, and a client on it. */
function workspace() {
  const emulator = new NotionEmulator({ tokens: ['notion-test-token'] });
  seedSandboxWorkspace(emulator);
  const baseUrl = 'https://api.notion-read-rows.test';
  server.use(...emulatorHandlers([{ baseUrl, emulator }]));
  const strategy = { data_source_id: SANDBOX_NOTION_IDS.strategyDataSource };
  const { dataSourceId } = emulator.seedDatabase({
    parent: { type: 'page_id', page_id: SANDBOX_NOTION_IDS.parentPage },
    title: text('Epics'),
    initial_data_source: { properties: { Name: { title: {} }, 'Jira ID': { rich_text: {} }, Impact: { relation: strategy }, Usage: { relation: strategy } } },
  });
  /** Strategy pages to relate to. */
  const strategyPages = (count: number) => Array.from({ length: count }, (_, i) => emulator.seedPage({ parent: strategy, properties: { Name: { title: text(`Target ${i}`) } } }).id);
  const propertyReads = () => emulator.requestLog.filter((r) => r.method === 'GET' && /\/properties\//.test(r.path));
  const readEpicRows = () => readRows(new Client({ auth: 'notion-test-token', baseUrl, retry: false }), EPICS_TABLE, dataSourceId);
  return { emulator, dataSourceId, strategyPages, propertyReads, readEpicRows };
}

describe('reading an Epics row whose relations list more pages than a page object shows', () => {
  it('reads every related page: 30 in one page of the property endpoint, 130 added in the Notion UI in two', async () => {
    const { emulator, dataSourceId, strategyPages, propertyReads, readEpicRows } = workspace();
    const usage = strategyPages(30);
    const impact = strategyPages(130);
    const row = emulator.seedPage({
      parent: { data_source_id: dataSourceId },
      properties: { Name: { title: text('Pay by link') }, 'Jira ID': { rich_text: text('10001') }, Usage: { relation: usage.map((id) => ({ id })) } },
    });
    // The API takes at most 100 relations per write; a person in the UI is not limited.
    emulator.editRow(row.id, 'Impact', { type: 'relation', value: impact });
    const [read] = await readEpicRows();
    expect([...(read!.values.usage as string[])].sort()).toEqual([...usage].sort());
    expect([...(read!.values.impact as string[])].sort()).toEqual([...impact].sort());
    expect(propertyReads()).toHaveLength(3);
  });

  it('a relation of 25 or fewer is read from the page object alone', async () => {
    const { emulator, dataSourceId, strategyPages, propertyReads, readEpicRows } = workspace();
    const impact = strategyPages(25);
    emulator.seedPage({
      parent: { data_source_id: dataSourceId },
      properties: { Name: { title: text('Pay by link') }, 'Jira ID': { rich_text: text('10001') }, Impact: { relation: impact.map((id) => ({ id })) } },
    });
    const [read] = await readEpicRows();
    expect(read!.values.impact).toHaveLength(25);
    expect(propertyReads()).toEqual([]);
  });
});
