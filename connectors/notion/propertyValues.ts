import type { PageObjectResponse } from '@notionhq/client';
import type { CellValue, Column } from '#core/tables/table.ts';

/** Notion's per-item text limit; longer values are cut with a visible marker, never rejected. */
export const TEXT_LIMIT = 2000;
const TRUNCATION_MARK = ' …[truncated]';

type PageProperty = PageObjectResponse['properties'][string];

export function truncateText(text: string): string {
  return text.length <= TEXT_LIMIT ? text : `${text.slice(0, TEXT_LIMIT - TRUNCATION_MARK.length)}${TRUNCATION_MARK}`;
}

/** Select option names may not contain commas, and are capped at 100 characters. */
export function selectName(name: string): string {
  return name.replace(/,/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100) || '(none)';
}

/** Date values are kept to the minute, which is what survives a round trip through Notion unchanged. */
export function minutePrecision(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(Math.floor(ms / 60_000) * 60_000).toISOString();
}

/** A percent column's value as the fraction Notion's `percent` format displays as that percent: 23.4 → 0.234. */
function toStoredNumber(spec: Column, value: number): number {
  return spec.format === 'percent' ? value / 100 : value;
}

/** And back, rounded past float noise (0.234 × 100 is 23.400000000000002), so a value read back equals the one written. */
function fromStoredNumber(spec: Column, value: number): number {
  return spec.format === 'percent' ? Math.round(value * 1e8) / 1e6 : value;
}

const richText = (text: string) => [{ type: 'text' as const, text: { content: truncateText(text) } }];

/** A cell value as the property payload Notion accepts on create and update. */
export function toNotionProperty(spec: Column, value: CellValue): Record<string, unknown> {
  const text = value === null ? '' : String(value);
  switch (spec.type) {
    case 'title':
      return { title: richText(text) };
    case 'rich_text':
      return { rich_text: text ? richText(text) : [] };
    case 'number':
      return { number: typeof value === 'number' ? toStoredNumber(spec, value) : null };
    case 'select':
      return { select: text ? { name: selectName(text) } : null };
    case 'url':
      return { url: text || null };
    case 'date':
      return { date: text ? { start: minutePrecision(text) } : null };
    case 'checkbox':
      return { checkbox: value === true };
    case 'relation':
      return { relation: (Array.isArray(value) ? value : []).slice(0, 100).map((id) => ({ id })) };
  }
}

/**
 * A property of a page, as the plain value the planner compares. Relations past
 * the 25 ids a page object shows are read by the caller (`has_more`).
 */
export function fromNotionProperty(spec: Column, property: PageProperty | undefined): CellValue {
  if (!property) return null;
  switch (property.type) {
    case 'title':
      return property.title.map((t) => t.plain_text).join('') || null;
    case 'rich_text':
      return property.rich_text.map((t) => t.plain_text).join('') || null;
    case 'number':
      return property.number === null ? null : fromStoredNumber(spec, property.number);
    case 'select':
      return property.select?.name ?? null;
    case 'url':
      return property.url;
    case 'date':
      return property.date ? minutePrecision(property.date.start) : null;
    case 'checkbox':
      return property.checkbox;
    case 'relation':
      return property.relation.map((r) => r.id);
    default:
      // A property a person retyped: the schema check reports it; the value reads as absent.
      return spec.type === 'relation' ? [] : null;
  }
}

/**
 * The text itself when `clean` leaves it as it was: the same few select values
 * (a team, a status) repeat on every row, and a new copy per row adds up.
 */
function sameIfEqual(text: string, clean: (text: string) => string): string {
  const cleaned = clean(text);
  return cleaned === text ? text : cleaned;
}

/**
 * A desired value as it will read back from Notion once written (truncated,
 * select-safe, minute-precise), so the planner compares like with like and an
 * oversized value does not look changed on every run.
 */
export function asStored(spec: Column, value: CellValue): CellValue {
  if (value === null || value === '') return null;
  switch (spec.type) {
    case 'title':
    case 'rich_text':
      return truncateText(String(value));
    case 'select':
      return sameIfEqual(String(value), selectName);
    case 'date':
      return minutePrecision(String(value));
    case 'relation':
      return !Array.isArray(value) ? [] : value.length <= 100 ? value : value.slice(0, 100);
    case 'number':
      return typeof value === 'number' ? fromStoredNumber(spec, toStoredNumber(spec, value)) : value;
    default:
      return value;
  }
}
