import { createHash } from 'node:crypto';

/**
 * What one run leaves for the next, stored in Notion (never on local disk: cron
 * jobs often run on fresh machines). Written only when it changes, so a run
 * with nothing to do writes nothing, and a run that only updates rows writes
 * only those rows.
 */
export interface SyncState {
  version: 2;
  /**
   * Set only after a run in which some write failed: the cursor as it was
   * before that run, so the failed epics are pulled again. Cleared by the next
   * run whose writes all succeed. Otherwise the cursor is derived from the rows.
   */
  heldCursorMs: number | null;
  /** When the last full reconciliation finished (ISO). */
  lastFullAt: string | null;
  /**
   * Set before a full run writes its first row and cleared when it finishes:
   * a full run that was killed part-way is repeated, since its writes are not
   * ordered by Jira update time and the derived cursor could skip some.
   */
  fullPending: boolean;
  /** Fingerprint of the rules and strategy the rows were computed with; a change forces a full run. */
  rulesHash: string;
  /**
   * Fingerprint of the views and property styles last put on the databases
   * (ports.ts `Charts`): they are made again only when it changes, so a run
   * with nothing new spends no request on them.
   */
  presentationHash: string;
}

/**
 * Where an incremental pull continues: every Jira change up to this moment is
 * in Notion. It is the newest `Updated` on the Epics rows (each row carries its
 * epic's last Jira update, written only when that write succeeded), unless a
 * failed run held it back. A value later than `latestPlausibleMs` (now, plus
 * room for clock skew) cannot be a Jira update time: someone typed it into
 * Notion, and trusting it would stop incremental pulls until the next full run.
 */
export function cursorOf(state: SyncState | null, rowUpdates: readonly (string | null)[], latestPlausibleMs: number): number | null {
  if (state?.heldCursorMs != null) return state.heldCursorMs;
  let newest = 0;
  for (const iso of rowUpdates) {
    const t = iso ? Date.parse(iso) : NaN;
    if (t > newest && t <= latestPlausibleMs) newest = t;
  }
  return newest > 0 ? newest : null;
}

/** The held cursor after a run: kept at the pre-run cursor while any write fails, cleared once all succeed. */
export function heldCursorAfter(state: SyncState | null, cursorBefore: number | null, allWritesSucceeded: boolean): number | null {
  if (allWritesSucceeded) return null;
  return state?.heldCursorMs ?? cursorBefore ?? 0;
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
  options: { forced: boolean; cursorMs: number | null; rulesHash: string; now: Date; fullEveryMs: number },
): FullSyncDecision {
  if (options.forced) return { full: true, reason: 'asked for (--full)' };
  if (!state || options.cursorMs === null) return { full: true, reason: 'first run' };
  if (state.fullPending) return { full: true, reason: 'the last full run did not finish' };
  if (state.rulesHash !== options.rulesHash) return { full: true, reason: 'mappings or strategy changed' };
  const last = state.lastFullAt ? Date.parse(state.lastFullAt) : NaN;
  if (Number.isNaN(last) || options.now.getTime() - last >= options.fullEveryMs) {
    return { full: true, reason: 'periodic reconciliation due' };
  }
  return { full: false, reason: 'incremental' };
}
