import { readFileSync } from 'node:fs';
import type { Epic } from '#core/epic.ts';
import type { PortfolioEpic } from '#core/portfolioEpic.ts';
import { mappingsSchema, type Mappings } from '#core/mappings.ts';

let counter = 0;

/** An epic with sensible defaults; tests state only what matters to them. */
export function epic(overrides: Partial<Epic> = {}): Epic {
  counter += 1;
  return {
    id: String(10000 + counter),
    key: `PAY-${counter}`,
    summary: 'Something worth doing',
    url: `https://example.atlassian.net/browse/PAY-${counter}`,
    projectKey: 'PAY',
    team: 'PAY',
    status: 'In Progress',
    statusCategory: 'indeterminate',
    issueType: 'Epic',
    labels: [],
    components: [],
    fields: {},
    storyPoints: null,
    notionLinks: [],
    created: '2026-10-01T09:00:00.000Z',
    updated: '2026-11-20T09:00:00.000Z',
    resolved: null,
    ...overrides,
  };
}

/** An epic as the balance sees it: open, in PAY, serving a target in each layer. */
export function portfolioEpic(id: string, workTypeId: string, storyPoints: number | null, overrides: Partial<PortfolioEpic> = {}): PortfolioEpic {
  const team = overrides.team ?? 'PAY';
  return { id, key: `${team}-${id}`, summary: id, team, statusCategory: 'indeterminate', resolved: null, storyPoints, workTypeId, impactIds: ['i'], usageIds: ['u'], ...overrides };
}

/** The mappings shipped in mappings/, as users get them. */
export function defaultMappings(): Mappings {
  return mappingsSchema.parse(JSON.parse(readFileSync(new URL('../../mappings/work-types.json', import.meta.url), 'utf8')));
}
