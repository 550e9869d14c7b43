import type { DatabaseObjectResponse, DataSourceObjectResponse, PageObjectResponse } from '@notionhq/client';
import { compact } from './ids.ts';
import { richTextResponse, type DatabaseRecord, type DataSourceRecord, type PageRecord, type Workspace } from './model.ts';
import { renderSchema, renderValue } from './properties.ts';

/* Database, data source and page objects as Notion's API returns them, typed with the SDK's own response types. */

const slugOf = (title: string) => title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');

export function renderDatabase(ws: Workspace, d: DatabaseRecord): DatabaseObjectResponse {
  return {
    object: 'database',
    id: d.id,
    title: richTextResponse([{ plain_text: d.title, href: null }]),
    description: [],
    parent: { type: 'page_id', page_id: d.parentPageId },
    is_inline: false,
    in_trash: d.inTrash,
    archived: d.inTrash,
    is_locked: false,
    created_time: d.createdTime,
    last_edited_time: d.lastEditedTime,
    data_sources: d.dataSourceIds.map((id) => ({ id, name: ws.dataSources.get(id)!.name })),
    icon: null,
    cover: null,
    url: `https://www.notion.so/${compact(d.id)}`,
    public_url: null,
  };
}

export function renderDataSource(ws: Workspace, s: DataSourceRecord): DataSourceObjectResponse {
  return {
    object: 'data_source',
    id: s.id,
    title: richTextResponse([{ plain_text: s.name, href: null }]),
    description: [],
    parent: { type: 'database_id', database_id: s.databaseId },
    database_parent: { type: 'page_id', page_id: ws.databases.get(s.databaseId)!.parentPageId },
    // Built per property type at run time; the SDK's union of config shapes cannot follow that statically.
    properties: Object.fromEntries(Object.values(s.properties).map((p) => [p.name, renderSchema(p)])) as DataSourceObjectResponse['properties'],
    is_inline: false,
    in_trash: false,
    archived: false,
    created_time: s.createdTime,
    last_edited_time: s.lastEditedTime,
    created_by: { object: 'user', id: '00000000-0000-4000-8000-000000000001' },
    last_edited_by: { object: 'user', id: '00000000-0000-4000-8000-000000000001' },
    icon: null,
    cover: null,
    url: `https://www.notion.so/${compact(s.id)}`,
    public_url: null,
  };
}

export function renderPage(ws: Workspace, page: PageRecord): PageObjectResponse {
  const source = page.parent.type === 'data_source_id' ? ws.dataSources.get(page.parent.data_source_id) : undefined;
  const properties = source
    ? Object.fromEntries(Object.values(source.properties).map((schema) => [schema.name, renderValue(schema, page.values[schema.name])]))
    : { title: renderValue({ id: 'title', name: 'title', type: 'title', config: {} }, page.values['title']) };
  const titleValue = Object.values(page.values).find((v) => v.type === 'title');
  const title = titleValue && 'items' in titleValue ? titleValue.items.map((i) => i.plain_text).join('') : '';
  const user = { object: 'user' as const, id: '00000000-0000-4000-8000-000000000001' };
  return {
    object: 'page',
    id: page.id,
    created_time: page.createdTime,
    last_edited_time: page.lastEditedTime,
    created_by: user,
    last_edited_by: user,
    cover: null,
    icon: null,
    parent: page.parent,
    in_trash: page.inTrash,
    archived: page.inTrash,
    is_archived: page.inTrash,
    is_locked: false,
    properties: properties as PageObjectResponse['properties'],
    url: `https://www.notion.so/${slugOf(title) ? `${slugOf(title)}-` : ''}${compact(page.id)}`,
    public_url: null,
  };
}
