import { randomUUID } from 'node:crypto';
import { validation } from './errors.ts';
import { normaliseId } from './ids.ts';
import { richTextResponse, type DataSourceRecord, type PropertySchema, type StoredValue } from './model.ts';
import { parseRichText } from './richText.ts';

const LIST_LIMIT = 100;
const COLOURS = ['default', 'gray', 'brown', 'orange', 'yellow', 'green', 'blue', 'purple', 'pink', 'red'];

function optionName(value: unknown, path: string): string {
  const name = (value as { name?: unknown } | null)?.name;
  if (typeof name !== 'string' || name.length === 0) throw validation(`${path}.name should be a non-empty string.`);
  if (name.includes(',')) throw validation(`${path}.name: select option names cannot contain commas. Got "${name}".`);
  if (name.length > 100) throw validation(`${path}.name.length should be ≤ \`100\`, instead was \`${name.length}\`.`);
  return name;
}

/** Unknown option names create options, as Notion does on write. */
function ensureOption(schema: PropertySchema, name: string): void {
  const options = (schema.config['options'] as { id: string; name: string; color: string }[] | undefined) ?? [];
  if (!options.some((o) => o.name === name)) {
    options.push({ id: randomUUID().slice(0, 8), name, color: COLOURS[options.length % COLOURS.length]! });
  }
  schema.config['options'] = options;
}

function checkList(list: unknown, path: string): unknown[] {
  if (!Array.isArray(list)) throw validation(`${path} should be an array.`);
  if (list.length > LIST_LIMIT) throw validation(`${path}.length should be ≤ \`${LIST_LIMIT}\`, instead was \`${list.length}\`.`);
  return list;
}

/** One property value from a create or update request, validated against the data source's schema. */
export function parseValue(schema: PropertySchema, raw: unknown, path: string): StoredValue {
  const value = raw as Record<string, unknown>;
  const wrong = () => validation(`${path} should be a ${schema.type} property value; "${schema.name}" is a ${schema.type} property.`);
  if (!value || typeof value !== 'object' || !(schema.type in value)) throw wrong();
  const inner = value[schema.type];
  switch (schema.type) {
    case 'title':
    case 'rich_text':
      return { type: schema.type, items: parseRichText(inner, `${path}.${schema.type}`) };
    case 'number':
      if (inner !== null && typeof inner !== 'number') throw wrong();
      return { type: 'number', value: inner as number | null };
    case 'select': {
      if (inner === null) return { type: 'select', value: null };
      const name = optionName(inner, `${path}.select`);
      ensureOption(schema, name);
      return { type: 'select', value: name };
    }
    case 'multi_select': {
      const names = checkList(inner, `${path}.multi_select`).map((o, i) => optionName(o, `${path}.multi_select[${i}]`));
      for (const name of names) ensureOption(schema, name);
      return { type: 'multi_select', value: names };
    }
    case 'url':
      if (inner !== null && typeof inner !== 'string') throw wrong();
      return { type: 'url', value: (inner as string | null) || null };
    case 'checkbox':
      if (typeof inner !== 'boolean') throw wrong();
      return { type: 'checkbox', value: inner };
    case 'date': {
      if (inner === null) return { type: 'date', value: null };
      const start = (inner as { start?: unknown }).start;
      if (typeof start !== 'string' || Number.isNaN(Date.parse(start))) throw validation(`${path}.date.start should be an ISO 8601 date string.`);
      return { type: 'date', value: { start, end: ((inner as { end?: string }).end as string | undefined) ?? null } };
    }
    case 'relation':
      return {
        type: 'relation',
        value: checkList(inner, `${path}.relation`).map((r, i) => normaliseId(String((r as { id?: unknown }).id), `${path}.relation[${i}].id`)),
      };
    default:
      throw validation(`${path}: the emulator does not write ${schema.type} properties.`);
  }
}

