/**
 * Runs `work` for each item with at most `window` of them under way at once.
 * Handing a scheduler every write of a large plan at once would build every
 * request body up front and keep it queued until its turn: for a 10,000-epic
 * first sync that is most of the run's memory. A window a little wider than
 * the scheduler's concurrency keeps it busy and the memory flat.
 */
export async function forEachWithin<T>(items: Iterable<T>, window: number, work: (item: T) => Promise<void>): Promise<void> {
  const iterator = items[Symbol.iterator]();
  const lane = async () => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) await work(next.value);
  };
  await Promise.all(Array.from({ length: Math.max(1, window) }, lane));
}
