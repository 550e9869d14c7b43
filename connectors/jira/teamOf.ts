import { fieldTexts } from './fieldTexts.ts';
import type { EpicFields } from './issueFields.ts';

/**
 * Which team an epic counts under: its project (default), a component, a
 * `team-<name>` label, or a field such as Atlassian Team. A field names the team
 * by its first text (fieldTexts): a user's display name, the first option of a
 * multi-select or the first user of a multi-user picker, "Parent / Child" for a
 * cascading select.
 */
export type TeamRule = { by: 'project' } | { by: 'component' } | { by: 'labelPrefix'; prefix: string } | { by: 'field'; field: string };

/** Falls back to the project when the rule finds nothing, so no epic is left without a team. */
export function teamOf(rule: TeamRule, fields: EpicFields, raw: Record<string, unknown>): string {
  const project = fields.project.key;
  switch (rule.by) {
    case 'project':
      return project;
    case 'component':
      return fields.components?.[0]?.name ?? project;
    case 'labelPrefix': {
      const label = fields.labels?.find((l) => l.toLowerCase().startsWith(rule.prefix.toLowerCase()) && l.length > rule.prefix.length);
      return label ? label.slice(rule.prefix.length) : project;
    }
    case 'field':
      return fieldTexts(raw[rule.field])[0] ?? project;
  }
}

/** Extra fields a rule needs from the search. */
export function teamFields(rule: TeamRule): string[] {
  return rule.by === 'field' ? [rule.field] : [];
}
