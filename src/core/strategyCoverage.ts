import { USAGE_FLOWS, type StrategyPage, type UsageFlow } from './strategy.ts';

/** Strategy without work: the other half of orphans (work without strategy). */
export interface StrategyGaps {
  /** Impact targets no counted epic serves. */
  impact: StrategyPage[];
  /** Usage targets no counted epic serves. */
  usage: StrategyPage[];
  /** Usage flows none of whose targets a counted epic serves (a flow with no target at all included). */
  flows: UsageFlow[];
}

/**
 * The Impact and Usage targets, and the Usage flows, that no epic in the mix
 * serves. `epics` are the epics that count (balancePolicy.ts), so a target
 * served only by work finished long ago shows as a gap.
 */
export function strategyWithoutWork(epics: Iterable<{ impactIds: readonly string[]; usageIds: readonly string[] }>, strategy: readonly StrategyPage[]): StrategyGaps {
  const served = new Set<string>();
  for (const epic of epics) {
    for (const id of epic.impactIds) served.add(id);
    for (const id of epic.usageIds) served.add(id);
  }
  const unserved = strategy.filter((p) => !served.has(p.id));
  const servedFlows = new Set(strategy.filter((p) => p.layer === 'Usage' && p.flow && served.has(p.id)).map((p) => p.flow));
  return {
    impact: unserved.filter((p) => p.layer === 'Impact'),
    usage: unserved.filter((p) => p.layer === 'Usage'),
    flows: USAGE_FLOWS.filter((f) => !servedFlows.has(f)),
  };
}

/** Titles named in a line at most; the rest are counted. */
const NAMED = 10;

/** The gaps as lines for people; one line saying there are none when there are none. */
export function describeStrategyGaps(gaps: StrategyGaps): string[] {
  const lines: string[] = [];
  const titles = (pages: readonly StrategyPage[]) => {
    const named = pages.slice(0, NAMED).map((p) => (p.flow ? `${p.title} (${p.flow})` : p.title)).join(', ');
    return pages.length > NAMED ? `${named} and ${pages.length - NAMED} more` : named;
  };
  if (gaps.impact.length) lines.push(`No active epic serves the Impact target${gaps.impact.length === 1 ? '' : 's'} ${titles(gaps.impact)}.`);
  if (gaps.usage.length) lines.push(`No active epic serves the Usage target${gaps.usage.length === 1 ? '' : 's'} ${titles(gaps.usage)}.`);
  if (gaps.flows.length) lines.push(`No active epic serves the ${gaps.flows.join(', ')} flow${gaps.flows.length === 1 ? '' : 's'}.`);
  if (lines.length === 0) lines.push('Every Impact target, Usage target and Usage flow has active work.');
  return lines;
}
