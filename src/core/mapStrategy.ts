import type { Epic } from './epic.ts';
import type { Mappings } from './mappings.ts';
import type { StrategyLayer, StrategyPage } from './strategy.ts';
import { compileWordMatcher } from './wordMatcher.ts';

export interface StrategyLinks {
  impact: readonly StrategyPage[];
  usage: readonly StrategyPage[];
  /** Why each link was made: "label impact-mid-market → Win mid-market retailers". */
  reasons: readonly string[];
  /** `impact-x` / `usage-x` labels whose slug names no strategy page: reported, not dropped. */
  unknownLabels: readonly string[];
}

export type StrategyMapper = (epic: Epic) => StrategyLinks;

/**
 * Indexes the strategy pages once. An epic links to a page by an
 * `impact-<slug>` / `usage-<slug>` label or by a Notion link in its
 * description; only for a layer where neither gives anything are the pages'
 * keywords matched against the summary (lower precedence: a guess, said as one).
 */
export function compileStrategyMapper(pages: readonly StrategyPage[], mappings: Mappings): StrategyMapper {
  const bySlug = { Impact: new Map<string, StrategyPage>(), Usage: new Map<string, StrategyPage>() };
  for (const page of pages) bySlug[page.layer].set(page.slug.toLowerCase(), page);
  const byId = new Map(pages.map((p) => [p.id, p]));
  const prefixes = [
    { prefix: mappings.impactLabelPrefix.toLowerCase(), layer: 'Impact' as const },
    { prefix: mappings.usageLabelPrefix.toLowerCase(), layer: 'Usage' as const },
  ];
  const keywords = compileWordMatcher(pages.flatMap((page) => page.keywords.map((phrase) => ({ phrase, value: page }))));

  // Epics linked the same way share one result: the inputs that decide it form the key.
  const seen = new Map<string, StrategyLinks>();
  return (epic) => {
    const strategyLabels = epic.labels.filter((label) => prefixes.some((p) => label.toLowerCase().startsWith(p.prefix)));
    const linkedPages = epic.notionLinks.filter((id) => byId.has(id));
    const guessed = keywords.find(epic.summary);
    const key = `${strategyLabels.join('\u0000')}\u0001${linkedPages.join(',')}\u0001${guessed.map((g) => `${g.value.id}:${g.phrase}`).join(',')}`;
    const known = seen.get(key);
    if (known) return known;

    const found = { Impact: new Map<string, StrategyPage>(), Usage: new Map<string, StrategyPage>() };
    const reasons: string[] = [];
    const unknownLabels: string[] = [];
    const link = (page: StrategyPage, why: string) => {
      if (found[page.layer].has(page.id)) return;
      found[page.layer].set(page.id, page);
      reasons.push(`${why} → ${page.title}`);
    };
    for (const label of strategyLabels) {
      const lower = label.toLowerCase();
      const rule = prefixes.find((p) => lower.startsWith(p.prefix))!;
      const page = bySlug[rule.layer].get(lower.slice(rule.prefix.length));
      if (page) link(page, `label ${label}`);
      else unknownLabels.push(label);
    }
    for (const id of linkedPages) link(byId.get(id)!, 'Notion link in the description');
    for (const layer of ['Impact', 'Usage'] as StrategyLayer[]) {
      if (found[layer].size > 0) continue;
      for (const { value: page, phrase } of guessed) if (page.layer === layer) link(page, `summary keyword "${phrase}"`);
    }
    const result = { impact: [...found.Impact.values()], usage: [...found.Usage.values()], reasons, unknownLabels };
    seen.set(key, result);
    return result;
  };
}
