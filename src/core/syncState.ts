import { createHash } from 'node:crypto';

/**
 * What one run leaves for the next, stored in Notion (never on local disk: cron
 * jobs often run on fresh machines). Written only when it changes, so a run
 * with nothing to do writes nothing.
 */
export interface SyncState {
  version: 1;
  /**
   * Every Jira change up to this moment (epoch ms) is in Notion. Only advanced
   * after a run whose writes all succeeded.
   */
  cursorMs: number | null;
  /** When the last full reconciliation finished (ISO). */
  lastFullAt: string | null;
  /** Fingerprint of the rules and strategy the rows were computed with; a change forces a full run. */
  rulesHash: string;
}

/** A stable fingerprint of anything JSON-serialisable. */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

export interface FullSyncDecision {
  full: boolean;
  reason: string;
}

/** Whether this run must reconcile everything, rather than pull only what changed. */
export function decideFullSync(
  state: SyncState | null,
  options: { forced: boolean; rulesHash: string; now: Date; fullEveryMs: number },
): FullSyncDecision {
  if (options.forced) return { full: true, reason: 'asked for (--full)' };
  if (!state || state.cursorMs === null) return { full: true, reason: 'first run' };
  if (state.rulesHash !== options.rulesHash) return { full: true, reason: 'mappings or strategy changed' };
  const last = state.lastFullAt ? Date.parse(state.lastFullAt) : NaN;
  if (Number.isNaN(last) || options.now.getTime() - last >= options.fullEveryMs) {
    return { full: true, reason: 'periodic reconciliation due' };
  }
  return { full: false, reason: 'incremental' };
}

/**
 * The cursor after a run: the newest Jira update seen, never moving backwards,
 * and not moving at all when any write failed (the failed epics must be pulled
 * again next time).
 */
export function nextCursor(previous: number | null, pulledUpdates: readonly string[], allWritesSucceeded: boolean): number | null {
  if (!allWritesSucceeded) return previous;
  const newest = pulledUpdates.reduce((max, iso) => Math.max(max, Date.parse(iso)), previous ?? 0);
  return newest > 0 ? newest : previous;
}
