import { randomUUID } from 'node:crypto';
import type { Emulator } from '../emulator.ts';
import { createBlocks, renderBlock, updateBlock } from './blocks.ts';
import { errorResponse, NotionApiError, notFound, validation } from './errors.ts';
import { normaliseId } from './ids.ts';
import {
  emptyWorkspace,
  type BlockRecord,
  type DatabaseRecord,
  type DataSourceRecord,
  type PageRecord,
  type StoredValue,
  type Workspace,
} from './model.ts';
import { parseProperties, parseSchema, renderValue } from './properties.ts';
import { decodeCursor, encodeCursor, matches, sortPages } from './query.ts';
import { renderDatabase, renderDataSource, renderPage } from './render.ts';
import { parseRichText } from './richText.ts';

export interface NotionEmulatorOptions {
  /** Bearer tokens the emulated integration accepts. */
  tokens: readonly string[];
  /** The clock; created times are truncated to the minute, as Notion does. */
  now?: () => Date;
}

type Body = Record<string, unknown>;
type Handler = (params: string[], body: Body, url: URL) => unknown;

const PAGE_SIZE_LIMIT = 100;
const DEFAULT_QUERY_RESULT_LIMIT = 10_000;

const minute = (date: Date) => new Date(Math.floor(date.getTime() / 60_000) * 60_000).toISOString();
const list = (results: unknown[], next: string | null, type: string) => ({ object: 'list', results, next_cursor: next, has_more: next !== null, type, [type]: {} });

/**
 * The Notion API (version 2025-09-03) as the engine uses it, in memory:
 * databases with data sources, rows, blocks, views, Notion's limits and
 * validation errors, and its 10,000-row query cap. The real SDK runs against it
 * unchanged, through msw in tests and over HTTP in the demo and benchmarks.
 */
export class NotionEmulator implements Emulator {
  readonly #tokens: Set<string>;
  readonly #now: () => Date;
  #ws: Workspace;
  #queryResultLimit = DEFAULT_QUERY_RESULT_LIMIT;
  /** Every request, for tests and benchmarks that count calls and writes. */
  readonly requestLog: { method: string; path: string; body: Body }[] = [];
  readonly #routes: [string, RegExp, Handler][];

