import { randomUUID } from 'node:crypto';
import { validation } from './errors.ts';
import { richTextResponse, type BlockRecord, type Workspace } from './model.ts';
import { parseRichText } from './richText.ts';

const APPEND_LIMIT = 100;
const TEXT_BLOCKS = new Set(['paragraph', 'heading_1', 'heading_2', 'heading_3', 'bulleted_list_item', 'numbered_list_item', 'callout', 'quote', 'toggle', 'code', 'to_do']);
const OTHER_BLOCKS = new Set(['divider', 'table', 'table_row', 'child_database', 'child_page']);

/** A block's type object from a request, with rich text checked and rendered as Notion would return it. */
function contentOf(type: string, raw: Record<string, unknown>, path: string): Record<string, unknown> {
  const content: Record<string, unknown> = { ...raw };
  delete content['children'];
  if (TEXT_BLOCKS.has(type)) {
    content['rich_text'] = richTextResponse(parseRichText(raw['rich_text'] ?? [], `${path}.rich_text`));
    if (type === 'callout') content['color'] ??= 'default';
  }
  if (type === 'table_row') {
    const cells = raw['cells'];
    if (!Array.isArray(cells)) throw validation(`${path}.cells should be an array.`);
    content['cells'] = cells.map((cell, i) => richTextResponse(parseRichText(cell, `${path}.cells[${i}]`)));
  }
  return content;
}

/**
 * Creates blocks from a request's `children` under a parent, recursively
 * (Notion allows two levels of nesting per request), and returns their ids.
 */
export function createBlocks(
  ws: Workspace,
  children: unknown,
  parent: { id: string; type: 'page_id' | 'block_id' },
  now: string,
  path = 'body.children',
  depth = 0,
): string[] {
  if (!Array.isArray(children)) throw validation(`${path} should be an array.`);
  if (children.length > APPEND_LIMIT) throw validation(`${path}.length should be ≤ \`${APPEND_LIMIT}\`, instead was \`${children.length}\`.`);
  if (depth > 2) throw validation(`${path}: a request can nest children at most two levels deep.`);
  return children.map((child: Record<string, unknown>, i) => {
    const type = (child['type'] as string | undefined) ?? Object.keys(child).find((k) => TEXT_BLOCKS.has(k) || OTHER_BLOCKS.has(k));
    if (!type || !(TEXT_BLOCKS.has(type) || OTHER_BLOCKS.has(type))) throw validation(`${path}[${i}] is not a supported block type.`);
    const raw = (child[type] ?? {}) as Record<string, unknown>;
    const block: BlockRecord = {
      id: randomUUID(),
      parentId: parent.id,
      parentType: parent.type,
      type,
      content: contentOf(type, raw, `${path}[${i}].${type}`),
      children: [],
      inTrash: false,
      createdTime: now,
      lastEditedTime: now,
    };
    ws.blocks.set(block.id, block);
    if (raw['children'] !== undefined) {
      block.children = createBlocks(ws, raw['children'], { id: block.id, type: 'block_id' }, now, `${path}[${i}].${type}.children`, depth + 1);
    }
    return block.id;
  });
}

export function renderBlock(block: BlockRecord): Record<string, unknown> {
  const user = { object: 'user', id: '00000000-0000-4000-8000-000000000001' };
  return {
    object: 'block',
    id: block.id,
    parent: block.parentType === 'page_id' ? { type: 'page_id', page_id: block.parentId } : { type: 'block_id', block_id: block.parentId },
    type: block.type,
    [block.type]: block.content,
    has_children: block.children.length > 0,
    in_trash: block.inTrash,
    archived: block.inTrash,
    created_time: block.createdTime,
    last_edited_time: block.lastEditedTime,
    created_by: user,
    last_edited_by: user,
  };
}

/** Updates a block's content in place (rich text and flags); children are not touched. */
export function updateBlock(block: BlockRecord, body: Record<string, unknown>, now: string): void {
  const raw = body[block.type];
  if (raw && typeof raw === 'object') block.content = { ...block.content, ...contentOf(block.type, raw as Record<string, unknown>, `body.${block.type}`) };
  if (typeof body['in_trash'] === 'boolean') block.inTrash = body['in_trash'];
  if (typeof body['archived'] === 'boolean') block.inTrash = body['archived'];
  block.lastEditedTime = now;
}
