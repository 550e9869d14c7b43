/**
 * The emulated workspace's records. Values are kept in Notion's request shapes
 * (already validated), and rendered into response shapes on the way out.
 */
export interface RichTextItem {
  plain_text: string;
  href: string | null;
}

export interface PropertySchema {
  id: string;
  name: string;
  type: string;
  /** The type's configuration as Notion returns it (options for selects, data_source_id for relations). */
  config: Record<string, unknown>;
}

export interface DatabaseRecord {
  id: string;
  title: string;
  parentPageId: string;
  dataSourceIds: string[];
  inTrash: boolean;
  createdTime: string;
  lastEditedTime: string;
}

export interface DataSourceRecord {
  id: string;
  databaseId: string;
  name: string;
  properties: Record<string, PropertySchema>;
  createdTime: string;
  lastEditedTime: string;
}

export type PageParent =
  | { type: 'data_source_id'; data_source_id: string; database_id: string }
  | { type: 'page_id'; page_id: string }
  | { type: 'workspace'; workspace: true };

export type StoredValue =
  | { type: 'title' | 'rich_text'; items: RichTextItem[] }
  | { type: 'number'; value: number | null }
  | { type: 'select'; value: string | null }
  | { type: 'multi_select'; value: string[] }
  | { type: 'url'; value: string | null }
  | { type: 'checkbox'; value: boolean }
  | { type: 'date'; value: { start: string; end: string | null } | null }
  | { type: 'relation'; value: string[] };

export interface PageRecord {
  id: string;
  parent: PageParent;
  /** By property name; for pages under a page, only `title`. */
  values: Record<string, StoredValue>;
  createdTime: string;
  lastEditedTime: string;
  inTrash: boolean;
}

export interface BlockRecord {
  id: string;
  /** The page or block this block sits in. */
  parentId: string;
  parentType: 'page_id' | 'block_id';
  type: string;
  /** The block's type object as Notion returns it (rich_text rendered, no children). */
  content: Record<string, unknown>;
  children: string[];
  inTrash: boolean;
  createdTime: string;
  lastEditedTime: string;
}

export interface ViewRecord {
  id: string;
  databaseId: string;
  dataSourceId: string;
  name: string;
  type: string;
  configuration: unknown;
  /** Kept as given, and returned, so tests can check what a view shows. */
  filter: unknown;
  sorts: unknown;
}

export interface Workspace {
  databases: Map<string, DatabaseRecord>;
  dataSources: Map<string, DataSourceRecord>;
  pages: Map<string, PageRecord>;
  blocks: Map<string, BlockRecord>;
  views: Map<string, ViewRecord>;
  /** Child block ids of each page, in order. */
  pageChildren: Map<string, string[]>;
  /** Objects the integration cannot see (not shared): answered with 404. */
  unshared: Set<string>;
}

export function emptyWorkspace(): Workspace {
  return {
    databases: new Map(),
    dataSources: new Map(),
    pages: new Map(),
    blocks: new Map(),
    views: new Map(),
    pageChildren: new Map(),
    unshared: new Set(),
  };
}

export function richTextResponse(items: readonly RichTextItem[]) {
  return items.map((item) => ({
    type: 'text' as const,
    text: { content: item.plain_text, link: item.href ? { url: item.href } : null },
    annotations: { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: 'default' as const },
    plain_text: item.plain_text,
    href: item.href,
  }));
}
