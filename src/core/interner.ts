import type { CellValue } from './plan.ts';

/**
 * Rows read back from Notion repeat the same values over and over (a team, a
 * status, a work type, the same reason, the same relation ids). Interning them
 * keeps one copy of each: for 100k rows that is most of their memory.
 */
export class Interner {
  readonly #strings = new Map<string, string>();
  readonly #lists = new Map<string, readonly string[]>();

  value(value: CellValue): CellValue {
    if (typeof value === 'string') return this.string(value);
    if (Array.isArray(value)) return this.list(value);
    return value;
  }

  list(values: readonly string[]): readonly string[] {
    const key = values.join('\u0000');
    let list = this.#lists.get(key);
    if (!list) {
      list = values.map((v) => this.string(v));
      this.#lists.set(key, list);
    }
    return list;
  }

  string(value: string): string {
    const known = this.#strings.get(value);
    if (known !== undefined) return known;
    this.#strings.set(value, value);
    return value;
  }
}
