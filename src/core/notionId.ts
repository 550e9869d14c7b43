/**
 * Notion ids arrive in every form users paste: 32 hex digits, a dashed uuid, or
 * a notion.so / notion.site URL whose last 32 hex digits are the id. All become
 * the dashed form the API returns, so ids compare equal whatever their origin.
 */
const HEX32 = /^[0-9a-f]{32}$/i;
const DASHED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const URL_ID = /([0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[?#/].*)?$/i;
const NOTION_HOST = /(^|\.)notion\.(so|site)$/i;

function dashed(hex32: string): string {
  const h = hex32.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The dashed id in `value`, or null when it is not a Notion id or Notion URL. */
export function parseNotionId(value: string): string | null {
  const text = value.trim();
  if (HEX32.test(text)) return dashed(text);
  if (DASHED.test(text)) return text.toLowerCase();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (!NOTION_HOST.test(url.hostname)) return null;
  // A database URL may carry ?v=<view id>; the path names the object, not the query.
  const match = URL_ID.exec(url.pathname);
  return match?.[1] ? dashed(match[1].replaceAll('-', '')) : null;
}
