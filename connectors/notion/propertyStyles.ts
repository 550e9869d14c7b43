import type { Client } from '@notionhq/client';
import type { TargetStatus } from '#core/balance.ts';
import { UNCLASSIFIED } from '#core/mappings.ts';
import type { NotionColour } from '#core/notionColours.ts';
import { ALL_WORK, BALANCE_TABLE } from '#core/tables/balanceTable.ts';
import { EPICS_TABLE } from '#core/tables/epicsTable.ts';
import { columnsOf, type TableSpec } from '#core/tables/table.ts';
import type { PresentationContext } from '#engine/ports.ts';

/** Target Status reads at a glance: green on track, warning colours off it. */
const STATUS_COLOURS: Record<TargetStatus, NotionColour> = { 'on track': 'green', over: 'orange', under: 'red' };

/** The select options whose colours the engine sets, by column name: the work types' colours from mappings/, and the target statuses'. */
export function optionColours(spec: TableSpec, context: PresentationContext): Record<string, Record<string, NotionColour>> {
  const workTypes = Object.fromEntries([...context.workTypes, UNCLASSIFIED].map((t) => [t.name, t.colour]));
  if (spec.title === EPICS_TABLE.title) return { [EPICS_TABLE.columns.workType.name]: workTypes };
  if (spec.title === BALANCE_TABLE.title) {
    return {
      [BALANCE_TABLE.columns.workType.name]: { ...workTypes, [ALL_WORK]: 'default' },
      [BALANCE_TABLE.columns.targetStatus.name]: STATUS_COLOURS,
    };
  }
  return {};
}

interface SelectOption {
  id?: string;
  name: string;
  color: string;
}

/**
 * Brings a table's number formats (percent shares) and select option colours
 * to what the engine defines, in one schema update, only where they differ.
 * Options are listed in full (Notion drops options an update leaves out): the
 * existing ones by id, recoloured where the engine owns their colour, then the
 * missing ones, in the mappings' order (which is how charts stack them).
 */
export async function ensurePropertyStyles(notion: Client, spec: TableSpec, dataSourceId: string, context: PresentationContext): Promise<boolean> {
  const source = await notion.dataSources.retrieve({ data_source_id: dataSourceId });
  const present = 'properties' in source ? source.properties : {};
  const changes: Record<string, unknown> = {};
  for (const [, column] of columnsOf(spec)) {
    const current = present[column.name];
    if (column.format && current?.type === 'number' && current.number.format !== column.format) changes[column.name] = { number: { format: column.format } };
  }
  for (const [name, colours] of Object.entries(optionColours(spec, context))) {
    const current = present[name];
    if (current?.type !== 'select') continue;
    const existing: SelectOption[] = current.select.options.map((o) => ({ id: o.id, name: o.name, color: colours[o.name] ?? o.color }));
    const missing = Object.entries(colours)
      .filter(([option]) => !existing.some((o) => o.name === option))
      .map(([option, color]) => ({ name: option, color }));
    const recoloured = current.select.options.some((o) => colours[o.name] !== undefined && colours[o.name] !== o.color);
    if (recoloured || missing.length > 0) changes[name] = { select: { options: [...existing, ...missing] } };
  }
  if (Object.keys(changes).length === 0) return false;
  await notion.dataSources.update({ data_source_id: dataSourceId, properties: changes as never });
  return true;
}
