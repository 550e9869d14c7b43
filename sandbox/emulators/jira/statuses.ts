import type { StatusDetails } from 'jira.js/cloud';
import { CATEGORY_NAMES, type CategoryKey, type JiraStatusDef } from './model.ts';

/** The sample workflow: two statuses share the In Progress category, as on most real sites. */
export const WORKFLOW_STATUSES: readonly JiraStatusDef[] = [
  { id: '10000', name: 'To Do', category: 'new' },
  { id: '3', name: 'In Progress', category: 'indeterminate' },
  { id: '10001', name: 'In Review', category: 'indeterminate' },
  { id: '10002', name: 'Done', category: 'done' },
];

export const CATEGORY_IDS: Record<CategoryKey, number> = { new: 2, indeterminate: 4, done: 3 };

/** A status by name; one the workflow does not list (a test's own) gets a stable id from its category. */
export function statusDef(name: string, category: CategoryKey): JiraStatusDef {
  return WORKFLOW_STATUSES.find((s) => s.name === name) ?? { id: String(CATEGORY_IDS[category] * 1000 + 1), name, category };
}

export function renderStatus(status: JiraStatusDef, host: string, api: string): StatusDetails {
  const category = CATEGORY_IDS[status.category];
  return {
    self: `${host}/rest/api/${api}/status/${status.id}`,
    id: status.id,
    name: status.name,
    untranslatedName: status.name,
    description: '',
    iconUrl: `${host}/images/icons/statuses/generic.png`,
    statusCategory: { self: `${host}/rest/api/${api}/statuscategory/${category}`, id: category, key: status.category, name: CATEGORY_NAMES[status.category], colorName: 'blue-gray' },
  };
}
