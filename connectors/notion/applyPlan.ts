import { APIResponseError, type Client } from '@notionhq/client';
import type { Row, RowPlan, RowValuesById } from '#core/plan.ts';
import type { TableSpec } from '#core/tables/table.ts';
import type { ApplyResult, RowFailure } from '#engine/ports.ts';
import { forEachWithin } from '../http/forEachWithin.ts';
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

/** People's values carried from an archived duplicate to the row kept: the only write of a human-owned column (see planRows). */
function carriedProperties(spec: TableSpec, values: RowValuesById = {}): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).flatMap(([id, value]) => {
      const column = spec.columns[id];
      return column?.humanOwned && value !== undefined ? [[column.name, toNotionProperty(column, value)]] : [];
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

/** Writes under way at once: comfortably more than a scheduler's concurrency (at most 32), so pacing never waits on us. */
export const WRITE_WINDOW = 48;

interface Write {
  key: string;
  action: RowFailure['action'];
  send: () => Promise<unknown>;
}

/** The plan's writes, built one at a time as the window frees up. */
function* writesOf(notion: Client, spec: TableSpec, dataSourceId: string, plan: RowPlan): Generator<Write> {
  for (const row of plan.creates) yield { key: row.key, action: 'create', send: () => createVerified(notion, spec, dataSourceId, row) };
  for (const u of plan.updates) {
    yield { key: u.key, action: 'update', send: () => notion.pages.update({ page_id: u.pageId, properties: { ...properties(spec, u.changed), ...carriedProperties(spec, u.carried) } as never }) };
  }
  for (const a of plan.archives) yield { key: a.key, action: 'archive', send: () => notion.pages.update({ page_id: a.pageId, in_trash: true }) };
}

/**
 * Writes a plan, at most `WRITE_WINDOW` writes under way at once (the
 * scheduler paces them), so memory stays flat however large the plan. One
 * row's failure is recorded and does not stop the others, so a run reports
 * exactly which rows failed and the next run completes them. `onWritten` is
 * told after each write, for progress.
 */
export async function applyPlan(notion: Client, spec: TableSpec, dataSourceId: string, plan: RowPlan, onWritten?: () => void): Promise<ApplyResult> {
  const result: ApplyResult = { created: 0, updated: 0, archived: 0, failed: [] };
  await forEachWithin(writesOf(notion, spec, dataSourceId, plan), WRITE_WINDOW, async ({ key, action, send }) => {
    try {
      await send();
      if (action === 'create') result.created += 1;
      else if (action === 'update') result.updated += 1;
      else result.archived += 1;
    } catch (error) {
      result.failed.push({ key, action, error });
    }
    onWritten?.();
  });
  return result;
}
