import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireRunLock } from '#cli/runLock.ts';

describe('the run lock', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'backbone-lock-'));

  it('a second run against the same Notion pages exits with code 5 and says why', () => {
    const d = dir();
    const first = acquireRunLock('notion|page-a', d);
    // The holder must look alive and not be us: pid 1 always exists.
    writeFileSync(first.path, JSON.stringify({ pid: 1, startedAt: '2026-11-23T06:00:00Z' }));
    expect(() => acquireRunLock('notion|page-a', d)).toThrow(expect.objectContaining({ kind: 'locked', message: expect.stringContaining('pid 1') }));
    first.release();
    acquireRunLock('notion|page-a', d).release();
  });

  it('runs against different pages do not block each other', () => {
    const d = dir();
    const a = acquireRunLock('notion|page-a', d);
    const b = acquireRunLock('notion|page-b', d);
    a.release();
    b.release();
  });

  it('a lock left by a process that died is taken over', () => {
    const d = dir();
    const stale = acquireRunLock('notion|page-a', d);
    writeFileSync(stale.path, JSON.stringify({ pid: 2 ** 22 + 12345 }));
    const next = acquireRunLock('notion|page-a', d);
    next.release();
  });
});
