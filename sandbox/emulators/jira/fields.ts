import type { FieldDetails } from 'jira.js/cloud';
import { EPIC_LINK_FIELD, TEAM_FIELD } from './render.ts';

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

const custom = (id: string, name: string, type: string, plugin: string): FieldDetails => ({
  id,
  key: id,
  name,
  untranslatedName: name,
  custom: true,
  orderable: true,
  navigable: true,
  searchable: true,
  clauseNames: [`cf[${id.split('_')[1]}]`, name],
  schema: { type, custom: plugin, customId: Number(id.split('_')[1]) },
});

/**
 * GET /field: the system fields, plus the custom fields that make story points
 * hard to find: the Jira Software "Story point estimate" at a site-specific id,
 * and a decoy classic "Story Points" number field.
 */
export function fieldList(storyPointsField: string, flavour: 'cloud' | 'datacenter'): FieldDetails[] {
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
  if (flavour === 'datacenter') {
    return [
      ...systemFields,
      custom(storyPointsField, 'Story Points', 'number', 'com.atlassian.jira.plugin.system.customfieldtypes:float'),
      custom(EPIC_LINK_FIELD, 'Epic Link', 'any', 'com.pyxis.greenhopper.jira:gh-epic-link'),
    ];
  }
  return [
    ...systemFields,
    custom(storyPointsField, 'Story point estimate', 'number', 'com.pyxis.greenhopper.jira:jsw-story-points'),
    custom(storyPointsField === 'customfield_10028' ? 'customfield_10038' : 'customfield_10028', 'Story Points', 'number', 'com.atlassian.jira.plugin.system.customfieldtypes:float'),
    custom(EPIC_LINK_FIELD, 'Epic Link', 'any', 'com.pyxis.greenhopper.jira:gh-epic-link'),
    custom(TEAM_FIELD, 'Team', 'team', 'com.atlassian.jira.plugin.system.customfieldtypes:atlassian-team'),
  ];
}
