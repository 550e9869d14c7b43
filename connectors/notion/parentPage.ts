import { APIResponseError, collectPaginatedAPI, isFullBlock, type BlockObjectResponse, type Client } from '@notionhq/client';
import { BackboneError } from '#core/errors.ts';

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

/** Notion's answer when a database id is used where a page is expected. */
const IS_A_DATABASE = /is a database, not a page/i;

/**
 * The parent page must be a page: a database id passes a listing of its
 * children (it has none) but cannot hold the engine's databases, so creating
 * them would fail as if the page were not shared. Checked only when a database
 * must be created, so dry runs fail the same way and other runs pay nothing.
 */
export async function checkParentIsPage(notion: Client, parentPageId: string): Promise<void> {
  try {
    await notion.pages.retrieve({ page_id: parentPageId });
  } catch (error) {
    if (!APIResponseError.isAPIResponseError(error) || !IS_A_DATABASE.test(error.message)) throw error;
    throw new BackboneError(
      'config',
      'notion-parent-is-database',
      `notion.parentPage ${parentPageId} is a database, not a page: backbone-sync creates its Epics and Portfolio Balance databases and its state page under a page. Give the page that database sits in (the page before it in Notion's breadcrumb), or any page shared with the integration.`,
      { cause: error },
    );
  }
}
