import type { StatusCategory } from '#core/epic.ts';
import type { FieldChange, StatusAt } from '#core/history/fieldChange.ts';
import type { Interner } from '#core/interner.ts';
import type { RawChangeItem, RawHistory } from './jiraApi.ts';
import { jiraTimeMs } from './jiraTime.ts';

/** How this site's changelog names the fields the history reads. */
export interface ChangelogReading {
  /** The story point field: Cloud names it by id, Data Center by its name only. */
  storyPoints: { id: string; name: string | null } | null;
  /** A status's category, by the status id (`from`/`to`) or, failing that, its name. */
  categoryOf(id: string | null | undefined, name: string | null | undefined): StatusCategory;
  /**
   * One copy of each status and label list: a first sync holds every epic's
   * changelog at once, and thousands of changes name the same few statuses.
   */
  shared: { statuses: Map<string, StatusAt>; interner: Interner };
}

/** The field ids the bulk fetch is filtered to (it takes up to 10). */
export function changelogFieldIds(reading: ChangelogReading): string[] {
  return ['status', 'labels', 'resolution', ...(reading.storyPoints ? [reading.storyPoints.id] : [])];
}

/** Which history field an item changes, if one the history needs; system fields are matched by id, or by name where there is none. */
function fieldOf(item: RawChangeItem, reading: ChangelogReading): FieldChange['field'] | null {
  const id = item.fieldId ?? (item.fieldtype === 'custom' ? undefined : item.field);
  if (id === 'status' || id === 'labels' || id === 'resolution') return id;
  const points = reading.storyPoints;
  if (points && (id === points.id || (item.fieldtype === 'custom' && item.field !== undefined && item.field === points.name))) return 'storyPoints';
  return null;
}

/** Labels travel as one space-separated list ("work-growth impact-x"); labels cannot contain spaces. */
const labelList = (text: string | null | undefined, reading: ChangelogReading) =>
  reading.shared.interner.list((text ?? '').split(/\s+/).filter(Boolean));

/** Story points travel as text ("5", "5.0", "0.5"); empty or not a number is no estimate. */
function pointsOf(text: string | null | undefined): number | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function statusOf(id: string | null | undefined, name: string | null | undefined, reading: ChangelogReading): StatusAt | null {
  if (!id && !name) return null;
  const status: StatusAt = { name: name ?? id!, category: reading.categoryOf(id, name) };
  const key = `${status.category}:${status.name}`;
  const known = reading.shared.statuses.get(key);
  if (known) return known;
  reading.shared.statuses.set(key, status);
  return status;
}

/** `toString`, only as the item's own text: an item without one would otherwise hand back Object.prototype.toString. */
function toText(item: RawChangeItem): string | null {
  return Object.hasOwn(item, 'toString') && typeof item.toString === 'string' ? item.toString : null;
}

function changeOf(at: number, item: RawChangeItem, reading: ChangelogReading): FieldChange | null {
  const toString = toText(item);
  switch (fieldOf(item, reading)) {
    case 'status':
      return { at, field: 'status', from: statusOf(item.from, item.fromString, reading), to: statusOf(item.to, toString, reading) };
    case 'labels':
      return { at, field: 'labels', from: labelList(item.fromString, reading), to: labelList(toString, reading) };
    case 'resolution':
      return { at, field: 'resolution', from: item.fromString ?? item.from ?? null, to: toString ?? item.to ?? null };
    case 'storyPoints':
      return { at, field: 'storyPoints', from: pointsOf(item.fromString), to: pointsOf(toString) };
    default:
      return null;
  }
}

/** The changes to the history's fields in some histories of one issue; histories without a readable time are skipped. */
export function changesIn(histories: readonly RawHistory[], reading: ChangelogReading): FieldChange[] {
  return histories.flatMap((history) => {
    const at = jiraTimeMs(history.created);
    if (at === null) return [];
    return (history.items ?? []).flatMap((item) => changeOf(at, item, reading) ?? []);
  });
}
