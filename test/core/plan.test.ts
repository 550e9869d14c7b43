import { describe, expect, it } from 'vitest';
import { inTimeOrder, planRows, type ExistingRow } from '#core/plan.ts';

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

  it("of copies made in the same minute, the row holding the engine's values is kept, and an override only the copy had is moved to it", () => {
    // Oldest first, as rows are read: a person's partial copy that sorts before the engine's row.
    const copy = existing('copy', '1', { Name: 'A', Team: null, Override: 'Innovation' });
    const engine = existing('engine', '1', { Name: 'A', Team: 'PAY', Override: null });
    const plan = planRows([{ key: '1', values: { Name: 'A', Team: 'PAY' } }], [copy, engine], { archiveMissing: true, carryOver: ['Override'] });
    expect(plan.archives).toEqual([{ pageId: 'copy', key: '1', reason: 'duplicate' }]);
    expect(plan.updates).toEqual([{ pageId: 'engine', key: '1', changed: {}, carried: { Override: 'Innovation' } }]);
  });

  it("the kept row's own override is never replaced by a copy's", () => {
    const rows = [existing('old', '1', { Name: 'A', Override: 'Growth' }), existing('new', '1', { Name: 'A', Override: 'Innovation' })];
    const plan = planRows([{ key: '1', values: { Name: 'A' } }], rows, { archiveMissing: false, carryOver: ['Override'] });
    expect(plan.archives).toEqual([{ pageId: 'new', key: '1', reason: 'duplicate' }]);
    expect(plan).toMatchObject({ updates: [], unchanged: 1 });
  });

  it('copies of an epic not pulled this run keep the fullest row', () => {
    const rows = [existing('copy', '1', { Name: 'A', Team: null, Impact: [] }), existing('engine', '1', { Name: 'A', Team: 'PAY', Impact: ['x'] })];
    expect(planRows([], rows, { archiveMissing: false }).archives).toEqual([{ pageId: 'copy', key: '1', reason: 'duplicate' }]);
  });

  it('rows no longer desired are archived only when asked', () => {
    const rows = [existing('p1', 'gone', { Name: 'A' })];
    expect(planRows([], rows, { archiveMissing: true }).archives).toEqual([{ pageId: 'p1', key: 'gone', reason: 'gone' }]);
    expect(planRows([], rows, { archiveMissing: false }).archives).toEqual([]);
  });

  it('an incremental plan archives only the rows whose key is no longer in scope, not the unchanged ones it did not pull', () => {
    const rows = [existing('p1', 'unchanged', { Name: 'A' }), existing('p2', 'deleted', { Name: 'B' }), existing('p3', 'changed', { Name: 'C' })];
    const plan = planRows([{ key: 'changed', values: { Name: 'C2' } }], rows, { archiveMissing: { except: new Set(['unchanged', 'changed']) } });
    expect(plan.archives).toEqual([{ pageId: 'p2', key: 'deleted', reason: 'gone' }]);
    expect(plan.updates.map((u) => u.key)).toEqual(['changed']);
  });

  it('an empty string and a missing value are the same', () => {
    expect(planRows([{ key: '1', values: { Note: '' } }], [existing('p', '1', { Note: null })], { archiveMissing: false }).unchanged).toBe(1);
  });
});

describe('the order writes are applied in', () => {
  const plan = {
    creates: [{ key: 'late', values: {} }],
    updates: [
      { pageId: 'p2', key: 'early', changed: {} },
      { pageId: 'p3', key: 'soon-after', changed: {} },
    ],
    archives: [{ pageId: 'p9', key: 'gone', reason: 'gone' as const }],
    unchanged: 4,
  };
  const time: Record<string, number> = { early: 0, 'soon-after': 500, late: 5_000 };

  it('oldest Jira change first, close changes together, archives last', () => {
    const parts = inTimeOrder(plan, (key) => time[key]!, 1_000);
    expect(parts.map((p) => [...p.updates.map((u) => u.key), ...p.creates.map((c) => c.key), ...p.archives.map((a) => a.key)])).toEqual([
      ['early', 'soon-after'],
      ['late'],
      ['gone'],
    ]);
  });

  it('no write is lost or repeated, and the unchanged count is kept once', () => {
    const parts = inTimeOrder(plan, (key) => time[key]!, 1);
    expect(parts.flatMap((p) => p.updates)).toHaveLength(2);
    expect(parts.flatMap((p) => p.creates)).toHaveLength(1);
    expect(parts.flatMap((p) => p.archives)).toHaveLength(1);
    expect(parts.reduce((sum, p) => sum + p.unchanged, 0)).toBe(4);
  });

  it('an empty plan is one empty part', () => {
    expect(inTimeOrder({ creates: [], updates: [], archives: [], unchanged: 7 }, () => 0, 1_000)).toEqual([
      { creates: [], updates: [], archives: [], unchanged: 7 },
    ]);
  });
});
