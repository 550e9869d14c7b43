/** A custom field's value as text: a string, or the name / title / value of an option, team or user object. */
export function fieldText(value: unknown): string | null {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value && typeof value === 'object') {
    const v = value as { name?: unknown; title?: unknown; value?: unknown };
    for (const candidate of [v.name, v.title, v.value]) if (typeof candidate === 'string' && candidate.trim()) return candidate.trim();
  }
  return null;
}
