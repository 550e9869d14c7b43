/**
 * Shares in percent, rounded to `decimals` places so that they add up to exactly
 * 100 (largest-remainder method): a dashboard whose rows sum to 99.9 % invites
 * the question nobody should have to ask. All zeros stay zeros.
 */
export function sharesOf(values: readonly number[], decimals = 1): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  if (total <= 0) return values.map(() => 0);
  const unit = 10 ** decimals;
  const exact = values.map((v) => (v / total) * 100 * unit);
  const floors = exact.map(Math.floor);
  let missing = 100 * unit - floors.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (missing <= 0) break;
    floors[i]! += 1;
    missing -= 1;
  }
  return floors.map((f) => f / unit);
}
