import type { Client } from '@notionhq/client';
import { fingerprint } from '#core/syncState.ts';
import { BALANCE_TABLE } from '#core/tables/balanceTable.ts';
import { EPICS_TABLE } from '#core/tables/epicsTable.ts';
import { columnsOf } from '#core/tables/table.ts';
import type { PresentationContext } from '#engine/ports.ts';
import { ensurePropertyStyles, optionColours } from './propertyStyles.ts';
import { ensureViews, viewSpecs, type ViewTarget } from './views.ts';

const TABLES = [EPICS_TABLE, BALANCE_TABLE] as const;

/** Everything `ensurePresentation` would make for `context`, as one fingerprint: the view definitions (with names for property ids), the number formats and option colours. */
export function presentationFingerprint(context: PresentationContext): string {
  return fingerprint({
    views: viewSpecs(context).map((v) => ({ name: v.name, on: v.on, type: v.type, ...v.build((column) => column.name) })),
    formats: TABLES.map((spec) => columnsOf(spec).map(([, c]) => [c.name, c.format ?? null])),
    colours: TABLES.map((spec) => optionColours(spec, context)),
  });
}

/** The databases' option colours and number formats, then their views; returns what was made or changed. */
export async function ensurePresentation(notion: Client, tables: { epics: ViewTarget; balance: ViewTarget }, context: PresentationContext): Promise<string[]> {
  const styled: string[] = [];
  if (await ensurePropertyStyles(notion, EPICS_TABLE, tables.epics.dataSourceId, context)) styled.push(`${EPICS_TABLE.title} property styles`);
  if (await ensurePropertyStyles(notion, BALANCE_TABLE, tables.balance.dataSourceId, context)) styled.push(`${BALANCE_TABLE.title} property styles`);
  return [...styled, ...(await ensureViews(notion, tables, context))];
}
