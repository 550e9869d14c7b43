import type { Epic } from '#core/epic.ts';
import type { StrategyPage } from '#core/strategy.ts';
import { SANDBOX_STRATEGY_PAGES } from '#sandbox/company/strategy.ts';
import { toSlug } from '#core/strategy.ts';

const LABELS = ['work-growth', 'work-debt', 'work-innovation', 'tech-debt', 'experiment', 'retention', 'q4', ''];
const WORDS = ['Migrate', 'Launch', 'Refactor', 'Explore', 'Improve', 'Simplify', 'Upgrade', 'Pilot'];
const OBJECTS = ['invoices', 'checkout', 'onboarding', 'ledger', 'reports', 'signup', 'payouts', 'search'];

/** Cheap, deterministic epics for the core benchmark: shaped like the sandbox's, at any size. */
export function syntheticCore(size: number): { epics: Epic[]; strategy: StrategyPage[] } {
  const strategy: StrategyPage[] = SANDBOX_STRATEGY_PAGES.filter((p) => !p.inTrash).map((p) => ({
    id: p.id,
    title: p.title,
    layer: p.layer,
    slug: p.slug || toSlug(p.title),
    flow: p.flow,
    keywords: p.keywords,
    url: `https://www.notion.so/${p.id.replaceAll('-', '')}`,
  }));
  const impact = strategy.filter((p) => p.layer === 'Impact');
  const usage = strategy.filter((p) => p.layer === 'Usage');
  const epics = Array.from({ length: size }, (_, i): Epic => {
    const team = ['PAY', 'GRO', 'ONB', 'PLAT', 'MOB', 'DATA'][i % 6]!;
    return {
      id: String(100000 + i),
      key: `${team}-${i}`,
      summary: `${WORDS[i % WORDS.length]} ${OBJECTS[(i * 7) % OBJECTS.length]} for ${team} customers`,
      url: `https://sandbox.atlassian.net/browse/${team}-${i}`,
      projectKey: team,
      team,
      status: ['To Do', 'In Progress', 'Done'][i % 3]!,
      statusCategory: (['new', 'indeterminate', 'done'] as const)[i % 3]!,
      issueType: 'Epic',
      labels: [LABELS[i % LABELS.length]!, `impact-${impact[i % impact.length]!.slug}`, `usage-${usage[i % usage.length]!.slug}`].filter(Boolean),
      components: [],
      fields: {},
      storyPoints: i % 7 === 0 ? null : (i % 13) + 1,
      notionLinks: [],
      created: '2026-06-01T00:00:00.000Z',
      updated: '2026-11-20T00:00:00.000Z',
      resolved: i % 3 === 2 ? '2026-11-15T00:00:00.000Z' : null,
    };
  });
  return { epics, strategy };
}
