import { APIResponseError, type Client } from '@notionhq/client';
import type { Row, RowPlan, RowValuesById } from '#core/plan.ts';
import type { TableSpec } from '#core/tables/table.ts';
import type { ApplyResult, RowFailure } from '#engine/ports.ts';
import { toNotionProperty } from './propertyValues.ts';

/** Row values by column id as Notion property payloads by property name; people's columns are never written. */
function properties(spec: TableSpec, values: RowValuesById): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).flatMap(([id, value]) => {
      const column = spec.columns[id];
      return column && !column.humanOwned && value !== undefined ? [[column.name, toNotionProperty(column, value)]] : [];
    }),
  );
}

/** A failure after which the create may or may not have landed: a dropped connection, a timeout, a 5xx. */
function mayHaveLanded(error: unknown): boolean {
  return !APIResponseError.isAPIResponseError(error) || error.status >= 500;
}

/**
 * A create is not safe to repeat blindly: its response may have been lost after
 * Notion applied it. So after such a failure, the row is looked up by its key;
 * only when it is verifiably absent is the create sent again, once.
 */
async function createVerified(notion: Client, spec: TableSpec, dataSourceId: string, row: Row): Promise<void> {
  const create = () =>
    notion.pages.create({ parent: { type: 'data_source_id', data_source_id: dataSourceId }, properties: properties(spec, row.values) as never });
  try {
    await create();
  } catch (error) {
    if (!mayHaveLanded(error)) throw error;
    const existing = await notion.dataSources.query({
      data_source_id: dataSourceId,
      filter: { property: spec.columns[spec.key]!.name, rich_text: { equals: row.key } },
      page_size: 1,
    });
    if (existing.results.length === 0) await create();
  }
}

/**
 * Writes a plan. Writes run concurrently (the scheduler paces them); one row's
 * failure is recorded and does not stop the others, so a run reports exactly
 * which rows failed and the next run completes them.
 */
export async function applyPlan(notion: Client, spec: TableSpec, dataSourceId: string, plan: RowPlan): Promise<ApplyResult> {
  const result: ApplyResult = { created: 0, updated: 0, archived: 0, failed: [] };
  const attempt = async (key: string, action: RowFailure['action'], write: () => Promise<unknown>) => {
    try {
      await write();
      if (action === 'create') result.created += 1;
      else if (action === 'update') result.updated += 1;
      else result.archived += 1;
    } catch (error) {
      result.failed.push({ key, action, error });
    }
  };
  await Promise.all([
    ...plan.creates.map((row) =>
      attempt(row.key, 'create', () => createVerified(notion, spec, dataSourceId, row)),
    ),
    ...plan.updates.map((u) =>
      attempt(u.key, 'update', () => notion.pages.update({ page_id: u.pageId, properties: properties(spec, u.changed) as never })),
    ),
    ...plan.archives.map((a) => attempt(a.key, 'archive', () => notion.pages.update({ page_id: a.pageId, in_trash: true }))),
  ]);
  return result;
}
