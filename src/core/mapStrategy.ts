import type { Epic } from './epic.ts';
import type { Mappings } from './mappings.ts';
import type { StrategyPage } from './strategy.ts';

export interface StrategyLinks {
  impact: readonly StrategyPage[];
  usage: readonly StrategyPage[];
  /** `impact-x` / `usage-x` labels whose slug names no strategy page: reported, not dropped. */
  unknownLabels: readonly string[];
}

export type StrategyMapper = (epic: Epic) => StrategyLinks;

/** Indexes the strategy pages once; each epic then costs a few map look-ups. */
export function compileStrategyMapper(pages: readonly StrategyPage[], mappings: Mappings): StrategyMapper {
  const bySlug = { Impact: new Map<string, StrategyPage>(), Usage: new Map<string, StrategyPage>() };
  for (const page of pages) bySlug[page.layer].set(page.slug.toLowerCase(), page);
  const byId = new Map(pages.map((p) => [p.id, p]));
  const prefixes = [
    { prefix: mappings.impactLabelPrefix.toLowerCase(), layer: 'Impact' as const },
    { prefix: mappings.usageLabelPrefix.toLowerCase(), layer: 'Usage' as const },
  ];

  return (epic) => {
    const found = new Map<string, StrategyPage>();
    const unknownLabels: string[] = [];
    for (const label of epic.labels) {
      const lower = label.toLowerCase();
      const rule = prefixes.find((p) => lower.startsWith(p.prefix));
      if (!rule) continue;
      const page = bySlug[rule.layer].get(lower.slice(rule.prefix.length));
      if (page) found.set(page.id, page);
      else unknownLabels.push(label);
    }
    for (const id of epic.notionLinks) {
      const page = byId.get(id);
      if (page) found.set(page.id, page);
    }
    const linked = [...found.values()];
    return {
      impact: linked.filter((p) => p.layer === 'Impact'),
      usage: linked.filter((p) => p.layer === 'Usage'),
      unknownLabels,
    };
  };
}
