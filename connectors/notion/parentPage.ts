import { collectPaginatedAPI, isFullBlock, type BlockObjectResponse, type Client } from '@notionhq/client';

export type ChildBlocks = () => Promise<BlockObjectResponse[]>;

/**
 * The parent page's children, listed once per run and shared: the engine finds
 * its databases and its state page there by title, so no local state is needed.
 */
export function parentChildren(notion: Client, parentPageId: string): ChildBlocks {
  let listing: Promise<BlockObjectResponse[]> | undefined;
  return () =>
    (listing ??= collectPaginatedAPI(notion.blocks.children.list, { block_id: parentPageId }).then((blocks) =>
      blocks.filter(isFullBlock).filter((b) => !b.in_trash),
    ));
}
