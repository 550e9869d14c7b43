/** The Backbone's upper layers, as pages of the Notion strategy database. */
export type StrategyLayer = 'Impact' | 'Usage';

export const USAGE_FLOWS = ['Acquisition', 'Activation', 'Core Experience'] as const;
export type UsageFlow = (typeof USAGE_FLOWS)[number];

export interface StrategyPage {
  /** Notion page id, dashed uuid. */
  id: string;
  title: string;
  layer: StrategyLayer;
  /** Explicit Slug property, else the title in kebab-case. */
  slug: string;
  /** Only Usage pages have a flow. */
  flow: UsageFlow | null;
  keywords: readonly string[];
  url: string;
  /** The page's first paragraph, when narratives are read (notion.readNarratives). */
  narrative?: string;
}

/** A title in kebab-case, the slug a page gets when it has no Slug property: "Win mid-market" → "win-mid-market". */
export function toSlug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
