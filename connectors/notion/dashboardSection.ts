import { collectPaginatedAPI, isFullBlock, type BlockObjectRequest, type Client } from '@notionhq/client';
import type { DocBlock } from '#core/dashboardDoc.ts';
import { truncateText } from './propertyValues.ts';

/** The engine's section is one callout whose text starts with this; everything else on the page is someone else's. */
export const SECTION_MARKER = 'Portfolio balance · maintained by backbone-sync';
const MAX_TABLE_ROWS = 99;

const text = (content: string) => [{ type: 'text' as const, text: { content: truncateText(content) } }];

function toBlocks(doc: readonly DocBlock[]): BlockObjectRequest[] {
  return doc.map((block): BlockObjectRequest => {
    switch (block.type) {
      case 'heading':
        return { type: 'heading_3', heading_3: { rich_text: text(block.text) } };
      case 'paragraph':
        return { type: 'paragraph', paragraph: { rich_text: text(block.text) } };
      case 'table': {
        const rows = [block.header, ...block.rows.slice(0, MAX_TABLE_ROWS)];
        return {
          type: 'table',
          table: {
            table_width: block.header.length,
            has_column_header: true,
            has_row_header: true,
            children: rows.map((cells) => ({ type: 'table_row' as const, table_row: { cells: cells.map((c) => text(c)) } })),
          },
        };
      }
    }
  });
}

export interface SectionResult {
  written: boolean;
  created: boolean;
}

/**
 * Puts the dashboard section on the page: replaced in place when its content
 * changed, left alone when not (the fingerprint is in the callout's own text, so
 * no other state is needed), created at the end of the page the first time.
 * Blocks outside the callout are never touched.
 */
export async function writeDashboardSection(notion: Client, pageId: string, doc: readonly DocBlock[], fingerprint: string): Promise<SectionResult> {
  const marker = `${SECTION_MARKER} · ${fingerprint}`;
  const children = (await collectPaginatedAPI(notion.blocks.children.list, { block_id: pageId })).filter(isFullBlock);
  const section = children.find((b) => b.type === 'callout' && b.callout.rich_text.map((t) => t.plain_text).join('').startsWith(SECTION_MARKER));
  const content = toBlocks(doc);
  // Tables carry their rows as children: two levels below the page, which one append allows.
  const callout = { type: 'callout' as const, callout: { rich_text: text(marker), icon: { type: 'emoji' as const, emoji: '📊' as const }, color: 'gray_background' as const, children: content as never } };
  if (!section) {
    await notion.blocks.children.append({ block_id: pageId, children: [callout] });
    return { written: true, created: true };
  }
  if (section.type === 'callout' && section.callout.rich_text.map((t) => t.plain_text).join('') === marker) {
    return { written: false, created: false };
  }
  const before = children[children.indexOf(section) - 1];
  if (before) {
    // Two writes whatever the section's size: drop the old callout, put the new one where it was.
    await notion.blocks.delete({ block_id: section.id });
    await notion.blocks.children.append({ block_id: pageId, children: [callout], after: before.id } as never);
    return { written: true, created: false };
  }
  // The section is the page's first block, where `after` cannot reach: replace what is inside it.
  const old = await collectPaginatedAPI(notion.blocks.children.list, { block_id: section.id });
  for (const block of old) await notion.blocks.delete({ block_id: block.id });
  await notion.blocks.children.append({ block_id: section.id, children: content });
  await notion.blocks.update({ block_id: section.id, callout: { rich_text: text(marker) } });
  return { written: true, created: false };
}
