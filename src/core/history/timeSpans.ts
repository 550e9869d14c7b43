import type { Epic, StatusCategory } from '../epic.ts';
import type { EpicHistory } from './fieldChange.ts';

/** A stretch of time an epic spent in an In-Progress-category status; `end` is null while it still is. */
export interface TimeSpan {
  start: number;
  end: number | null;
}

const DAY = 86_400_000;

/** The status category an epic had when it was created: its category today, with every status change undone. */
function categoryAtCreation(epic: Pick<Epic, 'statusCategory'>, history: EpicHistory): StatusCategory {
  let category = epic.statusCategory;
  for (let i = history.length - 1; i >= 0; i -= 1) {
    const change = history[i]!;
    if (change.field === 'status' && change.from) category = change.from.category;
  }
  return category;
}

/**
 * When an epic was in progress, from its creation to now: each status change
 * into the In Progress category opens a span, each change out of it closes
 * one. Reopened epics simply have several spans.
 */
export function inProgressSpans(epic: Pick<Epic, 'statusCategory' | 'created'>, history: EpicHistory): TimeSpan[] {
  const spans: TimeSpan[] = [];
  let open: number | null = categoryAtCreation(epic, history) === 'indeterminate' ? Date.parse(epic.created) : null;
  for (const change of history) {
    if (change.field !== 'status' || !change.to) continue;
    const inProgress = change.to.category === 'indeterminate';
    if (inProgress && open === null) open = change.at;
    else if (!inProgress && open !== null) {
      spans.push({ start: open, end: change.at });
      open = null;
    }
  }
  if (open !== null) spans.push({ start: open, end: null });
  return spans;
}

/**
 * Spans for an epic whose changelog was never read (a row written before
 * history existed): in progress for as long as can matter if it is in progress
 * now, never otherwise.
 */
export function spansOrAssumed(epic: { inProgress?: readonly TimeSpan[] | undefined; statusCategory: StatusCategory }): readonly TimeSpan[] {
  if (epic.inProgress) return epic.inProgress;
  return epic.statusCategory === 'indeterminate' ? [{ start: -Infinity, end: null }] : [];
}

/** Days in progress within [start, end); a span still open runs to the window's end. */
export function daysWithin(spans: readonly TimeSpan[], window: { start: number; end: number }): number {
  let ms = 0;
  for (const span of spans) {
    const from = Math.max(span.start, window.start);
    const to = Math.min(span.end ?? window.end, window.end);
    if (to > from) ms += to - from;
  }
  return ms / DAY;
}
