import type { TableOutcome } from '#engine/runSync.ts';

const LIMIT = 200;

/**
 * What a dry run would write, row by row: creates, updates with the properties
 * that would change, archives with why. Long plans are cut at 200 lines per
 * table with a count of the rest.
 */
export function formatPlan(tables: readonly TableOutcome[], label: (key: string) => string): string {
  const lines: string[] = [];
  for (const { table, spec, plan } of tables) {
    const rows = [
      ...plan.creates.map((r) => `  create   ${label(r.key)}`),
      ...plan.updates.map((u) => {
        const name = (id: string) => spec.columns[id]?.name ?? id;
        const columns = [...Object.keys(u.changed).map(name), ...Object.keys(u.carried ?? {}).map((id) => `${name(id)} (from the duplicate archived)`)];
        return `  update   ${label(u.key)}: ${columns.join(', ')}`;
      }),
      ...plan.archives.map((a) => `  archive  ${a.key ? label(a.key) : `page ${a.pageId}`} (${a.reason === 'gone' ? 'no longer in Jira or in scope' : 'duplicate row'})`),
    ];
    lines.push(`${table}: ${plan.creates.length} to create, ${plan.updates.length} to update, ${plan.archives.length} to archive, ${plan.unchanged} unchanged`);
    lines.push(...rows.slice(0, LIMIT));
    if (rows.length > LIMIT) lines.push(`  … and ${rows.length - LIMIT} more`);
  }
  return `${lines.join('\n')}\n`;
}
