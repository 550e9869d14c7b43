import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The shipped mappings with field rules added to some work types, in a fresh folder; returns the folder. */
export function mappingsWithFieldRules(rules: Record<string, { field: string; equals: string }[]>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mappings-'));
  const shipped = JSON.parse(readFileSync(resolve('mappings/work-types.json'), 'utf8')) as { workTypes: { id: string; fields?: unknown }[] };
  for (const t of shipped.workTypes) if (rules[t.id]) t.fields = rules[t.id];
  writeFileSync(join(dir, 'work-types.json'), JSON.stringify(shipped));
  return dir;
}
