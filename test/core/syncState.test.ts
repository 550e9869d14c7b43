import { describe, expect, it } from 'vitest';
import { cursorOf, decideFullSync, heldCursorAfter, type SyncState } from '#core/syncState.ts';

const state = (patch: Partial<SyncState> = {}): SyncState => ({
  version: 2,
  heldCursorMs: null,
  lastFullAt: '2026-11-23T06:00:00.000Z',
  fullPending: false,
  rulesHash: 'x',
  presentationHash: '',
  ...patch,
});

describe('the sync cursor', () => {
  const now = Date.parse('2026-11-23T08:00:00.000Z');

  it('is the newest Updated on the rows, or the held value after a failure', () => {
    expect(cursorOf(state(), ['2026-11-20T10:00:00.000Z', null, '2026-11-21T09:00:00.000Z'], now)).toBe(Date.parse('2026-11-21T09:00:00.000Z'));
    expect(cursorOf(state({ heldCursorMs: 5 }), ['2026-11-21T09:00:00.000Z'], now)).toBe(5);
    expect(cursorOf(null, [], now)).toBeNull();
  });

  it('ignores an Updated a person set in the future in Notion, which would stop incremental pulls', () => {
    expect(cursorOf(state(), ['2026-11-21T09:00:00.000Z', '2030-01-01T00:00:00.000Z', 'not a date'], now)).toBe(Date.parse('2026-11-21T09:00:00.000Z'));
  });

  it('is held at the pre-run value while writes fail and released once they all succeed', () => {
    expect(heldCursorAfter(state(), 100, false)).toBe(100);
    expect(heldCursorAfter(state({ heldCursorMs: 50 }), 100, false)).toBe(50);
    expect(heldCursorAfter(state({ heldCursorMs: 50 }), 100, true)).toBeNull();
  });
});

describe('whether a run is a full one', () => {
  const now = new Date('2026-11-23T08:00:00Z');
  const decide = (s: SyncState | null, patch: { forced?: boolean; rulesHash?: string } = {}) =>
    decideFullSync(s, { forced: false, cursorMs: 1, rulesHash: 'x', now, fullEveryMs: 24 * 3_600_000, ...patch });

  it('a run soon after a finished full one is incremental', () => {
    expect(decide(state())).toEqual({ full: false, reason: 'incremental' });
  });

  it('the first run, --full, changed rules and a due reconciliation are full', () => {
    expect(decide(null).reason).toBe('first run');
    expect(decide(state(), { forced: true }).reason).toBe('asked for (--full)');
    expect(decide(state(), { rulesHash: 'y' }).reason).toBe('mappings or strategy changed');
    expect(decide(state({ lastFullAt: '2026-11-22T07:00:00.000Z' })).reason).toBe('periodic reconciliation due');
  });

  it('a full run that was killed part-way is repeated', () => {
    expect(decide(state({ fullPending: true }))).toEqual({ full: true, reason: 'the last full run did not finish' });
  });
});
