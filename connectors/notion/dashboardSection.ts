import { collectPaginatedAPI, isFullBlock, type BlockObjectRequest, type BlockObjectResponse, type Client } from '@notionhq/client';
import type { DocBlock, DocLine } from '#core/dashboardDoc.ts';
import { TEXT_LIMIT } from './propertyValues.ts';

/** The engine's section is one callout with this title; everything else on the page is someone else's. */
export const SECTION_MARKER = 'Portfolio balance · maintained by backbone-sync';
const TITLE = [{ text: SECTION_MARKER }];
/** Past this many changed blocks, dropping the callout and appending it again (two writes) is cheaper than updating each. */
const MAX_IN_PLACE_WRITES = 2;

/**
 * Lines as rich text: a run of lines of one style is one item (lines end in
 * "\n"), split at Notion's 2,000 characters per item, so a long paragraph is
 * split, never cut.
 */
function richText(lines: readonly DocLine[]) {
  const runs: { text: string; bold: boolean }[] = [];
  lines.forEach((line, i) => {
    const text = i < lines.length - 1 ? `${line.text}\n` : line.text;
    const last = runs.at(-1);
    if (last && last.bold === Boolean(line.bold)) last.text += text;
    else runs.push({ text, bold: Boolean(line.bold) });
  });
  return runs.flatMap(({ text, bold }) =>
    Array.from({ length: Math.max(1, Math.ceil(text.length / TEXT_LIMIT)) }, (_, i) => ({
      type: 'text' as const,
      text: { content: text.slice(i * TEXT_LIMIT, (i + 1) * TEXT_LIMIT) },
      ...(bold ? { annotations: { bold: true } } : {}),
    })),
  );
}

const NOTION_TYPE = { heading: 'heading_3', paragraph: 'paragraph' } as const;
const linesOf = (block: DocBlock): readonly DocLine[] => (block.type === 'heading' ? [{ text: block.text }] : block.lines);
/** What a block of the doc shows as plain text: what it is compared by. */
const textOf = (block: DocBlock) => linesOf(block).map((l) => l.text).join('\n');

function toBlock(block: DocBlock): BlockObjectRequest {
  return block.type === 'heading'
    ? { type: 'heading_3', heading_3: { rich_text: richText(linesOf(block)) } }
    : { type: 'paragraph', paragraph: { rich_text: richText(block.lines) } };
}

/** The text a block shows: what the section is compared by, so a change in what it shows, and nothing else, rewrites it. */
function shownText(block: BlockObjectResponse): string | null {
  if (block.type === 'heading_3') return block.heading_3.rich_text.map((t) => t.plain_text).join('');
  if (block.type === 'paragraph') return block.paragraph.rich_text.map((t) => t.plain_text).join('');
  if (block.type === 'callout') return block.callout.rich_text.map((t) => t.plain_text).join('');
  return null;
}

export interface SectionResult {
  written: boolean;
  created: boolean;
}

/** Updates of single blocks that turn the section into `doc`; null when its blocks are not the doc's kinds in the doc's order. */
function inPlaceUpdates(notion: Client, section: BlockObjectResponse, inside: readonly BlockObjectResponse[], doc: readonly DocBlock[]): (() => Promise<unknown>)[] | null {
  if (inside.length !== doc.length || inside.some((b, i) => b.type !== NOTION_TYPE[doc[i]!.type])) return null;
  const updates: (() => Promise<unknown>)[] = [];
  if (shownText(section) !== SECTION_MARKER) updates.push(() => notion.blocks.update({ block_id: section.id, callout: { rich_text: richText(TITLE) } }));
  doc.forEach((block, i) => {
    const current = inside[i]!;
    if (shownText(current) === textOf(block)) return;
    const rich_text = richText(linesOf(block));
    updates.push(() =>
      block.type === 'heading'
        ? notion.blocks.update({ block_id: current.id, heading_3: { rich_text } })
        : notion.blocks.update({ block_id: current.id, paragraph: { rich_text } }),
    );
  });
  return updates;
}

/**
 * Puts the dashboard section on the page. It is compared with what the page
 * shows, text by text, so a run whose numbers round to what is there writes
 * nothing (no fingerprint to keep anywhere). When a few blocks changed, only
 * those are updated; when many did, or the section's shape changed, the
 * callout is replaced where it was (two writes, whatever its size). Created at
 * the end of the page the first time. Blocks outside the callout are never touched.
 */
export async function writeDashboardSection(notion: Client, pageId: string, doc: readonly DocBlock[]): Promise<SectionResult> {
  const children = (await collectPaginatedAPI(notion.blocks.children.list, { block_id: pageId })).filter(isFullBlock);
  const section = children.find((b) => b.type === 'callout' && shownText(b)!.startsWith(SECTION_MARKER));
  const content = doc.map(toBlock);
  const callout = { type: 'callout' as const, callout: { rich_text: richText(TITLE), icon: { type: 'emoji' as const, emoji: '📊' as const }, color: 'gray_background' as const, children: content as never } };
  if (!section) {
    await notion.blocks.children.append({ block_id: pageId, children: [callout] });
    return { written: true, created: true };
  }
  const inside = (await collectPaginatedAPI(notion.blocks.children.list, { block_id: section.id })).filter(isFullBlock);
  const updates = inPlaceUpdates(notion, section, inside, doc);
  if (updates && updates.length === 0) return { written: false, created: false };
  if (updates && updates.length <= MAX_IN_PLACE_WRITES) {
    for (const update of updates) await update();
    return { written: true, created: false };
  }
  const before = children[children.indexOf(section) - 1];
  if (before) {
    await notion.blocks.delete({ block_id: section.id });
    await notion.blocks.children.append({ block_id: pageId, children: [callout], after: before.id } as never);
    return { written: true, created: false };
  }
  // The section is the page's first block, where `after` cannot reach: replace what is inside it.
  for (const block of inside) await notion.blocks.delete({ block_id: block.id });
  await notion.blocks.children.append({ block_id: section.id, children: content });
  await notion.blocks.update({ block_id: section.id, callout: { rich_text: richText(TITLE) } });
  return { written: true, created: false };
}
