import { iterateAllDataSourceRows, isFullPage, type Client, type PageObjectResponse } from '@notionhq/client';
import { USAGE_FLOWS, toSlug, type StrategyPage, type UsageFlow } from '#core/strategy.ts';
import { BackboneError } from '#core/errors.ts';
import { dataSourcesOf } from './dataSources.ts';
import { checkImpactPages, checkStrategySchema, type StrategyPropertyNames } from './strategySchema.ts';


type Property = PageObjectResponse['properties'][string];

function text(property: Property | undefined): string {
  if (!property) return '';
  if (property.type === 'title') return property.title.map((t) => t.plain_text).join('').trim();
  if (property.type === 'rich_text') return property.rich_text.map((t) => t.plain_text).join('').trim();
  if (property.type === 'select') return property.select?.name ?? '';
  if (property.type === 'multi_select') return property.multi_select.map((o) => o.name).join(', ');
  return '';
}

function titleOf(page: PageObjectResponse): string {
  const title = Object.values(page.properties).find((p) => p.type === 'title');
  return text(title);
}

function keywordsOf(property: Property | undefined): string[] {
  if (property?.type === 'multi_select') return property.multi_select.map((o) => o.name);
  return text(property)
    .split(/[,;\n]/)
    .map((k) => k.trim())
    .filter(Boolean);
}

/** A strategy page as the domain sees it; null for pages that are not Impact or Usage pages. */
function toStrategyPage(page: PageObjectResponse, names: StrategyPropertyNames, layer: string): StrategyPage | null {
  if (layer !== 'Impact' && layer !== 'Usage') return null;
  const title = text(page.properties[names.name]) || titleOf(page);
  const flow = text(page.properties[names.flow]);
  return {
    id: page.id,
    title,
    layer,
    slug: (text(page.properties[names.slug]) || toSlug(title)).toLowerCase(),
    flow: layer === 'Usage' && (USAGE_FLOWS as readonly string[]).includes(flow) ? (flow as UsageFlow) : null,
    keywords: keywordsOf(page.properties[names.keywords]),
    url: page.url,
  };
}

/**
 * Every Impact and Usage page of the strategy database, across all its data
 * sources and past Notion's 10,000-row query cap. Trashed pages are skipped.
 * Two pages with one slug would make labels ambiguous, so that is an error
 * naming both pages.
 */
/** A page's first paragraph: the narrative the dashboard quotes. One request per page, so it is opt-in. */
async function narrativeOf(notion: Client, pageId: string): Promise<string | undefined> {
  const { results } = await notion.blocks.children.list({ block_id: pageId, page_size: 10 });
  for (const block of results) {
    if ('type' in block && block.type === 'paragraph') {
      const text = block.paragraph.rich_text.map((t) => t.plain_text).join('').trim();
      if (text) return text;
    }
  }
  return undefined;
}

export async function readStrategyPages(
  notion: Client,
  databaseId: string,
  names: StrategyPropertyNames,
  options: { narratives: boolean } = { narratives: false },
): Promise<StrategyPage[]> {
  const pages: StrategyPage[] = [];
  /** Pages per Layer value, for the error when none is Impact. */
  const layers = new Map<string, number>();
  for (const source of await dataSourcesOf(notion, databaseId)) {
    const schema = await notion.dataSources.retrieve({ data_source_id: source.id });
    checkStrategySchema('properties' in schema ? schema.properties : {}, names, databaseId);
    for await (const row of iterateAllDataSourceRows(notion, { data_source_id: source.id })) {
      if (!isFullPage(row) || row.in_trash) continue;
      const layer = text(row.properties[names.layer]);
      layers.set(layer, (layers.get(layer) ?? 0) + 1);
      const page = toStrategyPage(row, names, layer);
      if (page) pages.push(page);
    }
  }
  checkImpactPages(layers, names, databaseId);
  const bySlug = new Map<string, StrategyPage>();
  for (const page of pages) {
    const key = `${page.layer}:${page.slug}`;
    const other = bySlug.get(key);
    if (other) {
      throw new BackboneError(
        'data',
        'strategy-duplicate-slug',
        `Two ${page.layer} pages share the slug "${page.slug}": "${other.title}" (${other.url}) and "${page.title}" (${page.url}). Give one of them a distinct Slug property.`,
      );
    }
    bySlug.set(key, page);
  }
  if (!options.narratives) return pages;
  return Promise.all(pages.map(async (page) => ({ ...page, narrative: await narrativeOf(notion, page.id) })));
}
