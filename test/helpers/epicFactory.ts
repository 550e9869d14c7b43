import { readFileSync } from 'node:fs';
import type { Epic } from '#core/epic.ts';
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

/** The mappings shipped in mappings/, as users get them. */
export function defaultMappings(): Mappings {
  return mappingsSchema.parse(JSON.parse(readFileSync(new URL('../../mappings/work-types.json', import.meta.url), 'utf8')));
}
