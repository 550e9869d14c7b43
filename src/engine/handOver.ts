/**
 * Hands its value to the first caller and forgets it. The writes take far
 * longer than reading and deciding them; an async function keeps even its dead
 * locals alive across every await, so what is handed over this way is held
 * only by the code that uses it, not by the run for its whole length.
 */
export function handOver<T>(value: T): () => T {
  let held: T | undefined = value;
  return () => {
    if (held === undefined) throw new Error('handed over twice');
    const given = held;
    held = undefined;
    return given;
  };
}
