import type { Client } from '@notionhq/client';

export interface ChartTarget {
  databaseId: string;
  dataSourceId: string;
}

interface ChartSpec {
  name: string;
  on: 'epics' | 'balance';
  build: (propertyId: (name: string) => string) => Record<string, unknown>;
}

/**
 * The two charts a head of product looks at, as Notion chart views: the current
 * mix (a donut of open epics' points by work type, on Epics) and the mix over
 * time (a line of each work type's point share per period, on Portfolio
 * Balance). Charts recompute live from rows, so they are created once and found
 * again by name afterwards.
 */
const CHARTS: ChartSpec[] = [
  {
    name: 'Work mix now (points)',
    on: 'epics',
    build: (id) => ({
      filter: { property: 'Status Category', select: { does_not_equal: 'Done' } },
      configuration: {
        type: 'chart',
        chart_type: 'donut',
        x_axis: { type: 'select', property_id: id('Work Type'), sort: { type: 'ascending' } },
        y_axis: { aggregator: 'sum', property_id: id('Story Points') },
        donut_labels: 'name_and_value',
      },
    }),
  },
  {
    name: 'Work mix over time (point share)',
    on: 'balance',
    build: (id) => ({
      filter: { and: [{ property: 'Scope', select: { equals: 'portfolio' } }, { property: 'Work Type', select: { does_not_equal: 'All work' } }] },
      configuration: {
        type: 'chart',
        chart_type: 'line',
        x_axis: { type: 'select', property_id: id('Period'), sort: { type: 'ascending' } },
        stack_by: { type: 'select', property_id: id('Work Type'), sort: { type: 'ascending' } },
        y_axis: { aggregator: 'sum', property_id: id('Point Share') },
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
    const id = (name: string) => properties[name]?.id ?? name;
    await notion.views.create({ data_source_id: target.dataSourceId, name: chart.name, type: 'chart', ...chart.build(id) } as never);
    created.push(chart.name);
  }
  return created;
}
