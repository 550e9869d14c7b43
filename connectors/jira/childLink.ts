import { BackboneError } from '#core/errors.ts';
import type { JiraField } from './jiraApi.ts';

/** How a child issue names its epic: the field that holds the epic's key, and the JQL clause that searches it. */
export interface ChildLink {
  field: string;
  clause: string;
}

/** Cloud: children in company- and team-managed projects point at their epic through `parent` (Epic Link is deprecated there). */
const PARENT: ChildLink = { field: 'parent', clause: 'parent' };

const GH_EPIC_LINK = 'com.pyxis.greenhopper.jira:gh-epic-link';

/**
 * Data Center's Epic Link: Jira Software's custom field type, at an id that
 * differs between sites (customfield_10014 on some, _10841 or _10990 on
 * others). It is searched by its `cf[<n>]` clause, which, unlike the field's
 * name, is never translated.
 */
export function epicLinkFieldIn(fields: readonly JiraField[]): ChildLink | null {
  const epicLink = fields.find((f) => f.schema?.custom === GH_EPIC_LINK);
  if (!epicLink?.id) return null;
  const clause = epicLink.clauseNames?.find((c) => /^cf\[\d+\]$/.test(c)) ?? `cf[${epicLink.id.replace(/^customfield_/, '')}]`;
  return { field: epicLink.id, clause };
}

/** The child link a site uses; a Data Center site without Epic Link cannot count children, which is said, not skipped. */
export function childLinkOn(deployment: 'cloud' | 'datacenter', fields: readonly JiraField[], host: string): ChildLink {
  if (deployment === 'cloud') return PARENT;
  const epicLink = epicLinkFieldIn(fields);
  if (epicLink) return epicLink;
  throw new BackboneError(
    'config',
    'jira-no-epic-link',
    `jira.effortFallback is "childCount", but Jira at ${host} lists no Epic Link field (custom type ${GH_EPIC_LINK}) in /rest/api/2/field, so child issues cannot be counted. ` +
      'Set jira.effortFallback to {"kind": "originalEstimate", "hoursPerPoint": 6} or {"kind": "none"}, or ask a Jira admin to make the Epic Link field visible to this account.',
  );
}
