/**
 * The texts a Jira field's value is matched by, in order; the first is the one
 * shown where a field names something (the team, for team-by-field). Rules
 * name what people see in Jira, so ids (option ids, account ids) never match.
 *
 * - text, number, true/false: itself
 * - a user: display name, then email, then (Data Center only) username.
 *   Cloud users have `{accountId, displayName, emailAddress}` and no usable `name`.
 * - a select option `{value, id}`: its value
 * - a cascading select `{value, child: {value}}`: "Parent / Child", then "Parent" alone
 * - an Atlassian team, component, version or group: its name (or title)
 * - a list (multi-select, multi-user picker, labels): every element's texts, in order
 */
export function fieldTexts(value: unknown): string[] {
  return [...new Set(textsOf(value))];
}

function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return nonEmpty(value);
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (!value || typeof value !== 'object') return [];
  const v = value as { displayName?: unknown; emailAddress?: unknown; name?: unknown; value?: unknown; title?: unknown; child?: { value?: unknown } | null };
  if (typeof v.displayName === 'string') return nonEmpty(v.displayName, v.emailAddress, v.name);
  const [own] = nonEmpty(v.value, v.name, v.title);
  if (own === undefined) return [];
  const [child] = nonEmpty(v.child?.value);
  return child === undefined ? [own] : [`${own} / ${child}`, own];
}

/** The candidates that are non-blank strings, trimmed. */
function nonEmpty(...candidates: unknown[]): string[] {
  return candidates.filter((c): c is string => typeof c === 'string' && c.trim() !== '').map((c) => c.trim());
}