/** Validates a request's `properties` against the schema, by name or by property id. */
export function parseProperties(source: DataSourceRecord, properties: unknown): Record<string, StoredValue> {
  const out: Record<string, StoredValue> = {};
  for (const [key, raw] of Object.entries((properties ?? {}) as Record<string, unknown>)) {
    const schema = source.properties[key] ?? Object.values(source.properties).find((p) => p.id === key);
    if (!schema) throw validation(`${key} is not a property that exists.`);
    out[schema.name] = parseValue(schema, raw, `body.properties.${key}`);
  }
  return out;
}

/** Relations shown on a page object are capped at 25; the rest come from the property endpoint. */
export const PAGE_RELATION_LIMIT = 25;

export function renderValue(schema: PropertySchema, stored: StoredValue | undefined): Record<string, unknown> {
  const base = { id: schema.id, type: schema.type };
  const options = (schema.config['options'] as { id: string; name: string; color: string }[] | undefined) ?? [];
  const option = (name: string) => options.find((o) => o.name === name) ?? { id: name, name, color: 'default' };
  switch (schema.type) {
    case 'title':
    case 'rich_text':
      return { ...base, [schema.type]: richTextResponse(stored && 'items' in stored ? stored.items : []) };
    case 'select':
      return { ...base, select: stored?.type === 'select' && stored.value ? option(stored.value) : null };
    case 'multi_select':
      return { ...base, multi_select: stored?.type === 'multi_select' ? stored.value.map(option) : [] };
    case 'relation': {
      const ids = stored?.type === 'relation' ? stored.value : [];
      return { ...base, relation: ids.slice(0, PAGE_RELATION_LIMIT).map((id) => ({ id })), has_more: ids.length > PAGE_RELATION_LIMIT };
    }
    case 'checkbox':
      return { ...base, checkbox: stored?.type === 'checkbox' ? stored.value : false };
    case 'date':
      return { ...base, date: stored?.type === 'date' && stored.value ? { ...stored.value, time_zone: null } : null };
    default:
      return { ...base, [schema.type]: stored && 'value' in stored ? stored.value : null };
  }
}

/** Options as a request lists them: an option given by id keeps it, a colour given is kept (and must be one of Notion's), others get one by position. */
function selectOptions(request: Record<string, unknown>): { id: string; name: string; color: string }[] {
  const options = (request['options'] as { id?: string; name: string; color?: string }[] | undefined) ?? [];
  return options.map((o, i) => {
    if (o.color !== undefined && !COLOURS.includes(o.color)) throw validation(`body.properties: select option color should be one of ${COLOURS.join(', ')}, instead was \`"${o.color}"\`.`);
    return { id: o.id ?? randomUUID().slice(0, 8), name: optionName(o, `body.properties.options[${i}]`), color: o.color ?? COLOURS[i % COLOURS.length]! };
  });
}

const CONFIG_DEFAULTS: Record<string, (request: Record<string, unknown>) => Record<string, unknown>> = {
  select: (r) => ({ options: selectOptions(r) }),
  multi_select: (r) => CONFIG_DEFAULTS['select']!(r),
  number: (r) => ({ format: (r['format'] as string | undefined) ?? 'number' }),
  relation: (r) => ({ data_source_id: r['data_source_id'], database_id: r['database_id'] ?? null, type: 'single_property', single_property: {} }),
};

/** A property definition from a create or update of a data source. */
export function parseSchema(name: string, definition: unknown, existingId?: string): PropertySchema {
  const def = (definition ?? {}) as Record<string, unknown>;
  const type = (def['type'] as string | undefined) ?? Object.keys(def).find((k) => k !== 'name' && k !== 'description');
  if (!type) throw validation(`body.properties.${name} should define a property type.`);
  const request = (def[type] ?? {}) as Record<string, unknown>;
  const config = CONFIG_DEFAULTS[type]?.(request) ?? {};
  return { id: existingId ?? (type === 'title' ? 'title' : randomUUID().slice(0, 4)), name, type, config };
}

export function renderSchema(schema: PropertySchema): Record<string, unknown> {
  return { id: schema.id, name: schema.name, type: schema.type, description: null, [schema.type]: schema.config };
}
