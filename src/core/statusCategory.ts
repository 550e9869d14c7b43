import type { StatusCategory } from './epic.ts';

/** Jira's status category keys and the names people see for them. */
const NAMES: Record<StatusCategory, string> = { new: 'To Do', indeterminate: 'In Progress', done: 'Done' };

export function statusCategoryName(key: StatusCategory): string {
  return NAMES[key];
}

export function statusCategoryFromName(name: string | null): StatusCategory | null {
  const entry = Object.entries(NAMES).find(([, n]) => n === name);
  return entry ? (entry[0] as StatusCategory) : null;
}
