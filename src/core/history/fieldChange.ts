import type { StatusCategory } from '../epic.ts';

/** A status as the changelog names it, with the category Jira files it under. */
export interface StatusAt {
  name: string;
  category: StatusCategory;
}

/**
 * One change, read from Jira's changelog, to a field the history needs: the
 * status (for the status category and time in progress), the labels (for the
 * work type and strategy labels), the resolution (for when done work stops
 * counting) and the story points. `at` is epoch ms; Jira's own times carry the
 * account's offset, which the connector has already applied.
 */
export type FieldChange =
  | { at: number; field: 'status'; from: StatusAt | null; to: StatusAt | null }
  | { at: number; field: 'labels'; from: readonly string[]; to: readonly string[] }
  | { at: number; field: 'resolution'; from: string | null; to: string | null }
  | { at: number; field: 'storyPoints'; from: number | null; to: number | null };

/** An epic's changes to those fields, oldest first. */
export type EpicHistory = readonly FieldChange[];

/** Changes in time order (Jira sends them so, but pages of a bulk fetch interleave issues). */
export function inTimeOrder(changes: readonly FieldChange[]): FieldChange[] {
  return changes.map((change, i) => ({ change, i })).sort((a, b) => a.change.at - b.change.at || a.i - b.i).map(({ change }) => change);
}
