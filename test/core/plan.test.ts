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
