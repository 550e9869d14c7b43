import type { Epic } from '../epic.ts';
import type { EpicHistory, FieldChange, StatusAt } from './fieldChange.ts';

/**
 * When a done epic was resolved, as of `instant`: the last time its resolution
 * was set at or before then, if it was still set then. Without any resolution
 * in the changelog, today's resolution date counts if it had already happened.
 */
function resolvedAt(epic: Epic, history: EpicHistory, instant: number, resolutionThen: string | null | undefined): string | null {
  const changes = history.filter((c): c is Extract<FieldChange, { field: 'resolution' }> => c.field === 'resolution');
  if (changes.length === 0) return epic.resolved !== null && Date.parse(epic.resolved) <= instant ? epic.resolved : null;
  if (!resolutionThen) return null;
  const set = changes.filter((c) => c.at <= instant && c.to !== null).at(-1);
  return new Date(set ? set.at : Date.parse(epic.created)).toISOString();
}

/**
 * An epic as it was at `instant` (epoch ms): today's epic with every change
 * made after that moment undone, newest first, so the result always agrees
 * with today's state and with every change in between. Status, labels,
 * resolution and story points come from the changelog; everything else
 * (summary, components, team, fields, description links) is today's. Null if
 * the epic did not exist yet.
 */
export function epicAt(epic: Epic, history: EpicHistory, instant: number): Epic | null {
  if (Date.parse(epic.created) > instant) return null;
  let status: StatusAt = { name: epic.status, category: epic.statusCategory };
  let labels = epic.labels;
  let storyPoints = epic.storyPoints;
  // Today's resolution is known only as set or not (its name is not pulled).
  let resolution: string | null | undefined = epic.resolved === null ? null : undefined;
  for (let i = history.length - 1; i >= 0 && history[i]!.at > instant; i -= 1) {
    const change = history[i]!;
    if (change.field === 'status') status = change.from ?? status;
    else if (change.field === 'labels') labels = change.from;
    else if (change.field === 'storyPoints') storyPoints = change.from;
    else resolution = change.from;
  }
  const resolutionThen = resolution === undefined ? 'set' : resolution;
  return {
    ...epic,
    status: status.name,
    statusCategory: status.category,
    labels,
    storyPoints,
    resolved: resolvedAt(epic, history, instant, resolutionThen),
    updated: new Date(Math.min(Date.parse(epic.updated), instant)).toISOString(),
  };
}
