import type { Classification } from './classify.ts';
import type { StrategyLinks } from './mapStrategy.ts';

/**
 * Values derived from a classification or a set of strategy links, computed
 * once per shared result object (the classifier and the mapper hand the same
 * object to every epic that matched the same way), so 100k rows reuse a few
 * hundred strings and arrays instead of making 100k of each.
 */
export interface LinkFacts {
  impactIds: readonly string[];
  usageIds: readonly string[];
  linkedBy: string;
  orphan: boolean;
}

const linkCache = new WeakMap<StrategyLinks, LinkFacts>();
const classifiedCache = new WeakMap<Classification, string>();

export function linkFacts(links: StrategyLinks): LinkFacts {
  let facts = linkCache.get(links);
  if (!facts) {
    facts = {
      impactIds: links.impact.map((p) => p.id),
      usageIds: links.usage.map((p) => p.id),
      linkedBy: [...links.reasons, ...links.unknownLabels.map((l) => `label ${l} names no strategy page`)].join('; '),
      orphan: links.impact.length === 0 || links.usage.length === 0,
    };
    linkCache.set(links, facts);
  }
  return facts;
}

/** "alias: alias label tech-debt → Debt & Evolution", as the Epics row shows it. */
export function classifiedBy(classification: Classification): string {
  let text = classifiedCache.get(classification);
  if (text === undefined) {
    text = `${classification.source}: ${classification.reason}`;
    classifiedCache.set(classification, text);
  }
  return text;
}
