/**
 * A Jira timestamp as epoch ms. Jira writes the account's offset without a
 * colon ("2026-11-20T10:15:30.123+0100"), which not every date parser takes;
 * jira.js already hands some back as Date objects.
 */
export function jiraTimeMs(value: string | Date | null | undefined): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (!value) return null;
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? null : ms;
}
