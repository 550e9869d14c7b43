import { validation } from './errors.ts';
import type { PageRecord, StoredValue } from './model.ts';

type Filter = Record<string, unknown>;

function textOf(value: StoredValue | undefined): string {
  if (!value) return '';
  if ('items' in value) return value.items.map((i) => i.plain_text).join('');
  if (value.type === 'select' || value.type === 'url') return value.value ?? '';
  return '';
}

function compareTime(actual: string, condition: Record<string, unknown>): boolean {
  const t = Date.parse(actual);
  const at = (key: string) => Date.parse(String(condition[key]));
  if ('on_or_after' in condition) return t >= at('on_or_after');
  if ('after' in condition) return t > at('after');
  if ('before' in condition) return t < at('before');
  if ('on_or_before' in condition) return t <= at('on_or_before');
  if ('equals' in condition) return t === at('equals');
  throw validation(`body.filter: unsupported date condition ${JSON.stringify(condition)}`);
}

function matchProperty(page: PageRecord, filter: Filter): boolean {
  const name = String(filter['property']);
  const value = page.values[name];
  const [kind, condition] = Object.entries(filter).find(([k]) => k !== 'property' && k !== 'type') ?? [];
  const c = (condition ?? {}) as Record<string, unknown>;
  switch (kind) {
    case 'title':
    case 'rich_text':
    case 'url':
    case 'select': {
      const text = textOf(value);
      if ('equals' in c) return text === c['equals'];
      if ('does_not_equal' in c) return text !== c['does_not_equal'];
      if ('contains' in c) return text.toLowerCase().includes(String(c['contains']).toLowerCase());
      if ('is_empty' in c) return text === '';
      if ('is_not_empty' in c) return text !== '';
      break;
    }
    case 'number': {
      const n = value?.type === 'number' ? value.value : null;
      if ('equals' in c) return n === c['equals'];
      if ('greater_than' in c) return n !== null && n > Number(c['greater_than']);
      if ('less_than' in c) return n !== null && n < Number(c['less_than']);
      if ('is_empty' in c) return n === null;
      break;
    }
    case 'checkbox':
      return (value?.type === 'checkbox' && value.value) === c['equals'];
    case 'multi_select':
    case 'relation': {
      const list = value?.type === 'multi_select' || value?.type === 'relation' ? value.value : [];
      if ('contains' in c) return list.includes(String(c['contains']));
      if ('is_empty' in c) return list.length === 0;
      break;
    }
    case 'date':
      return value?.type === 'date' && value.value !== null && compareTime(value.value.start, c);
  }
  throw validation(`body.filter: the emulator does not support ${JSON.stringify(filter)}`);
}

export function matches(page: PageRecord, filter: Filter | undefined): boolean {
  if (!filter) return true;
  if (Array.isArray(filter['and'])) return (filter['and'] as Filter[]).every((f) => matches(page, f));
  if (Array.isArray(filter['or'])) return (filter['or'] as Filter[]).some((f) => matches(page, f));
  if (filter['timestamp'] === 'created_time') return compareTime(page.createdTime, filter['created_time'] as Record<string, unknown>);
  if (filter['timestamp'] === 'last_edited_time') return compareTime(page.lastEditedTime, filter['last_edited_time'] as Record<string, unknown>);
  if ('property' in filter) return matchProperty(page, filter);
  throw validation(`body.filter should be a property, timestamp or compound filter.`);
}

type Sort = { timestamp?: 'created_time' | 'last_edited_time'; property?: string; direction?: 'ascending' | 'descending' };

export function sortPages(pages: PageRecord[], sorts: Sort[] | undefined): PageRecord[] {
  const keys: Sort[] = sorts?.length ? sorts : [{ timestamp: 'created_time', direction: 'ascending' }];
  const keyOf = (page: PageRecord, sort: Sort): string | number => {
    if (sort.timestamp === 'created_time') return page.createdTime;
    if (sort.timestamp === 'last_edited_time') return page.lastEditedTime;
    const value = page.values[sort.property ?? ''];
    return value?.type === 'number' ? (value.value ?? -Infinity) : textOf(value);
  };
  // Ties keep insertion order, which is creation order: stable like Notion's.
  return [...pages].sort((a, b) => {
    for (const sort of keys) {
      const x = keyOf(a, sort);
      const y = keyOf(b, sort);
      if (x !== y) return (x < y ? -1 : 1) * (sort.direction === 'descending' ? -1 : 1);
    }
    return 0;
  });
}

export interface QueryCursor {
  offset: number;
}

export const encodeCursor = (cursor: QueryCursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

export function decodeCursor(raw: unknown): QueryCursor {
  if (raw === undefined || raw === null) return { offset: 0 };
  try {
    const cursor = JSON.parse(Buffer.from(String(raw), 'base64url').toString()) as QueryCursor;
    if (Number.isInteger(cursor.offset)) return cursor;
  } catch {
    // fall through to the validation error
  }
  throw validation('body.start_cursor should be a valid cursor returned by a previous request.');
}
