import { iterateAllDataSourceRows, isFullPage, type Client, type PageObjectResponse } from '@notionhq/client';
import { Interner } from '#core/interner.ts';
import type { ExistingRow } from '#core/plan.ts';
import { isRecoverable } from '#core/recoverKeys.ts';
import { columnsOf, type CellValue, type RowValues, type TableSpec } from '#core/tables/table.ts';
import { fromNotionProperty } from './propertyValues.ts';

/** A page shows at most 25 relation ids per property; the rest come from the property endpoint. */
async function fullRelation(notion: Client, page: PageObjectResponse, name: string): Promise<string[]> {
  const property = page.properties[name];
  if (property?.type !== 'relation') return [];
  // The SDK's type omits `has_more`, but the API sends it on relation values.
  if (!(property as { has_more?: boolean }).has_more) return property.relation.map((r) => r.id);
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const response = await notion.pages.properties.retrieve({ page_id: page.id, property_id: property.id, start_cursor: cursor });
    if (response.object !== 'list') break;
    for (const item of response.results) if (item.type === 'relation') ids.push(item.relation.id);
    cursor = response.has_more ? (response.next_cursor ?? undefined) : undefined;
  } while (cursor);
  return ids;
}

/**
 * Every row of a table, oldest first (so the planner keeps the oldest of any
 * duplicates), with the values of the properties the spec names. A row without
 * a key is someone else's and is skipped, unless it carries what identifies the
 * engine's rows otherwise (an epic's Jira Key or Jira URL): then it is the
 * engine's row that lost its key, returned with an empty key for the engine to
 * recover (see recoverKeys.ts).
 */
export async function readRows<S extends TableSpec>(notion: Client, spec: S, dataSourceId: string): Promise<ExistingRow<RowValues<S>>[]> {
  const pages: PageObjectResponse[] = [];
  for await (const row of iterateAllDataSourceRows(notion, { data_source_id: dataSourceId })) {
    if (isFullPage(row) && !row.in_trash) pages.push(row);
  }
  pages.sort((a, b) => a.created_time.localeCompare(b.created_time) || a.id.localeCompare(b.id));
  const rows: ExistingRow<RowValues<S>>[] = [];
  const intern = new Interner();
  const columns = columnsOf(spec);
  for (const page of pages) {
    const values: Record<string, CellValue> = {};
    for (const [id, column] of columns) {
      values[id] = intern.value(
        column.type === 'relation' ? await fullRelation(notion, page, column.name) : fromNotionProperty(column, page.properties[column.name]),
      );
    }
    const key = values[spec.key];
    // Built column by column from the spec, so the values have the spec's shape.
    if (typeof key === 'string' && key) rows.push({ key, pageId: page.id, values: values as RowValues<S> });
    else if (isRecoverable(spec, values)) rows.push({ key: '', pageId: page.id, values: values as RowValues<S> });
  }
  return rows;
}
