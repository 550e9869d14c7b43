import { iterateAllDataSourceRows, isFullPage, type Client, type PageObjectResponse } from '@notionhq/client';
import { Interner } from '#core/interner.ts';
import type { ExistingRow } from '#core/plan.ts';
import { isRecoverable } from '#core/recoverKeys.ts';
import { columnsOf, type CellValue, type RowValues, type TableSpec } from '#core/tables/table.ts';
import { fromNotionProperty } from './propertyValues.ts';

/**
 * A page object lists at most 25 ids per relation (`has_more` says there are
 * more); the full list comes from the property endpoint, 100 ids a page.
 */
async function fullRelation(notion: Client, page: PageObjectResponse, name: string): Promise<string[]> {
  const property = page.properties[name];
  if (property?.type !== 'relation') return [];
  // The SDK's type omits `has_more`, but the API sends it on relation values.
  if (!(property as { has_more?: boolean }).has_more) return property.relation.map((r) => r.id);
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const response = await notion.pages.properties.retrieve({ page_id: page.id, property_id: property.id, start_cursor: cursor, page_size: 100 });
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
 * recover (see recoverKeys.ts). Each page is reduced to its row as it arrives: a
 * Notion page object is kilobytes of JSON, and 10,000 of them held until the end
 * would be most of a re-run's memory.
 */
export async function readRows<S extends TableSpec>(notion: Client, spec: S, dataSourceId: string): Promise<ExistingRow<RowValues<S>>[]> {
  const rows: (ExistingRow<RowValues<S>> & { createdTime: string })[] = [];
  const intern = new Interner();
  const columns = columnsOf(spec);
  for await (const page of iterateAllDataSourceRows(notion, { data_source_id: dataSourceId })) {
    if (!isFullPage(page) || page.in_trash) continue;
    const entries: [string, CellValue][] = [];
    for (const [id, column] of columns) {
      const value = column.type === 'relation' ? await fullRelation(notion, page, column.name) : fromNotionProperty(column, page.properties[column.name]);
      entries.push([id, intern.value(value)]);
    }
    // Made in one go, not property by property: V8 turns an object that gains more than a dozen properties by
    // computed name into a hash table, some 1 KB more per row than the compact object made here.
    const values: Record<string, CellValue> = Object.fromEntries(entries);
    const key = values[spec.key];
    // Built column by column from the spec, so the values have the spec's shape.
    const createdTime = intern.string(page.created_time);
    if (typeof key === 'string' && key) rows.push({ key, pageId: page.id, values: values as RowValues<S>, createdTime });
    else if (isRecoverable(spec, values)) rows.push({ key: '', pageId: page.id, values: values as RowValues<S>, createdTime });
  }
  rows.sort((a, b) => a.createdTime.localeCompare(b.createdTime) || a.pageId.localeCompare(b.pageId));
  return rows.map(({ createdTime: _, ...row }) => row);
}
