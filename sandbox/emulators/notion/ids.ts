import { validation } from './errors.ts';

const HEX32 = /^[0-9a-f]{32}$/i;
const DASHED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Notion accepts ids with or without dashes and answers with dashes. */
export function normaliseId(raw: string, path = 'path.id'): string {
  const id = decodeURIComponent(raw);
  if (DASHED.test(id)) return id.toLowerCase();
  if (HEX32.test(id)) {
    const h = id.toLowerCase();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  throw validation(`${path} should be a valid uuid, instead was \`"${id}"\`.`);
}

export const compact = (id: string) => id.replaceAll('-', '');
