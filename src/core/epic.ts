/**
 * An epic as the domain core sees it: already pulled from Jira and normalised,
 * whatever the deployment (Cloud or Data Center) or field ids.
 */
import type { TimeSpan } from './history/timeSpans.ts';

export type StatusCategory = 'new' | 'indeterminate' | 'done';

export interface Epic {
  /** Jira's immutable issue id: the key every Notion row is matched by. */
  id: string;
  /** The issue key (PAY-12). Display only: it changes when an epic moves project. */
  key: string;
  summary: string;
  url: string;
  projectKey: string;
  /** The team the epic counts under (by default its Jira project). */
  team: string;
  status: string;
  statusCategory: StatusCategory;
  /** Jira's issue type name (not our work type). */
  issueType: string;
  labels: readonly string[];
  components: readonly string[];
  /**
   * The Jira fields that classification rules name (by field id), each as the
   * texts its value matches by: one for a text or an option; a user's display
   * name and email; every option of a multi-select or user of a multi-user
   * picker; "Parent / Child" and "Parent" for a cascading select. Empty when
   * the field is empty.
   */
  fields: Readonly<Record<string, readonly string[]>>;
  /** Effort in story points; null when the epic has no estimate. */
  storyPoints: number | null;
  /** Notion page ids (dashed uuid) linked from the epic's description. */
  notionLinks: readonly string[];
  /** ISO-8601 timestamps. */
  created: string;
  updated: string;
  resolved: string | null;
  /** When it was in an In-Progress-category status, from its changelog; absent when the changelog was not read. */
  inProgress?: readonly TimeSpan[] | undefined;
}
