import type { FieldDetails } from 'jira.js/cloud';
import type { CustomFieldKind, JiraCustomField, JiraSite } from './model.ts';
import { TEAM_FIELD } from './render.ts';

const system = (id: string, name: string, type: string): FieldDetails => ({
  id,
  key: id,
  name,
  custom: false,
  orderable: true,
  navigable: true,
  searchable: true,
  clauseNames: [id],
  schema: { type, system: id },
});

const custom = (id: string, name: string, type: string, plugin: string, items?: string): FieldDetails => ({
  id,
  key: id,
  name,
  untranslatedName: name,
  custom: true,
  orderable: true,
  navigable: true,
  searchable: true,
  clauseNames: [`cf[${id.split('_')[1]}]`, name],
  schema: { type, ...(items ? { items } : {}), custom: plugin, customId: Number(id.split('_')[1]) },
});

const GREENHOPPER = 'com.pyxis.greenhopper.jira';
const CUSTOM_TYPES = 'com.atlassian.jira.plugin.system.customfieldtypes';

/** The schema /field shows for each kind of custom field: its type, the type of its items for lists, and its plugin key. */
const SCHEMAS: Record<CustomFieldKind, [type: string, items: string | undefined]> = {
  userpicker: ['user', undefined],
  multiuserpicker: ['array', 'user'],
  select: ['option', undefined],
  multiselect: ['array', 'option'],
  cascadingselect: ['option-with-child', undefined],
};

function customField(field: JiraCustomField): FieldDetails {
  const [type, items] = SCHEMAS[field.kind];
  return custom(field.id, field.name, type, `${CUSTOM_TYPES}:${field.kind}`, items);
}

/** Jira Software's epic fields at this site's ids: Epic Link (what children point through) and the Epic Name decoy beside it. */
function epicFields(site: JiraSite): FieldDetails[] {
  if (site.epicLinkField === null) return [];
  const epicName = `customfield_${Number(site.epicLinkField.split('_')[1]) + 1}`;
  return [custom(site.epicLinkField, 'Epic Link', 'any', `${GREENHOPPER}:gh-epic-link`), custom(epicName, 'Epic Name', 'string', `${GREENHOPPER}:gh-epic-label`)];
}

/**
 * GET /field: the system fields, plus the custom fields that make story points
 * and Epic Link hard to find: both at site-specific ids, with a decoy classic
 * "Story Points" number field on Cloud and an "Epic Name" beside Epic Link.
 */
export function fieldList(site: JiraSite, flavour: 'cloud' | 'datacenter'): FieldDetails[] {
  const systemFields = [
    system('summary', 'Summary', 'string'),
    system('labels', 'Labels', 'array'),
    system('status', 'Status', 'status'),
    system('issuetype', 'Issue Type', 'issuetype'),
    system('project', 'Project', 'project'),
    system('components', 'Components', 'array'),
    system('parent', 'Parent', 'issuelink'),
    system('created', 'Created', 'datetime'),
    system('updated', 'Updated', 'datetime'),
    system('resolutiondate', 'Resolved', 'datetime'),
    system('description', 'Description', 'string'),
    system('timetracking', 'Time tracking', 'timetracking'),
    system('timeoriginalestimate', 'Original estimate', 'number'),
  ];
  const points = site.storyPointsField;
  if (flavour === 'datacenter') {
    return [...systemFields, custom(points, 'Story Points', 'number', `${CUSTOM_TYPES}:float`), ...epicFields(site), ...site.customFields.map(customField)];
  }
  return [
    ...systemFields,
    custom(points, 'Story point estimate', 'number', `${GREENHOPPER}:jsw-story-points`),
    custom(points === 'customfield_10028' ? 'customfield_10038' : 'customfield_10028', 'Story Points', 'number', `${CUSTOM_TYPES}:float`),
    ...epicFields(site),
    custom(TEAM_FIELD, 'Team', 'team', `${CUSTOM_TYPES}:atlassian-team`),
    ...site.customFields.map(customField),
  ];
}
