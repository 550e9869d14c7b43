import { validation } from './errors.ts';
import type { RichTextItem } from './model.ts';

const TEXT_LIMIT = 2000;
const ITEMS_LIMIT = 100;

/** Rich text from a request, checked against Notion's limits (2,000 characters per item, 100 items). */
export function parseRichText(value: unknown, path: string): RichTextItem[] {
  if (!Array.isArray(value)) throw validation(`${path} should be an array, instead was \`${JSON.stringify(value)}\`.`);
  if (value.length > ITEMS_LIMIT) throw validation(`${path}.length should be ≤ \`${ITEMS_LIMIT}\`, instead was \`${value.length}\`.`);
  return value.map((item: unknown, i) => {
    const text = (item as { text?: { content?: unknown; link?: { url?: string } | null } }).text;
    if (!text || typeof text.content !== 'string') throw validation(`${path}[${i}].text should be defined, instead was \`undefined\`.`);
    if (text.content.length > TEXT_LIMIT) {
      throw validation(`${path}[${i}].text.content.length should be ≤ \`${TEXT_LIMIT}\`, instead was \`${text.content.length}\`.`);
    }
    return { plain_text: text.content, href: text.link?.url ?? null };
  });
}
