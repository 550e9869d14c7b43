import type { Client } from '@notionhq/client';
import { columnsOf, type Column, type TableSpec } from '#core/tables/table.ts';
import { BackboneError } from '#core/errors.ts';
import { dataSourcesOf } from './dataSources.ts';
import type { FindChild } from './childByTitle.ts';
import { checkTableSchema } from './tableSchema.ts';

export interface TableLocation {
  databaseId: string;
  dataSourceId: string;
}

/** A database found in Notion, with the engine's columns it lacks. */
export interface FoundTable extends TableLocation {
  missing: Column[];
}

export interface TableContext {
  /** The page the engine's databases live under. */
  parentPageId: string;
  /** The strategy database's data source, target of Impact and Usage relations. */
  strategyDataSourceId: string;
  /** The parent page's child database or page with a title (listed once per run). */
  findChild: FindChild;
}

function propertySchema(spec: Column, context: TableContext): Record<string, unknown> {
  switch (spec.type) {
    case 'relation':
      return { relation: { data_source_id: context.strategyDataSourceId, type: 'single_property', single_property: {} } };
    case 'number':
      return { number: { format: spec.format ?? 'number' } };
    case 'select':
      return { select: { options: [] } };
    default:
      return { [spec.type]: {} };
  }
}

/**
 * The database for `spec` (the configured one, else the one with its title
 * under the parent page) and its schema check, changing nothing: null when
 * there is none yet. A retyped property throws (see `checkTableSchema`).
 */
export async function findTable(notion: Client, spec: TableSpec, context: TableContext, configuredDatabaseId?: string): Promise<FoundTable | null> {
  // Found again by title on every run: no local state needed.
  const databaseId = configuredDatabaseId ?? (await context.findChild('child_database', spec.title));
  if (!databaseId) return null;
  const [source] = await dataSourcesOf(notion, databaseId);
  if (!source) throw new BackboneError('schema', 'notion-schema', `The ${spec.title} database (${databaseId}) has no data source.`);
  const schema = await notion.dataSources.retrieve({ data_source_id: source.id });
  const missing = checkTableSchema(spec, 'properties' in schema ? schema.properties : {}, databaseId);
  return { databaseId, dataSourceId: source.id, missing };
}

/** A new database for `spec` under the parent page, with every column. */
export async function createTable(notion: Client, spec: TableSpec, context: TableContext): Promise<TableLocation> {
  const created = await notion.databases.create({
    parent: { type: 'page_id', page_id: context.parentPageId },
    title: [{ type: 'text', text: { content: spec.title } }],
    initial_data_source: {
      properties: Object.fromEntries(columnsOf(spec).map(([, c]) => [c.name, propertySchema(c, context)])) as never,
    },
  });
  const dataSourceId = 'data_sources' in created ? created.data_sources[0]?.id : undefined;
  if (!dataSourceId) throw new BackboneError('remote', 'notion-create', `Notion created the ${spec.title} database but returned no data source.`);
  return { databaseId: created.id, dataSourceId };
}

/** Adds back the engine's columns a person deleted or renamed; properties people added are left alone. */
export async function addColumns(notion: Client, dataSourceId: string, columns: readonly Column[], context: TableContext): Promise<void> {
  await notion.dataSources.update({
    data_source_id: dataSourceId,
    properties: Object.fromEntries(columns.map((p) => [p.name, propertySchema(p, context)])) as never,
  });
}
