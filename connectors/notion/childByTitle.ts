import type { BlockObjectResponse } from '@notionhq/client';
import type { ChildBlocks } from './parentPage.ts';

/** The id of the parent page's child database or page with this title; null when there is none. */
export type FindChild = (type: 'child_database' | 'child_page', title: string) => Promise<string | null>;

function titleOf(block: BlockObjectResponse): string | null {
  if (block.type === 'child_database') return block.child_database.title;
  if (block.type === 'child_page') return block.child_page.title;
  return null;
}

const notionUrl = (id: string) => `https://www.notion.so/${id.replace(/-/g, '')}`;
const named = (id: string) => `${id} (${notionUrl(id)})`;

/**
 * Finds the engine's databases and state page under the parent page by title.
 * Notion has no uniqueness, so two first runs started at once (two CronJobs, a
 * laptop and CI) each create their own. Then every run uses the oldest (by
 * creation time, then id: the same one on every machine) and warns, naming all
 * of them, the one in use first, so a person can move the others to the trash.
 */
export function childByTitle(children: ChildBlocks, warn: (message: string, ids: { inUse: string; others: string[] }) => void): FindChild {
  return async (type, title) => {
    const matches = (await children())
      .filter((block) => block.type === type && titleOf(block) === title)
      .sort((a, b) => a.created_time.localeCompare(b.created_time) || a.id.localeCompare(b.id));
    const [inUse, ...others] = matches;
    if (inUse && others.length > 0) {
      const kind = type === 'child_database' ? 'databases' : 'pages';
      warn(
        `${matches.length} ${kind} titled "${title}" under the parent page (two first runs at once?): using the oldest, ${named(inUse.id)}. Move ${others.map((o) => named(o.id)).join(', ')} to the trash once nothing of yours (a Work Type Override) is only there.`,
        { inUse: inUse.id, others: others.map((o) => o.id) },
      );
    }
    return inUse?.id ?? null;
  };
}