  constructor(options: NotionEmulatorOptions, workspace: Workspace = emptyWorkspace()) {
    this.#tokens = new Set(options.tokens);
    this.#now = options.now ?? (() => new Date());
    this.#ws = workspace;
    const id = '([^/]+)';
    this.#routes = [
      ['GET', new RegExp(`^/v1/databases/${id}$`), ([d]) => renderDatabase(this.#ws, this.#database(d!))],
      ['POST', /^\/v1\/databases$/, (_, body) => this.#createDatabase(body)],
      ['GET', new RegExp(`^/v1/data_sources/${id}$`), ([d]) => renderDataSource(this.#ws, this.#dataSource(d!))],
      ['PATCH', new RegExp(`^/v1/data_sources/${id}$`), ([d], body) => this.#updateDataSource(d!, body)],
      ['POST', new RegExp(`^/v1/data_sources/${id}/query$`), ([d], body) => this.#query(d!, body)],
      ['POST', /^\/v1\/pages$/, (_, body) => this.#createPage(body)],
      ['GET', new RegExp(`^/v1/pages/${id}$`), ([p]) => renderPage(this.#ws, this.#retrievablePage(p!))],
      ['PATCH', new RegExp(`^/v1/pages/${id}$`), ([p], body) => this.#updatePage(p!, body)],
      ['GET', new RegExp(`^/v1/pages/${id}/properties/${id}$`), ([p, prop], _, url) => this.#pageProperty(p!, decodeURIComponent(prop!), url)],
      ['GET', new RegExp(`^/v1/blocks/${id}/children$`), ([b], _, url) => this.#listChildren(b!, url)],
      ['PATCH', new RegExp(`^/v1/blocks/${id}/children$`), ([b], body) => this.#appendChildren(b!, body)],
      ['GET', new RegExp(`^/v1/blocks/${id}$`), ([b]) => renderBlock(this.#block(b!))],
      ['PATCH', new RegExp(`^/v1/blocks/${id}$`), ([b], body) => this.#updateBlock(b!, body)],
      ['DELETE', new RegExp(`^/v1/blocks/${id}$`), ([b]) => this.#updateBlock(b!, { in_trash: true })],
      ['POST', /^\/v1\/views$/, (_, body) => this.#createView(body)],
      ['GET', /^\/v1\/views$/, (_, __, url) => this.#listViews(url)],
      ['GET', new RegExp(`^/v1/views/${id}$`), ([v]) => this.#renderView(v!)],
      ['PATCH', new RegExp(`^/v1/views/${id}$`), ([v], body) => this.#updateView(v!, body)],
    ];
  }

  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname.replace(/^.*?(\/v1\/)/, '/v1/');
    try {
      const text = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.text();
      const body = text ? (JSON.parse(text) as Body) : {};
      this.requestLog.push({ method: request.method, path, body });
      const token = request.headers.get('authorization')?.replace(/^Bearer\s+/i, '');
      if (!token || !this.#tokens.has(token)) throw new NotionApiError(401, 'unauthorized', 'API token is invalid.');
      if (!request.headers.get('notion-version')) {
        throw new NotionApiError(400, 'missing_version', 'Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.');
      }
      for (const [method, pattern, handler] of this.#routes) {
        const match = method === request.method ? pattern.exec(path) : null;
        if (match) return Response.json(handler(match.slice(1), body, url));
      }
      throw new NotionApiError(400, 'invalid_request_url', `Invalid request URL: ${request.method} ${path}`);
    } catch (error) {
      if (error instanceof NotionApiError) return errorResponse(error);
      if (error instanceof SyntaxError) return errorResponse(new NotionApiError(400, 'invalid_json', 'Error parsing JSON body.'));
      throw error;
    }
  }

  // ---- inspection and simulated human actions, for tests, the demo and benchmarks ----

  /** Rows of a data source (not in trash), oldest first. */
  rows(dataSourceId: string): PageRecord[] {
    return [...this.#ws.pages.values()].filter((p) => p.parent.type === 'data_source_id' && p.parent.data_source_id === dataSourceId && !p.inTrash);
  }

  /** A row's property as plain text (title, text, select, url) or number, for assertions. */
  valueOf(page: PageRecord, property: string): string | number | boolean | string[] | null {
    const v = page.values[property];
    if (!v) return null;
    if ('items' in v) return v.items.map((i) => i.plain_text).join('');
    return v.type === 'date' ? (v.value?.start ?? null) : v.value;
  }

  databaseByTitle(title: string): DatabaseRecord | undefined {
    return [...this.#ws.databases.values()].find((d) => d.title === title && !d.inTrash);
  }

  /** Top-level blocks of a page (or children of a block), not in trash. */
  blocksOf(parentId: string): BlockRecord[] {
    const ids = this.#ws.pageChildren.get(parentId) ?? this.#ws.blocks.get(parentId)?.children ?? [];
    return ids.map((id) => this.#ws.blocks.get(id)!).filter((b) => !b.inTrash);
  }

  page(id: string): PageRecord | undefined {
    return this.#ws.pages.get(id);
  }

  setQueryResultLimit(limit: number): void {
    this.#queryResultLimit = limit;
  }

  /** Makes an object invisible to the integration, as if it were never shared (404 object_not_found). */
  unshare(id: string): void {
    this.#ws.unshared.add(id);
  }

  /** What a person does in the Notion UI: edit a property of a row. */
  editRow(pageId: string, property: string, value: StoredValue): void {
    const page = this.#ws.pages.get(pageId)!;
    page.values[property] = value;
    page.lastEditedTime = minute(this.#now());
  }

  /** A person renaming, retyping or deleting a property of a data source. */
  editSchema(dataSourceId: string, property: string, change: { rename?: string; retype?: string; remove?: boolean }): void {
    const source = this.#ws.dataSources.get(dataSourceId)!;
    const schema = source.properties[property]!;
    delete source.properties[property];
    // Notion keeps values by property id: a rename carries them along, a removal or retype drops them.
    for (const page of this.rows(dataSourceId)) {
      const value = page.values[property];
      delete page.values[property];
      if (value && change.rename && !change.retype && !change.remove) page.values[change.rename] = value;
    }
    if (change.remove) return;
    source.properties[change.rename ?? property] = { ...schema, name: change.rename ?? property, type: change.retype ?? schema.type, config: change.retype ? {} : schema.config };
  }

  /**
   * A person deleting or renaming a select option in the property's menu. Notion
   * keeps a row's choice by option id, so rows that held a deleted option show
   * none, and rows holding a renamed one show its new name.
   */
  editOption(dataSourceId: string, property: string, option: string, change: { rename: string } | { remove: true }): void {
    const schema = this.#ws.dataSources.get(dataSourceId)!.properties[property]!;
    const options = schema.config['options'] as { id: string; name: string; color: string }[];
    const index = options.findIndex((o) => o.name === option);
    if ('remove' in change) options.splice(index, 1);
    else options[index] = { ...options[index]!, name: change.rename };
    const renamed = 'rename' in change ? change.rename : null;
    for (const page of this.rows(dataSourceId)) {
      const value = page.values[property];
      if (value?.type === 'select' && value.value === option) value.value = renamed;
      if (value?.type === 'multi_select') value.value = value.value.flatMap((name) => (name !== option ? [name] : renamed ? [renamed] : []));
    }
  }

  trash(id: string): void {
    const page = this.#ws.pages.get(id);
    if (page) page.inTrash = true;
    const block = this.#ws.blocks.get(id);
    if (block) block.inTrash = true;
    const database = this.#ws.databases.get(id);
    if (database) database.inTrash = true;
  }

  /** A person deleting a view of a database. */
  deleteView(id: string): void {
    this.#ws.views.delete(id);
  }

  /** A person restoring a page, block or database from the trash. */
  restore(id: string): void {
    for (const record of [this.#ws.pages.get(id), this.#ws.blocks.get(id), this.#ws.databases.get(id)]) if (record) record.inTrash = false;
  }

  /** Creates a page or row directly, bypassing auth: for seeding. `parent: {workspace: true}` makes a top-level page. */
  seedPage(body: Body, createdAt?: Date, id?: string): { id: string } {
    return this.#createPage(body, createdAt, id);
  }

  seedDatabase(body: Body, ids?: { databaseId: string; dataSourceId: string }): { databaseId: string; dataSourceId: string } {
    const created = this.#createDatabase(body, ids) as { id: string; data_sources: { id: string }[] };
    return { databaseId: created.id, dataSourceId: created.data_sources[0]!.id };
  }

  snapshot(): unknown {
    const ws = this.#ws;
    return {
      databases: [...ws.databases.values()],
      dataSources: [...ws.dataSources.values()],
      pages: [...ws.pages.values()],
      blocks: [...ws.blocks.values()],
      views: [...ws.views.values()],
      pageChildren: [...ws.pageChildren.entries()],
    };
  }

  static fromSnapshot(snapshot: unknown, options: NotionEmulatorOptions): NotionEmulator {
    const s = snapshot as {
      databases: DatabaseRecord[];
      dataSources: DataSourceRecord[];
      pages: PageRecord[];
      blocks: BlockRecord[];
      views: Workspace['views'] extends Map<string, infer V> ? V[] : never;
      pageChildren: [string, string[]][];
    };
    const ws = emptyWorkspace();
    for (const d of s.databases) ws.databases.set(d.id, d);
    for (const d of s.dataSources) ws.dataSources.set(d.id, d);
    for (const p of s.pages) ws.pages.set(p.id, p);
    for (const b of s.blocks) ws.blocks.set(b.id, b);
    for (const v of s.views) ws.views.set(v.id, v);
    for (const [k, v] of s.pageChildren) ws.pageChildren.set(k, v);
    return new NotionEmulator(options, ws);
  }

  // ---- lookups: trashed or unshared objects are invisible ----

  #visible<T extends object>(kind: Parameters<typeof notFound>[0], map: Map<string, T>, raw: string): T {
    const id = normaliseId(raw);
    const found = map.get(id);
    if (!found || this.#ws.unshared.has(id)) throw notFound(kind, id);
    return found;
  }

  #database(raw: string) {
    const database = this.#visible('database', this.#ws.databases, raw);
    if (database.inTrash) throw notFound('database', database.id);
    return database;
  }

  #dataSource(raw: string) {
    const source = this.#visible('data_source', this.#ws.dataSources, raw);
    if (this.#ws.unshared.has(source.databaseId) || this.#ws.databases.get(source.databaseId)?.inTrash) throw notFound('data_source', source.id);
    return source;
  }

  #page(raw: string) {
    const page = this.#visible('page', this.#ws.pages, raw);
    if (page.parent.type === 'data_source_id' && this.#ws.unshared.has(page.parent.database_id)) throw notFound('page', page.id);
    return page;
  }

  /** Retrieving a database as a page is a validation error naming the mistake, as Notion answers it. */
  #retrievablePage(raw: string) {
    const id = normaliseId(raw);
    if (this.#ws.databases.has(id) && !this.#ws.unshared.has(id)) {
      throw validation(`Provided ID ${id} is a database, not a page. Use the retrieve database API instead, \`/v1/databases/${id}\`.`);
    }
    return this.#page(raw);
  }

  #block(raw: string) {
    return this.#visible('block', this.#ws.blocks, raw);
  }

  #stamp(): string {
    return minute(this.#now());
  }

  // ---- databases and data sources ----

  #createDatabase(body: Body, ids?: { databaseId: string; dataSourceId: string }) {
    const parent = body['parent'] as { type?: string; page_id?: string } | undefined;
    if (!parent?.page_id) throw validation('body.parent.page_id should be defined, instead was `undefined`.');
    const parentPageId = normaliseId(parent.page_id, 'body.parent.page_id');
    if (!this.#ws.pages.has(parentPageId) || this.#ws.unshared.has(parentPageId)) throw notFound('page', parentPageId);
    const now = this.#stamp();
    const title = parseRichText(body['title'] ?? [], 'body.title').map((t) => t.plain_text).join('');
    const database: DatabaseRecord = { id: ids?.databaseId ?? randomUUID(), title, parentPageId, dataSourceIds: [], inTrash: false, createdTime: now, lastEditedTime: now };
    const initial = (body['initial_data_source'] ?? {}) as { properties?: Record<string, unknown> };
    const properties = Object.fromEntries(Object.entries(initial.properties ?? {}).map(([name, def]) => [name, parseSchema(name, def)]));
    if (!Object.values(properties).some((p) => p.type === 'title')) properties['Name'] = parseSchema('Name', { title: {} });
    const source: DataSourceRecord = { id: ids?.dataSourceId ?? randomUUID(), databaseId: database.id, name: title, properties, createdTime: now, lastEditedTime: now };
    database.dataSourceIds.push(source.id);
    this.#ws.databases.set(database.id, database);
    this.#ws.dataSources.set(source.id, source);
    // Real Notion shows a new database as a child_database block on its parent page.
    this.#ws.blocks.set(database.id, {
      id: database.id,
      parentId: parentPageId,
      parentType: 'page_id',
      type: 'child_database',
      content: { title },
      children: [],
      inTrash: false,
      createdTime: now,
      lastEditedTime: now,
    });
    this.#childrenOf(parentPageId).push(database.id);
    return renderDatabase(this.#ws, database);
  }

  #updateDataSource(raw: string, body: Body) {
    const source = this.#dataSource(raw);
    for (const [name, def] of Object.entries((body['properties'] ?? {}) as Record<string, unknown>)) {
      const existing = source.properties[name] ?? Object.values(source.properties).find((p) => p.id === name);
      if (def === null) {
        if (!existing) throw validation(`${name} is not a property that exists.`);
        delete source.properties[existing.name];
        continue;
      }
      const d = def as Body;
      if (existing && typeof d['name'] === 'string' && Object.keys(d).length === 1) {
        delete source.properties[existing.name];
        source.properties[d['name']] = { ...existing, name: d['name'] };
        continue;
      }
      const schema = parseSchema((d['name'] as string | undefined) ?? name, d, existing?.id);
      if (existing) delete source.properties[existing.name];
      source.properties[schema.name] = schema;
    }
    source.lastEditedTime = this.#stamp();
    return renderDataSource(this.#ws, source);
  }

  #query(raw: string, body: Body) {
    const source = this.#dataSource(raw);
    const pageSize = Math.min(Number(body['page_size'] ?? PAGE_SIZE_LIMIT), PAGE_SIZE_LIMIT);
    if (!(pageSize >= 1)) throw validation('body.page_size should be a number between 1 and 100.');
    const filter = body['filter'] as Record<string, unknown> | undefined;
    const found = sortPages(this.rows(source.id).filter((p) => matches(p, filter)), body['sorts'] as never);
    const { offset } = decodeCursor(body['start_cursor']);
    // One query (filter + sort) returns at most the result limit, across all its cursors, then stops silently.
    const end = Math.min(offset + pageSize, found.length, this.#queryResultLimit);
    const capped = end >= this.#queryResultLimit && found.length > this.#queryResultLimit;
    const next = end < found.length && !capped ? encodeCursor({ offset: end }) : null;
    return {
      ...list(found.slice(offset, end).map((p) => renderPage(this.#ws, p)), next, 'page_or_data_source'),
      ...(capped ? { request_status: { type: 'incomplete', incomplete_reason: 'query_result_limit_reached' } } : {}),
    };
  }

  // ---- pages ----

  #createPage(body: Body, createdAt?: Date, fixedId?: string) {
    const parent = (body['parent'] ?? {}) as Record<string, string | undefined>;
    const now = createdAt ? minute(createdAt) : this.#stamp();
    const id = fixedId ?? randomUUID();
    let page: PageRecord;
    if (parent['data_source_id'] || parent['database_id']) {
      const source = parent['data_source_id']
        ? this.#dataSource(parent['data_source_id'])
        : this.#dataSource(this.#database(parent['database_id']!).dataSourceIds[0]!);
      page = {
        id,
        parent: { type: 'data_source_id', data_source_id: source.id, database_id: source.databaseId },
        values: parseProperties(source, body['properties']),
        createdTime: now,
        lastEditedTime: now,
        inTrash: false,
      };
    } else if ((body['parent'] as { workspace?: boolean } | undefined)?.workspace === true) {
      const props = (body['properties'] ?? {}) as Record<string, { title?: unknown }>;
      const title = parseRichText(props['title']?.title ?? [], 'body.properties.title.title');
      page = { id, parent: { type: 'workspace', workspace: true }, values: { title: { type: 'title', items: title } }, createdTime: now, lastEditedTime: now, inTrash: false };
    } else if (parent['page_id']) {
      const parentId = normaliseId(parent['page_id'], 'body.parent.page_id');
      if (!this.#ws.pages.has(parentId) || this.#ws.unshared.has(parentId)) throw notFound('page', parentId);
      const props = (body['properties'] ?? {}) as Record<string, { title?: unknown }>;
      const title = parseRichText(props['title']?.title ?? props['Name']?.title ?? [], 'body.properties.title.title');
      page = { id, parent: { type: 'page_id', page_id: parentId }, values: { title: { type: 'title', items: title } }, createdTime: now, lastEditedTime: now, inTrash: false };
      this.#ws.blocks.set(page.id, {
        id: page.id,
        parentId,
        parentType: 'page_id',
        type: 'child_page',
        content: { title: title.map((t) => t.plain_text).join('') },
        children: [],
        inTrash: false,
        createdTime: now,
        lastEditedTime: now,
      });
      this.#childrenOf(parentId).push(page.id);
    } else {
      throw validation('body.parent should be a page_id, database_id or data_source_id parent.');
    }
    this.#ws.pages.set(page.id, page);
    if (body['children'] !== undefined) this.#childrenOf(page.id).push(...createBlocks(this.#ws, body['children'], { id: page.id, type: 'page_id' }, now));
    return renderPage(this.#ws, page);
  }

  #updatePage(raw: string, body: Body) {
    const page = this.#page(raw);
    const restoring = body['in_trash'] === false || body['archived'] === false;
    if (page.inTrash && !restoring) throw validation("Can't edit block that is archived. You must unarchive the block before editing.");
    if (body['properties'] !== undefined) {
      if (page.parent.type !== 'data_source_id') throw validation('Only pages in a data source have properties other than title.');
      Object.assign(page.values, parseProperties(this.#dataSource(page.parent.data_source_id), body['properties']));
    }
    const trash = body['in_trash'] ?? body['archived'];
    if (typeof trash === 'boolean') page.inTrash = trash;
    page.lastEditedTime = this.#stamp();
    return renderPage(this.#ws, page);
  }

  /**
   * A property's full value, paginated: how relations past the page object's 25 ids are read. Pages hold
   * `page_size` items, 100 unless asked (Notion's pagination default and maximum); `property_item.next_url`
   * is the next page's address, as Notion sends it.
   */
  #pageProperty(raw: string, propertyId: string, url: URL) {
    const page = this.#page(raw);
    if (page.parent.type !== 'data_source_id') throw validation('Only pages in a data source have properties.');
    const source = this.#dataSource(page.parent.data_source_id);
    const schema = Object.values(source.properties).find((p) => p.id === propertyId || p.name === propertyId);
    if (!schema) throw notFound('page', propertyId);
    const value = page.values[schema.name];
    if (schema.type !== 'relation') return { object: 'property_item', id: schema.id, ...renderValue(schema, value) };
    const ids = value?.type === 'relation' ? value.value : [];
    const pageSize = Math.min(Number(url.searchParams.get('page_size') ?? PAGE_SIZE_LIMIT), PAGE_SIZE_LIMIT);
    if (!(pageSize >= 1)) throw validation('page_size should be a number between 1 and 100.');
    const { offset } = decodeCursor(url.searchParams.get('start_cursor') ?? undefined);
    const end = Math.min(offset + pageSize, ids.length);
    const next = end < ids.length ? encodeCursor({ offset: end }) : null;
    const nextUrl = next === null ? null : `${url.origin}${url.pathname}?start_cursor=${encodeURIComponent(next)}`;
    return {
      ...list(ids.slice(offset, end).map((id) => ({ object: 'property_item', id: schema.id, type: 'relation', relation: { id } })), next, 'property_item'),
      property_item: { id: schema.id, next_url: nextUrl, type: 'relation', relation: {} },
    };
  }

  // ---- blocks ----

  #childrenOf(parentId: string): string[] {
    const block = this.#ws.blocks.get(parentId);
    if (block && block.type !== 'child_page') return block.children;
    let children = this.#ws.pageChildren.get(parentId);
    if (!children) this.#ws.pageChildren.set(parentId, (children = []));
    return children;
  }

  #parentExists(raw: string): string {
    const id = normaliseId(raw);
    if (this.#ws.unshared.has(id) || (!this.#ws.pages.has(id) && !this.#ws.blocks.has(id))) throw notFound('block', id);
    return id;
  }

  #listChildren(raw: string, url: URL) {
    const id = this.#parentExists(raw);
    const children = this.#childrenOf(id)
      .map((c) => this.#ws.blocks.get(c)!)
      .filter((b) => !b.inTrash);
    const pageSize = Math.min(Number(url.searchParams.get('page_size') ?? PAGE_SIZE_LIMIT), PAGE_SIZE_LIMIT);
    const { offset } = decodeCursor(url.searchParams.get('start_cursor') ?? undefined);
    const end = Math.min(offset + pageSize, children.length);
    return list(children.slice(offset, end).map(renderBlock), end < children.length ? encodeCursor({ offset: end }) : null, 'block');
  }

  #appendChildren(raw: string, body: Body) {
    const id = this.#parentExists(raw);
    const parentType = this.#ws.pages.has(id) ? 'page_id' : 'block_id';
    const created = createBlocks(this.#ws, body['children'], { id, type: parentType }, this.#stamp());
    const siblings = this.#childrenOf(id);
    const after = typeof body['after'] === 'string' ? siblings.indexOf(normaliseId(body['after'], 'body.after')) : -1;
    if (after >= 0) siblings.splice(after + 1, 0, ...created);
    else siblings.push(...created);
    return list(created.map((c) => renderBlock(this.#ws.blocks.get(c)!)), null, 'block');
  }

  #updateBlock(raw: string, body: Body) {
    const block = this.#block(raw);
    if (block.inTrash && body['in_trash'] !== false) throw validation("Can't edit block that is archived. You must unarchive the block before editing.");
    updateBlock(block, body, this.#stamp());
    const page = this.#ws.pages.get(block.id);
    if (page && typeof body['in_trash'] === 'boolean') page.inTrash = body['in_trash'];
    return renderBlock(block);
  }

  // ---- views ----

  #createView(body: Body) {
    const dataSourceId = normaliseId(String(body['data_source_id'] ?? ''), 'body.data_source_id');
    const source = this.#dataSource(dataSourceId);
    if (typeof body['name'] !== 'string' || typeof body['type'] !== 'string') throw validation('body.name and body.type should be defined.');
    const view = {
      id: randomUUID(),
      databaseId: source.databaseId,
      dataSourceId,
      name: body['name'],
      type: body['type'],
      configuration: body['configuration'] ?? null,
      filter: body['filter'] ?? null,
      sorts: body['sorts'] ?? null,
    };
    this.#ws.views.set(view.id, view);
    return this.#renderView(view.id);
  }

  #updateView(raw: string, body: Body) {
    const view = this.#visible('view', this.#ws.views, raw);
    if (typeof body['name'] === 'string') view.name = body['name'];
    for (const key of ['filter', 'sorts', 'configuration'] as const) if (key in body) view[key] = body[key] ?? null;
    return this.#renderView(view.id);
  }

  #listViews(url: URL) {
    const databaseId = url.searchParams.get('database_id');
    const dataSourceId = url.searchParams.get('data_source_id');
    const views = [...this.#ws.views.values()].filter(
      (v) => (databaseId && v.databaseId === normaliseId(databaseId)) || (dataSourceId && v.dataSourceId === normaliseId(dataSourceId)),
    );
    return list(views.map((v) => ({ object: 'view', id: v.id })), null, 'view');
  }

  #renderView(raw: string) {
    const view = this.#visible('view', this.#ws.views, raw);
    return {
      object: 'view',
      id: view.id,
      parent: { type: 'database_id', database_id: view.databaseId },
      data_source_id: view.dataSourceId,
      name: view.name,
      type: view.type,
      configuration: view.configuration,
      filter: view.filter ?? null,
      sorts: view.sorts ?? null,
    };
  }
}
