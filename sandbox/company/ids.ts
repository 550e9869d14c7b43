import { createHash } from 'node:crypto';

/** A stable, dashed UUID derived from a name, so sandbox ids never change between runs. */
export function sandboxUuid(name: string): string {
  const hex = createHash('sha256').update(`backbone-sandbox:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
