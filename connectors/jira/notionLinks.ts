import { parseNotionId } from '#core/notionId.ts';

/**
 * A URL in free text or wiki markup. It ends at whitespace, a quote or an angle
 * bracket, and at wiki markup's delimiters: `|` (between a link's text and its
 * URL, after the URL of a smart link `[url|url|smart-link]`, around table cells)
 * and `[ ] { }`. Which URLs are Notion's is parseNotionId's decision alone.
 */
const URL_IN_TEXT = /(?:https?|notion):\/\/[^\s"'<>|[\]{}]+/gi;
/** Punctuation closing a sentence or markup after a URL ("see https://…/Page-<id>.") is not part of it. */
const TRAILING_PUNCTUATION = /[.,;:!?)*_~]+$/;

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

/**
 * Notion page ids linked from a description, in order of first mention. Cloud's
 * ADF documents are walked whole, so text, link marks (`attrs.href`) and smart
 * links (inlineCard, blockCard, embedCard `attrs.url`) all count; Data Center's
 * wiki markup is a string and is read the same way.
 */
export function notionLinksIn(description: unknown): string[] {
  const strings: string[] = [];
  collectStrings(description, strings);
  const ids = new Set<string>();
  for (const text of strings) {
    for (const match of text.matchAll(URL_IN_TEXT)) {
      const id = parseNotionId(match[0].replace(TRAILING_PUNCTUATION, ''));
      if (id) ids.add(id);
    }
  }
  return [...ids];
}
