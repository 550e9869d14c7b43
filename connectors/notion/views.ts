import type { Client } from '@notionhq/client';
import { PORTFOLIO_SCOPE } from '#core/balance.ts';
import { CONFLICT_NOTE } from '#core/classify.ts';
import { UNCLASSIFIED } from '#core/mappings.ts';
import { USAGE_FLOWS } from '#core/strategy.ts';
import { ALL_WORK, BALANCE_TABLE } from '#core/tables/balanceTable.ts';
import { EPICS_TABLE } from '#core/tables/epicsTable.ts';
import type { PresentationContext } from '#engine/ports.ts';

export interface ViewTarget {
  databaseId: string;
  dataSourceId: string;
}

type Json = Record<string, unknown>;

/** A view as the Views API takes it: on Epics or Portfolio Balance, its filter, sorts and layout, given a column's property id. */
export interface ViewSpec {
  name: string;
  on: 'epics' | 'balance';
  type: 'table' | 'board' | 'chart';
  build: (propertyId: (column: { name: string }) => string) => { filter?: Json; sorts?: Json[]; configuration?: Json };
}

const EPICS = EPICS_TABLE.columns;
const BALANCE = BALANCE_TABLE.columns;

/** Every Epics view shows the epics that count towards the balance (balancePolicy.ts), as the balance, the report and the dashboard do. */
const COUNTED = { property: EPICS.counts.name, checkbox: { equals: true } };
const counted = (...more: Json[]): Json => ({ and: [COUNTED, ...more] });
const byTeam = [{ property: EPICS.team.name, direction: 'ascending' }];
/** Views past this many Impact targets would be tabs nobody scrolls to; the Impact column filters the rest. */
export const MAX_IMPACT_VIEWS = 25;

/** A chart of the sum of one number per group of a select, stacked by Work Type (in its options' order, the mappings'). */
function stackedChart(chartType: 'bar' | 'line', groups: string, workType: string, sum: string, more: Json = {}): Json {
  return {
    type: 'chart',
    chart_type: chartType,
    x_axis: { type: 'select', property_id: groups, sort: { type: 'ascending' } },
    stack_by: { type: 'select', property_id: workType, sort: { type: 'manual' } },
    y_axis: { aggregator: 'sum', property_id: sum },
    ...more,
  };
}

/** A 100%-stacked bar's reference lines where the target mix puts the boundaries between work types, stacked in the mappings' order. */
function targetLines(context: PresentationContext): Json[] {
  const lines: Json[] = [];
  let boundary = 0;
  const targeted = context.workTypes.filter((t) => t.target !== undefined);
  targeted.slice(0, -1).forEach((type, i) => {
    boundary += type.target!;
    // Values are on the chart's axis, which a percent-stacked chart runs from 0 to 100.
    lines.push({ value: boundary, label: `target: ${type.name} | ${targeted[i + 1]!.name} (${boundary}%)`, color: 'gray', dash_style: 'dash' });
  });
  return lines;
}

/**
 * The views a head of product and a team lead act from: the mix now and per
 * team against the target mix, the epics to fix (Unclassified, Conflicts,
 * Orphans), a board of each team's work by type, the epics serving each Impact
 * target and Usage flow, the current period's balance and its trend.
 */
