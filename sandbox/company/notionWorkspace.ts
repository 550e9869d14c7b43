import { sandboxUuid } from './ids.ts';
import { SANDBOX_STRATEGY_PAGES } from './strategy.ts';
import type { NotionEmulator } from '../emulators/notion/index.ts';

export const SANDBOX_NOTION_IDS = {
  parentPage: sandboxUuid('page:backbone'),
  dashboardPage: sandboxUuid('page:dashboard'),
  strategyDatabase: sandboxUuid('db:strategy'),
  strategyDataSource: sandboxUuid('ds:strategy'),
};

const text = (content: string) => [{ type: 'text', text: { content } }];
const paragraph = (content: string) => ({ type: 'paragraph', paragraph: { rich_text: text(content) } });

/**
 * The sandbox company's Notion: a "Backbone" page (parent of the engine's
 * databases), a dashboard page with some human-written text the engine must
 * leave alone, and the strategy database with its Impact and Usage pages.
 */
export function seedSandboxWorkspace(notion: NotionEmulator): typeof SANDBOX_NOTION_IDS {
  const ids = SANDBOX_NOTION_IDS;
  notion.seedPage({ parent: { workspace: true }, properties: { title: { title: text('Backbone') } } }, undefined, ids.parentPage);
  notion.seedPage(
    {
    parent: { page_id: ids.parentPage },
    properties: { title: { title: text('Portfolio dashboard') } },
      children: [paragraph('Our work mix, refreshed every morning by backbone-sync.'), paragraph('Questions? Ask in #product-ops.')],
    },
    undefined,
    ids.dashboardPage,
  );
  notion.seedDatabase(
    {
      parent: { type: 'page_id', page_id: ids.parentPage },
      title: text('Strategy'),
      initial_data_source: {
        properties: {
          Name: { title: {} },
          Layer: { select: { options: [{ name: 'Impact' }, { name: 'Usage' }] } },
          Slug: { rich_text: {} },
          Flow: { select: { options: [{ name: 'Acquisition' }, { name: 'Activation' }, { name: 'Core Experience' }] } },
          Keywords: { multi_select: { options: [] } },
        },
      },
    },
    { databaseId: ids.strategyDatabase, dataSourceId: ids.strategyDataSource },
  );
  for (const page of SANDBOX_STRATEGY_PAGES) {
    const created = notion.seedPage(
      {
      parent: { data_source_id: ids.strategyDataSource },
      properties: {
        Name: { title: text(page.title) },
        Layer: { select: { name: page.layer } },
        Slug: { rich_text: page.slug ? text(page.slug) : [] },
        Flow: { select: page.flow ? { name: page.flow } : null },
        Keywords: { multi_select: page.keywords.map((name) => ({ name })) },
      },
      children: [paragraph(page.narrative)],
      },
      undefined,
      page.id,
    );
    if (page.inTrash) notion.trash(created.id);
  }
  return ids;
}
