import { describe, expect, it } from 'vitest';
import { planRows, type ExistingRow } from '../../src/core/plan.ts';

const existing = (pageId: string, key: string, values: ExistingRow['values']): ExistingRow => ({ pageId, key, values });

describe('planning Notion writes', () => {
  it('a row that matches what Notion holds is left alone', () => {
    const plan = planRows([{ key: '1', values: { Name: 'A', Impact: ['x', 'y'] } }], [existing('p1', '1', { Name: 'A', Impact: ['y', 'x'] })], {
      archiveMissing: true,
    });
    expect(plan).toEqual({ creates: [], updates: [], archives: [], unchanged: 1 });
  });

  it('only the properties that changed are updated, and human-owned properties are not compared', () => {
    const plan = planRows(
      [{ key: '1', values: { Name: 'B', Team: 'PAY' } }],
      [existing('p1', '1', { Name: 'A', Team: 'PAY', 'Work Type Override': 'Growth' })],
      { archiveMissing: true },
    );
    expect(plan.updates).toEqual([{ pageId: 'p1', key: '1', changed: { Name: 'B' } }]);
  });

  it('duplicate rows for one key keep the oldest and archive the rest', () => {
    const plan = planRows([{ key: '1', values: { Name: 'A' } }], [existing('old', '1', { Name: 'A' }), existing('new', '1', { Name: 'A' })], {
      archiveMissing: true,
    });
    expect(plan.archives).toEqual([{ pageId: 'new', key: '1', reason: 'duplicate' }]);
    expect(plan.unchanged).toBe(1);
  });

  it('rows no longer desired are archived only when asked', () => {
    const rows = [existing('p1', 'gone', { Name: 'A' })];
    expect(planRows([], rows, { archiveMissing: true }).archives).toEqual([{ pageId: 'p1', key: 'gone', reason: 'gone' }]);
    expect(planRows([], rows, { archiveMissing: false }).archives).toEqual([]);
  });

  it('an empty string and a missing value are the same', () => {
    expect(planRows([{ key: '1', values: { Note: '' } }], [existing('p', '1', { Note: null })], { archiveMissing: false }).unchanged).toBe(1);
  });
});

describe('the sync cursor', async () => {
  const { cursorOf, heldCursorAfter } = await import('../../src/core/syncState.ts');
  const state = (heldCursorMs: number | null) => ({ version: 2 as const, heldCursorMs, lastFullAt: null, rulesHash: 'x' });

  it('is the newest Updated on the rows, or the held value after a failure', () => {
    expect(cursorOf(state(null), ['2026-11-20T10:00:00.000Z', null, '2026-11-21T09:00:00.000Z'])).toBe(Date.parse('2026-11-21T09:00:00.000Z'));
    expect(cursorOf(state(5), ['2026-11-21T09:00:00.000Z'])).toBe(5);
    expect(cursorOf(null, [])).toBeNull();
  });

  it('is held at the pre-run value while writes fail and released once they all succeed', () => {
    expect(heldCursorAfter(state(null), 100, false)).toBe(100);
    expect(heldCursorAfter(state(50), 100, false)).toBe(50);
    expect(heldCursorAfter(state(50), 100, true)).toBeNull();
  });
});
