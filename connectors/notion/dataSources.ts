import type { Client } from '@notionhq/client';

/**
 * Since API 2025-09-03 a database holds one or more data sources, and rows live
 * in those. A database id from the config is resolved to its data sources here.
 */
export async function dataSourcesOf(notion: Client, databaseId: string): Promise<{ id: string; name: string }[]> {
  const database = await notion.databases.retrieve({ database_id: databaseId });
  return 'data_sources' in database ? database.data_sources.map((d) => ({ id: d.id, name: d.name })) : [];
}
