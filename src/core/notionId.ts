/**
 * Notion ids arrive in every form users paste: 32 hex digits, a dashed uuid, or
 * a Notion URL. All become the dashed form the API returns, so ids compare
 * equal whatever their origin.
 *
 * URLs: https on notion.so (any workspace path), <workspace>.notion.site and
 * app.notion.com/p/ (the form the API returns in page `url`s since 2026), and
 * the desktop app's notion:// links. The object is the one a click opens: the
 * page in `p=` when there is one (a side peek over a database view, a
 * /share?p= link), else the id ending the last path segment. `?v=` views,
 * `#` block anchors and the title before the id do not change it.
 */
const HEX32 = /^[0-9a-f]{32}$/i;
const DASHED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** "Title-<id>" or "<id>": the id is the segment's end, not the tail of a longer run of hex digits. */
const ID_ENDING_SEGMENT = /(?:^|[^0-9a-f])([0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
/** Exactly these registrable domains, so notion.so.evil.com or evilnotion.so never match. */
const NOTION_HOST = /(^|\.)notion\.(so|site|com)$/i;
const SCHEMES = new Set(['https:', 'http:', 'notion:']);

function dashed(hex32: string): string {
  const h = hex32.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A bare id (32 hex digits or a dashed uuid) in dashed form, else null. */
function bareId(text: string): string | null {
  if (HEX32.test(text)) return dashed(text);
  if (DASHED.test(text)) return text.toLowerCase();
  return null;
}

/** The dashed id in `value`, or null when it is not a Notion id or Notion URL. */
export function parseNotionId(value: string): string | null {
  const text = value.trim();
  const bare = bareId(text);
  if (bare) return bare;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (!SCHEMES.has(url.protocol) || !NOTION_HOST.test(url.hostname)) return null;
  const peeked = url.searchParams.get('p');
  if (peeked !== null) return bareId(peeked);
  const segment = url.pathname.split('/').filter(Boolean).at(-1) ?? '';
  const match = ID_ENDING_SEGMENT.exec(segment);
  return match?.[1] ? dashed(match[1].replaceAll('-', '')) : null;
}
