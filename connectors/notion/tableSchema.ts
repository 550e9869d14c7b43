import { BackboneError } from '#core/errors.ts';
import { columnsOf, type Column, type TableSpec } from '#core/tables/table.ts';

/**
 * An engine-owned database's schema against the table's definition. A property
 * a person retyped cannot be written without losing their values, so it stops
 * the run (dry runs too) with what to do; a missing one (deleted, or renamed:
 * Notion keeps values by property id, so the renamed one is theirs now) is
 * returned, for the engine to add back and to treat the rows as damaged.
 */
export function checkTableSchema(spec: TableSpec, present: Readonly<Record<string, { type: string }>>, databaseId: string): Column[] {
  const problems: string[] = [];
  const missing: Column[] = [];
  for (const [, column] of columnsOf(spec)) {
    const current = present[column.name];
    if (!current) missing.push(column);
    else if (current.type !== column.type) problems.push(`"${column.name}" is a ${current.type} property; backbone-sync needs it to be ${column.type}`);
  }
  if (problems.length > 0) {
    throw new BackboneError(
      'schema',
      'notion-schema',
      `The ${spec.title} database (${databaseId}) does not match what backbone-sync writes: ${problems.join('; ')}. Change the property type back in Notion, or rename your property and let the engine add its own.`,
    );
  }
  return missing;
}
