// One collator for every sort: `localeCompare` with options builds a new ICU
// collator on each call, which at 20,000 epics took most of a second and left
// some 50 MB of freed native memory in the process's RSS.
const naturalOrder = new Intl.Collator(undefined, { numeric: true });

/** By team, then by Jira key in natural order (PAY-9 before PAY-10): how every list of epics for people is ordered. */
export function byTeamThenKey(a: { team: string; key: string }, b: { team: string; key: string }): number {
  return a.team.localeCompare(b.team) || naturalOrder.compare(a.key, b.key);
}
