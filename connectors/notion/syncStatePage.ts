import type { Client } from '@notionhq/client';
import { z } from 'zod';
import type { SyncState } from '#core/syncState.ts';
import type { SyncStateStore } from '#engine/ports.ts';
import type { FindChild } from './childByTitle.ts';

export const STATE_PAGE_TITLE = 'backbone-sync state';

const stateSchema = z.union([
  z.object({
    version: z.literal(2),
    heldCursorMs: z.number().nullable(),
    lastFullAt: z.string().nullable(),
    // States written before this field existed had no pending full run.
    fullPending: z.boolean().default(false),
    rulesHash: z.string(),
    // States written before views were kept in step: the next run makes them.
    presentationHash: z.string().default(''),
  }),
  // Version 1 kept the cursor itself, moved only after a run whose writes all succeeded. Held for one run,
  // it is where the first run after an upgrade continues from, so nothing a failed run left is skipped.
  z
    .object({ version: z.literal(1), cursorMs: z.number().nullable(), lastFullAt: z.string().nullable(), rulesHash: z.string() })
    .transform(({ cursorMs, lastFullAt, rulesHash }): SyncState => ({ version: 2, heldCursorMs: cursorMs, lastFullAt, fullPending: false, rulesHash, presentationHash: '' })),
]);

const note = 'Written by backbone-sync after each successful run; it tells the next run where to continue. Deleting this page makes the next run a full one.';

/**
 * The sync state as a small page under the parent page holding one JSON code
 * block. Reading costs one request (the page is found in the parent's children,
 * listed anyway); writing costs one. An unreadable state means a full run.
 */
export function syncStatePage(notion: Client, options: { parentPageId: string; findChild: FindChild; onInvalid: (why: string) => void }): SyncStateStore {
  let location: { pageId: string; codeBlockId: string | null; text: string } | null | undefined;

  const locate = async () => {
    if (location !== undefined) return location;
    const pageId = await options.findChild('child_page', STATE_PAGE_TITLE);
    if (!pageId) return (location = null);
    const blocks = await notion.blocks.children.list({ block_id: pageId });
    const code = blocks.results.find((b) => 'type' in b && b.type === 'code');
    const text = code && 'type' in code && code.type === 'code' ? code.code.rich_text.map((t) => t.plain_text).join('') : '';
    location = { pageId, codeBlockId: code?.id ?? null, text };
    return location;
  };

  return {
    async read() {
      const found = await locate();
      if (!found?.codeBlockId) return null;
      const { text } = found;
      try {
        return stateSchema.parse(JSON.parse(text)) satisfies SyncState;
      } catch {
        options.onInvalid(`the "${STATE_PAGE_TITLE}" page does not hold a valid state; running a full sync`);
        return null;
      }
    },
    async write(state) {
      const json = JSON.stringify(state);
      const found = await locate();
      const rich_text = [{ type: 'text' as const, text: { content: json } }];
      if (found?.codeBlockId) {
        await notion.blocks.update({ block_id: found.codeBlockId, code: { rich_text, language: 'json' } });
        return;
      }
      if (found) {
        await notion.blocks.children.append({ block_id: found.pageId, children: [{ type: 'code', code: { rich_text, language: 'json' } }] });
        return;
      }
      await notion.pages.create({
        parent: { type: 'page_id', page_id: options.parentPageId },
        properties: { title: { title: [{ type: 'text', text: { content: STATE_PAGE_TITLE } }] } },
        children: [
          { type: 'paragraph', paragraph: { rich_text: [{ type: 'text', text: { content: note } }] } },
          { type: 'code', code: { rich_text, language: 'json' } },
        ],
      });
    },
  };
}
