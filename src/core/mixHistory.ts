/**
 * What moved the mix since the previous period needs each epic's state at the
 * start of this period. Rather than a copy of every row per period (a write per
 * epic each period), each Epics row keeps a mark that changes only when the
 * epic's state does, so it rides along in the write that change causes anyway:
 * the period its state last changed in (`mixChangedIn`) and its state at the
 * start of that period (`mixBefore`). An epic whose mark names this period
 * moved in it, from `mixBefore` to its state now.
 */

/** The state of an epic the engine had no row for: it entered the portfolio with this period. */
export const MIX_NEW = 'New';
/** The state of an epic that does not count towards the balance (balancePolicy.ts `counts`). */
export const MIX_NOT_COUNTED = 'Not counted';

/** What an epic counts as in the mix: its work type while it counts, else Not counted. */
export function mixStateOf(workType: string, counts: boolean): string {
  return counts ? workType : MIX_NOT_COUNTED;
}

export interface MixMark {
  /** The epic's state at the start of the period named by `mixChangedIn`. */
  mixBefore: string | null;
  /** The period in which the epic's state last changed. */
  mixChangedIn: string | null;
}

/** What a row held before this run: its state's parts and its mark. */
export interface StoredMix extends MixMark {
  workType: string | null;
  /** Null on a row written before Counts existed: its earlier state is unknown, so no move is claimed. */
  counts: boolean | null;
}

/** The mark an epic's row should carry after this run, given what its row held (nothing, for a new epic). */
export function mixMarkAfter(stored: StoredMix | undefined, stateNow: string, period: string): MixMark {
  if (!stored) return { mixBefore: MIX_NEW, mixChangedIn: period };
  // The stored mark itself, not a copy: at 100k epics, most rows keep theirs.
  const kept: MixMark = stored;
  if (stored.counts === null || stored.workType === null) return kept;
  const stateBefore = mixStateOf(stored.workType, stored.counts);
  if (stateBefore === stateNow) return kept;
  // A second change within the period keeps the state the period started with.
  if (stored.mixChangedIn === period) return kept;
  return { mixBefore: stateBefore, mixChangedIn: period };
}
