import type { StatusCategory } from '#core/epic.ts';
import { inTimeOrder, type EpicHistory, type FieldChange } from '#core/history/fieldChange.ts';
import { Interner } from '#core/interner.ts';
import { changelogFieldIds, changesIn, type ChangelogReading } from './changeItems.ts';
import { storyPointsFieldIn } from './discoverFields.ts';
import type { JiraApi, JiraField, JiraStatus } from './jiraApi.ts';

const CATEGORIES = new Set<string>(['new', 'indeterminate', 'done']);

/**
 * Status categories by status id, then by name (ignoring case), from the
 * site's /status list. A status no longer in the list (deleted since) counts
 * as To Do: the history cannot tell, and To Do never adds time in progress.
 */
function categories(statuses: readonly JiraStatus[]): ChangelogReading['categoryOf'] {
  const byId = new Map<string, StatusCategory>();
  const byName = new Map<string, StatusCategory>();
  for (const status of statuses) {
    const key = status.statusCategory?.key;
    if (!key || !CATEGORIES.has(key)) continue;
    if (status.id) byId.set(status.id, key as StatusCategory);
    if (status.name) byName.set(status.name.toLowerCase(), key as StatusCategory);
  }
  return (id, name) => (id ? byId.get(id) : undefined) ?? (name ? byName.get(name.toLowerCase()) : undefined) ?? 'new';
}

function storyPointsOf(fields: readonly JiraField[], configured: string | undefined): ChangelogReading['storyPoints'] {
  const id = configured ?? storyPointsFieldIn(fields);
  if (!id) return null;
  return { id, name: fields.find((f) => f.id === id)?.name ?? null };
}

/**
 * The changelog of these epics (by issue id), reduced to the changes the
 * history needs, oldest first per epic. Epics without such changes are absent.
 * The field list is read only where it is needed: to find the story point
 * field, and on Data Center, whose changelog names custom fields by name.
 */
export async function readHistories(jira: JiraApi, settings: { storyPointsField?: string | undefined }, epicIds: readonly string[]): Promise<Map<string, EpicHistory>> {
  const found = new Map<string, FieldChange[]>();
  if (epicIds.length === 0) return found;
  const needsFields = !settings.storyPointsField || jira.deployment === 'datacenter';
  const [statuses, fields] = await Promise.all([jira.statuses(), needsFields ? jira.fields() : Promise.resolve([])]);
  const reading: ChangelogReading = {
    storyPoints: storyPointsOf(fields, settings.storyPointsField),
    categoryOf: categories(statuses),
    shared: { statuses: new Map(), interner: new Interner() },
  };
  for await (const page of jira.changelogs(epicIds, changelogFieldIds(reading))) {
    for (const { issueId, histories } of page) {
      const changes = changesIn(histories, reading);
      if (changes.length > 0) found.set(issueId, [...(found.get(issueId) ?? []), ...changes]);
    }
  }
  return new Map([...found].map(([id, changes]) => [id, inTimeOrder(changes)]));
}