export function viewSpecs(context: PresentationContext): ViewSpec[] {
  const impactViews: ViewSpec[] = context.strategy
    .filter((p) => p.layer === 'Impact')
    .slice(0, MAX_IMPACT_VIEWS)
    .map((page) => ({
      name: `Impact · ${page.title}`,
      on: 'epics',
      type: 'table',
      build: () => ({ filter: counted({ property: EPICS.impact.name, relation: { contains: page.id } }), sorts: byTeam }),
    }));
  const flowViews: ViewSpec[] = USAGE_FLOWS.flatMap((flow) => {
    const pages = context.strategy.filter((p) => p.layer === 'Usage' && p.flow === flow);
    if (pages.length === 0) return [];
    return [
      {
        name: `Flow · ${flow}`,
        on: 'epics' as const,
        type: 'table' as const,
        build: () => ({ filter: counted({ or: pages.map((p) => ({ property: EPICS.usage.name, relation: { contains: p.id } })) }), sorts: byTeam }),
      },
    ];
  });
  return [
    {
      name: 'Work mix now (points)',
      on: 'epics',
      type: 'chart',
      build: (id) => ({
        filter: COUNTED,
        configuration: {
          type: 'chart',
          chart_type: 'donut',
          x_axis: { type: 'select', property_id: id(EPICS.workType), sort: { type: 'manual' } },
          y_axis: { aggregator: 'sum', property_id: id(EPICS.storyPoints) },
          donut_labels: 'name_and_value',
        },
      }),
    },
    {
      name: 'Mix per team (points)',
      on: 'epics',
      type: 'chart',
      build: (id) => ({
        // Classified work only: the target mix is how classified work should split (balance.ts), so the lines mean the same here.
        filter: counted({ property: EPICS.workType.name, select: { does_not_equal: UNCLASSIFIED.name } }),
        configuration: stackedChart('bar', id(EPICS.team), id(EPICS.workType), id(EPICS.storyPoints), { group_style: 'percent', reference_lines: targetLines(context) }),
      }),
    },
    { name: 'Unclassified', on: 'epics', type: 'table', build: () => ({ filter: counted({ property: EPICS.workType.name, select: { equals: UNCLASSIFIED.name } }), sorts: byTeam }) },
    { name: 'Conflicts', on: 'epics', type: 'table', build: () => ({ filter: counted({ property: EPICS.classifiedBy.name, rich_text: { contains: CONFLICT_NOTE } }), sorts: byTeam }) },
    { name: 'Orphans', on: 'epics', type: 'table', build: () => ({ filter: counted({ property: EPICS.orphan.name, checkbox: { equals: true } }), sorts: byTeam }) },
    {
      name: 'Board by team',
      on: 'epics',
      type: 'board',
      build: (id) => ({
        filter: COUNTED,
        configuration: {
          type: 'board',
          group_by: { type: 'select', property_id: id(EPICS.workType), sort: { type: 'manual' } },
          sub_group_by: { type: 'select', property_id: id(EPICS.team), sort: { type: 'ascending' } },
        },
      }),
    },
    ...impactViews,
    ...flowViews,
    {
      name: 'Work mix over time (point share)',
      on: 'balance',
      type: 'chart',
      build: (id) => ({
        filter: {
          and: [
            { property: BALANCE.scope.name, select: { equals: PORTFOLIO_SCOPE.kind } },
            { property: BALANCE.workType.name, select: { does_not_equal: ALL_WORK } },
          ],
        },
        configuration: stackedChart('line', id(BALANCE.period), id(BALANCE.workType), id(BALANCE.pointShare)),
      }),
    },
    {
      name: 'Current period',
      on: 'balance',
      type: 'table',
      // The period changes the filter, so this view is brought up to date once per period.
      build: () => ({
        filter: { property: BALANCE.period.name, select: { equals: context.period } },
        sorts: [
          { property: BALANCE.scope.name, direction: 'ascending' },
          { property: BALANCE.scopeName.name, direction: 'ascending' },
        ],
      }),
    },
  ];
}

interface ExistingView {
  id: string;
  name: string;
  filter: unknown;
  sorts: unknown;
  configuration: unknown;
}

async function viewsOf(notion: Client, databaseId: string): Promise<Map<string, ExistingView>> {
  const list = await notion.views.list({ database_id: databaseId });
  const views = await Promise.all(list.results.map((v) => notion.views.retrieve({ view_id: v.id })));
  return new Map(
    views.flatMap((v) =>
      'name' in v ? [[v.name, { id: v.id, name: v.name, filter: v.filter ?? null, sorts: v.sorts ?? null, configuration: v.configuration ?? null }] as const] : [],
    ),
  );
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Creates the views that are missing (found by name) and brings the engine's
 * own back to their definition where it changed (a new period, new targets, a
 * new strategy page); returns the names created or changed. A view a person
 * renamed is theirs.
 */
export async function ensureViews(notion: Client, tables: { epics: ViewTarget; balance: ViewTarget }, context: PresentationContext): Promise<string[]> {
  const made: string[] = [];
  const specs = viewSpecs(context);
  for (const on of ['epics', 'balance'] as const) {
    const target = tables[on];
    const existing = await viewsOf(notion, target.databaseId);
    const source = await notion.dataSources.retrieve({ data_source_id: target.dataSourceId });
    const properties = 'properties' in source ? source.properties : {};
    const id = (column: { name: string }) => properties[column.name]?.id ?? column.name;
    for (const spec of specs.filter((s) => s.on === on)) {
      const { filter, sorts, configuration } = spec.build(id);
      const view = existing.get(spec.name);
      if (!view) {
        await notion.views.create({ data_source_id: target.dataSourceId, database_id: target.databaseId, name: spec.name, type: spec.type, filter, sorts, configuration } as never);
        made.push(spec.name);
      } else if (!same(view.filter, filter) || !same(view.sorts, sorts) || !same(view.configuration, configuration)) {
        await notion.views.update({ view_id: view.id, filter: filter ?? null, sorts: sorts ?? null, ...(configuration ? { configuration } : {}) } as never);
        made.push(spec.name);
      }
    }
  }
  return made;
}
