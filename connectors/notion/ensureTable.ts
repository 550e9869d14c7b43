import type { Client } from '@notionhq/client';
import { columnsOf, type Column, type TableSpec } from '#core/tables/table.ts';
import { BackboneError } from '#core/errors.ts';
import { dataSourcesOf } from './dataSources.ts';
import type { ChildBlocks } from './parentPage.ts';

export interface TableLocation {
  databaseId: string;
  dataSourceId: string;
}

export interface TableContext {
  /** The page the engine's databases live under. */
  parentPageId: string;
  /** The strategy database's data source, target of Impact and Usage relations. */
  strategyDataSourceId: string;
  /** The parent page's children, listed once per run. */
  children: ChildBlocks;
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

/** A database with this title among the parent page's children, found again on every run: no local state needed. */
export async function findByTitle(children: ChildBlocks, title: string): Promise<string | null> {
  const match = (await children()).find((b) => b.type === 'child_database' && b.child_database.title === title);
  return match?.id ?? null;
}

/**
 * The database for `spec`: the configured one, else the one with its title under
 * the parent page, else a new one there. Its schema is then checked: missing
 * properties are added, a property retyped by a person is reported, and
 * properties people added are left alone.
 */
export async function ensureTable(
  notion: Client,
  spec: TableSpec,
  context: TableContext,
  configuredDatabaseId?: string,
): Promise<TableLocation & { created: boolean }> {
  const existing = configuredDatabaseId ?? (await findByTitle(context.children, spec.title));
  if (!existing) {
    const created = await notion.databases.create({
      parent: { type: 'page_id', page_id: context.parentPageId },
      title: [{ type: 'text', text: { content: spec.title } }],
      initial_data_source: {
        properties: Object.fromEntries(columnsOf(spec).map(([, c]) => [c.name, propertySchema(c, context)])) as never,
      },
    });
    const dataSourceId = 'data_sources' in created ? created.data_sources[0]?.id : undefined;
    if (!dataSourceId) throw new BackboneError('remote', 'notion-create', `Notion created the ${spec.title} database but returned no data source.`);
    return { databaseId: created.id, dataSourceId, created: true };
  }
  const [source] = await dataSourcesOf(notion, existing);
  if (!source) throw new BackboneError('schema', 'notion-schema', `The ${spec.title} database (${existing}) has no data source.`);
  await repairSchema(notion, spec, context, source.id);
  return { databaseId: existing, dataSourceId: source.id, created: false };
}

export async function repairSchema(notion: Client, spec: TableSpec, context: TableContext, dataSourceId: string): Promise<void> {
  const source = await notion.dataSources.retrieve({ data_source_id: dataSourceId });
  const present = 'properties' in source ? source.properties : {};
  const problems: string[] = [];
  const missing: Column[] = [];
  for (const [, property] of columnsOf(spec)) {
    const current = present[property.name];
    if (!current) missing.push(property);
    else if (current.type !== property.type) {
      problems.push(`"${property.name}" is a ${current.type} property; backbone-sync needs it to be ${property.type}`);
    }
  }
  if (problems.length > 0) {
    throw new BackboneError(
      'schema',
      'notion-schema',
      `The ${spec.title} database does not match what backbone-sync writes: ${problems.join('; ')}. Change the property type back in Notion, or rename your property and let the engine add its own.`,
    );
  }
  if (missing.length > 0) {
    await notion.dataSources.update({
      data_source_id: dataSourceId,
      properties: Object.fromEntries(missing.map((p) => [p.name, propertySchema(p, context)])) as never,
    });
  }
}
