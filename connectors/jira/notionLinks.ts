import { parseNotionId } from '#core/notionId.ts';

/**
 * Notion page ids mentioned anywhere in an ADF description: in plain text, in
 * link marks and in inline or block cards. Any notion.so / notion.site URL form.
 */
const NOTION_URL = /https?:\/\/(?:[\w-]+\.)*notion\.(?:so|site)\/[^\s"'<>)\]]+/gi;

function collectStrings(node: unknown, out: string[]): void {
  if (typeof node === 'string') {
    out.push(node);
    return;
  }
  if (Array.isArray(node)) {
    for (const child of node) collectStrings(child, out);
    return;
  }
  if (node && typeof node === 'object') {
    for (const value of Object.values(node)) collectStrings(value, out);
  }
}

/** Works on ADF documents (Cloud) and on plain or wiki-markup strings (Data Center). */
export function notionLinksIn(description: unknown): string[] {
  const strings: string[] = [];
  collectStrings(description, strings);
  const ids = new Set<string>();
  for (const text of strings) {
    for (const match of text.matchAll(NOTION_URL)) {
      const id = parseNotionId(match[0]);
      if (id) ids.add(id);
    }
  }
  return [...ids];
}
