import type { Client } from '@notionhq/client';
import type { Row, RowValuesById } from '#core/plan.ts';
import type { TableSpec } from '#core/tables/table.ts';
import type { Table, TableStore } from '#engine/ports.ts';
import { applyPlan } from './applyPlan.ts';
import { ensureTable, findByTitle, type TableContext } from './ensureTable.ts';
import { explainNotionError } from './explainNotionError.ts';
import { asStored } from './propertyValues.ts';
import { readRows } from './readRows.ts';

export interface NotionTablesOptions extends TableContext {
  tokenEnv: string;
  /** `notion.baseUrl`, for messages about network failures. */
  baseUrl: string;
  /** Database ids from the config, by table title; absent ones are found or created under the parent page. */
  configured: Partial<Record<string, string>>;
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

/** The engine's databases in Notion, behind the engine's `TableStore` port. */
export function notionTables(notion: Client, options: NotionTablesOptions): TableStore {
  return {
    async open<S extends TableSpec>(spec: S, { dryRun }: { dryRun: boolean }): Promise<Table<S> | null> {
      const what = `the ${spec.title} database under page ${options.parentPageId}`;
      try {
        const configured = options.configured[spec.title];
        let location: { databaseId: string; dataSourceId: string; created: boolean } | null;
        if (dryRun) {
          // A dry run reads what exists and creates or repairs nothing.
          const databaseId = configured ?? (await findByTitle(options.children, spec.title));
          if (!databaseId) return null;
          const database = await notion.databases.retrieve({ database_id: databaseId });
          const dataSourceId = 'data_sources' in database ? database.data_sources[0]?.id : undefined;
          location = dataSourceId ? { databaseId, dataSourceId, created: false } : null;
        } else {
          location = await ensureTable(notion, spec, options, configured);
        }
        if (!location) return null;
        const { databaseId, dataSourceId, created } = location;
        const table: Table<S> = {
          spec,
          databaseId,
          dataSourceId,
          created,
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
