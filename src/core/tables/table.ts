/**
 * How an engine-owned Notion database is described: its columns as typed
 * constants (the Notion property name, type and number format), one definition
 * per table (epicsTable.ts, balanceTable.ts) beside the functions that turn
 * domain values into rows and back. Rows are keyed by column id (`workType`),
 * never by the Notion name ('Work Type'): only the Notion connector translates,
 * so renaming or removing a column fails the typecheck wherever it is used.
 */
export type PropertyType = 'title' | 'rich_text' | 'number' | 'select' | 'url' | 'date' | 'relation' | 'checkbox';

/** A cell as the planner compares it: plain values, whatever Notion's payload shape. */
export type CellValue = string | number | boolean | null | readonly string[];

export interface Column {
  /** The Notion property name people see. */
  readonly name: string;
  readonly type: PropertyType;
  /**
   * Number columns: how Notion displays them. A `percent` column holds a share
   * in percent (23.4) in rows, and the fraction Notion's percent format shows as
   * that (0.234) in Notion: the Notion connector converts both ways.
   */
  readonly format?: 'number' | 'percent';
  /** Relations point at the strategy database's data source. */
  readonly relation?: 'strategy';
  /** Written by people, read by the engine, never overwritten. */
  readonly humanOwned?: true;
}

export interface TableSpec<C extends Readonly<Record<string, Column>> = Readonly<Record<string, Column>>> {
  /** The database title the engine finds it by under the parent page. */
  readonly title: string;
  /** The id of the column that holds each row's identity (checked by `defineTable`). */
  readonly key: string;
  /** When a row's key is empty (a person deleted the key property), the columns that identify it instead, tried in order (see recoverKeys.ts). */
  readonly recoverKeyBy: readonly (readonly string[])[];
  readonly columns: C;
}

/** The value a column of this type reads back as. */
type CellOf<T extends PropertyType> = T extends 'number'
  ? number | null
  : T extends 'checkbox'
    ? boolean | null
    : T extends 'relation'
      ? readonly string[]
      : string | null;

/** Every column's value, as a row reads back from Notion. */
export type RowValues<S extends TableSpec> = { [K in keyof S['columns']]: CellOf<S['columns'][K]['type']> };

/** The values the engine writes: any of the columns people do not own. */
export type WrittenValues<S extends TableSpec> = {
  [K in keyof S['columns'] as S['columns'][K] extends { humanOwned: true } ? never : K]?: CellOf<S['columns'][K]['type']>;
};

/** Keeps the column ids and types literal, so rows can be typed from the definition. */
export function defineTable<const C extends Readonly<Record<string, Column>>>(spec: {
  title: string;
  key: keyof C & string;
  recoverKeyBy: readonly (readonly (keyof C & string)[])[];
  columns: C;
}): TableSpec<C> {
  return spec;
}

/** The columns with their ids, in definition order (the order Notion shows them in when it creates the database). */
export function columnsOf(spec: TableSpec): [id: string, column: Column][] {
  return Object.entries(spec.columns);
}

/** A row the engine is about to write, as it will read back: every column present, an unset one empty. */
export function asReadBack<S extends TableSpec>(spec: S, row: { key: string; values: Readonly<Record<string, CellValue | undefined>> }): { key: string; pageId: string; values: RowValues<S> } {
  const values: Record<string, CellValue> = {};
  for (const [id, column] of columnsOf(spec)) values[id] = row.values[id] ?? (column.type === 'relation' ? [] : null);
  // Filled column by column from the spec, so the values have its shape; not in Notion yet, so no page id.
  return { key: row.key, pageId: '', values: values as RowValues<S> };
}
