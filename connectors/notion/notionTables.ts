import type { Client } from '@notionhq/client';
import type { Row, RowValuesById } from '#core/plan.ts';
import type { TableSpec } from '#core/tables/table.ts';
import type { Table, TableStore } from '#engine/ports.ts';
import { applyPlan } from './applyPlan.ts';
import { addColumns, createTable, findTable, type FoundTable, type TableContext } from './ensureTable.ts';
import { explainNotionError } from './explainNotionError.ts';
import { asStored } from './propertyValues.ts';
import { readRows } from './readRows.ts';

export interface NotionTablesOptions extends TableContext {
  tokenEnv: string;
  /** `notion.baseUrl`, for messages about network failures. */
  baseUrl: string;
  /** Database ids from the config, by table title; absent ones are found or created under the parent page. */
  configured: Partial<Record<string, string>>;
  /** Throws, explained, when the parent page is not a page the engine can create its databases under. */
  checkParent: () => Promise<void>;
}

function storedRow<V extends RowValuesById>(spec: TableSpec, row: Row<V>): Row<V> {
  const values = Object.fromEntries(
    Object.entries(row.values).map(([id, value]) => {
      const column = spec.columns[id];
      return [id, column && value !== undefined ? asStored(column, value) : value];
    }),
  );
  // Same column ids, each value as Notion will store it.
  return { key: row.key, values: values as V };
}

/**
 * The engine's databases in Notion, behind the engine's `TableStore` port. Each
 * database is looked up and schema-checked once per run; the read phase's open
 * (a dry one) only reports what the write phase's open then creates or adds.
 */
export function notionTables(notion: Client, options: NotionTablesOptions): TableStore {
  const found = new Map<string, Promise<FoundTable | null>>();
  return {
    async open<S extends TableSpec>(spec: S, { dryRun }: { dryRun: boolean }): Promise<Table<S> | null> {
      const what = `the ${spec.title} database under page ${options.parentPageId}`;
      try {
        let lookup = found.get(spec.title);
        if (!lookup) found.set(spec.title, (lookup = findTable(notion, spec, options, options.configured[spec.title])));
        const existing = await lookup;
        if (!existing) await options.checkParent();
        if (dryRun && !existing) return null;
        const location = existing ?? { ...(await createTable(notion, spec, options)), missing: [] };
        if (!dryRun) {
          if (location.missing.length > 0) await addColumns(notion, location.dataSourceId, location.missing, options);
          found.set(spec.title, Promise.resolve({ ...location, missing: [] }));
        }
        const { databaseId, dataSourceId } = location;
        const table: Table<S> = {
          spec,
          databaseId,
          dataSourceId,
          created: !existing,
          missing: location.missing.map((c) => c.name),
          readRows: () => readRows(notion, spec, dataSourceId).catch((e: unknown) => Promise.reject(explainNotionError(e, { what, tokenEnv: options.tokenEnv, baseUrl: options.baseUrl }))),
          asStored: (row) => storedRow(spec, row),
          apply: (plan, onWritten) => applyPlan(notion, spec, dataSourceId, plan, onWritten),
        };
        return table;
      } catch (error) {
        throw explainNotionError(error, { what, tokenEnv: options.tokenEnv, baseUrl: options.baseUrl });
      }
    },
  };
}
