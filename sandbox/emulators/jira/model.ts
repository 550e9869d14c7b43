/** The emulated Jira site's records; rendered into Jira's response shapes per request. */
export type CategoryKey = 'new' | 'indeterminate' | 'done';

export interface JiraProject {
  id: string;
  key: string;
  name: string;
  /** Team-managed ("next-gen") projects. */
  simplified: boolean;
}

export interface JiraIssueType {
  id: string;
  name: string;
  hierarchyLevel: number;
  /** Team-managed projects have their own issue types. */
  projectId?: string;
}

export interface JiraIssue {
  id: string;
  key: string;
  projectKey: string;
  typeId: string;
  summary: string;
  labels: string[];
  status: { name: string; category: CategoryKey };
  components: string[];
  /** Key of the parent (an epic's children point at it). */
  parentKey: string | null;
  created: number;
  updated: number;
  resolved: number | null;
  /** ADF document; Data Center renders it as wiki markup. */
  description: unknown;
  storyPoints: number | null;
  originalEstimateSeconds: number | null;
  team: { id: string; name: string } | null;
  /**
   * Values of the site's other custom fields, by field id: account ids for user
   * pickers, option values for selects, [parent, child] for a cascading select.
   */
  custom?: Record<string, readonly string[]>;
  /** What changed, oldest first; it ends in the issue's current values. */
  changelog?: JiraHistory[];
}

/** One item of a history: a field's value before and after, as ids (`from`, `to`) and as text. Its name is the site's, at render time. */
export interface JiraChangeItem {
  fieldId: string;
  fieldtype: 'jira' | 'custom';
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

/** Changes one person made at one moment. */
export interface JiraHistory {
  id: string;
  created: number;
  authorAccountId: string;
  items: JiraChangeItem[];
}

/** A workflow status: its id is what changelogs name in `from` and `to`. */
export interface JiraStatusDef {
  id: string;
  name: string;
  category: CategoryKey;
}

/** Someone with a Jira account; user-picker fields name them. */
export interface JiraPerson {
  accountId: string;
  displayName: string;
  email: string;
  /** Data Center's login name; Cloud has none. */
  username: string;
}

/** The kinds of custom field whose values real sites return as objects or lists, not text. */
export type CustomFieldKind = 'userpicker' | 'multiuserpicker' | 'select' | 'multiselect' | 'cascadingselect';

export interface JiraCustomField {
  id: string;
  name: string;
  kind: CustomFieldKind;
}

export interface JiraSite {
  projects: JiraProject[];
  issueTypes: JiraIssueType[];
  issues: JiraIssue[];
  /** Story point field id on this site: customfield_10016 is common, never guaranteed. */
  storyPointsField: string;
  /** Jira Software's Epic Link field id on this site (Data Center children name their epic in it); null where the site has none. */
  epicLinkField: string | null;
  customFields: JiraCustomField[];
  people: JiraPerson[];
}

export const CATEGORY_NAMES: Record<CategoryKey, string> = { new: 'To Do', indeterminate: 'In Progress', done: 'Done' };
