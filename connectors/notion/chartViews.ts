import type { Client } from '@notionhq/client';
import { PORTFOLIO_SCOPE } from '#core/balance.ts';
import { statusCategoryName } from '#core/statusCategory.ts';
import { ALL_WORK, BALANCE_TABLE } from '#core/tables/balanceTable.ts';
import { EPICS_TABLE } from '#core/tables/epicsTable.ts';

export interface ChartTarget {
  databaseId: string;
  dataSourceId: string;
}

interface ChartSpec {
  name: string;
  on: 'epics' | 'balance';
  /** The view's filter and configuration, given a column's Notion property id. */
  build: (propertyId: (column: { name: string }) => string) => Record<string, unknown>;
}

/**
 * The two charts a head of product looks at, as Notion chart views: the current
 * mix (a donut of open epics' points by work type, on Epics) and the mix over
 * time (a line of each work type's point share per period, on Portfolio
 * Balance). Charts recompute live from rows, so they are created once and found
 * again by name afterwards.
 */
const EPICS = EPICS_TABLE.columns;
const BALANCE = BALANCE_TABLE.columns;

const CHARTS: ChartSpec[] = [
  {
    name: 'Work mix now (points)',
    on: 'epics',
    build: (id) => ({
      filter: { property: EPICS.statusCategory.name, select: { does_not_equal: statusCategoryName('done') } },
      configuration: {
        type: 'chart',
        chart_type: 'donut',
        x_axis: { type: 'select', property_id: id(EPICS.workType), sort: { type: 'ascending' } },
        y_axis: { aggregator: 'sum', property_id: id(EPICS.storyPoints) },
        donut_labels: 'name_and_value',
      },
    }),
  },
  {
    name: 'Work mix over time (point share)',
    on: 'balance',
    build: (id) => ({
      filter: {
        and: [
          { property: BALANCE.scope.name, select: { equals: PORTFOLIO_SCOPE.kind } },
          { property: BALANCE.workType.name, select: { does_not_equal: ALL_WORK } },
        ],
      },
      configuration: {
        type: 'chart',
        chart_type: 'line',
        x_axis: { type: 'select', property_id: id(BALANCE.period), sort: { type: 'ascending' } },
        stack_by: { type: 'select', property_id: id(BALANCE.workType), sort: { type: 'ascending' } },
        y_axis: { aggregator: 'sum', property_id: id(BALANCE.pointShare) },
      },
    }),
  },
];

async function viewNames(notion: Client, databaseId: string): Promise<Set<string>> {
  const list = await notion.views.list({ database_id: databaseId });
  const views = await Promise.all(list.results.map((v) => notion.views.retrieve({ view_id: v.id })));
  return new Set(views.map((v) => ('name' in v ? v.name : '')));
}

/** Creates the chart views that are missing; returns the names created. */
export async function ensureChartViews(notion: Client, tables: { epics: ChartTarget; balance: ChartTarget }): Promise<string[]> {
  const created: string[] = [];
  for (const chart of CHARTS) {
    const target = tables[chart.on];
    if ((await viewNames(notion, target.databaseId)).has(chart.name)) continue;
    const source = await notion.dataSources.retrieve({ data_source_id: target.dataSourceId });
    const properties = 'properties' in source ? source.properties : {};
    const id = (column: { name: string }) => properties[column.name]?.id ?? column.name;
    await notion.views.create({ data_source_id: target.dataSourceId, name: chart.name, type: 'chart', ...chart.build(id) } as never);
    created.push(chart.name);
  }
  return created;
}
