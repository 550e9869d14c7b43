import type { Mappings } from './mappings.ts';

const close = (a: number, b: number) => Math.abs(a - b) < 0.05;

/**
 * Target mixes that cannot be met are config errors: shares that do not add up
 * to 100, or a per-team target for a work type that does not exist. One line
 * per problem, naming where it is.
 */
export function targetProblems(mappings: Mappings, teamTargets: Readonly<Record<string, Readonly<Record<string, number>>>>): string[] {
  const problems: string[] = [];
  const ids = mappings.workTypes.map((t) => t.id);
  const base = Object.fromEntries(mappings.workTypes.flatMap((t) => (t.target === undefined ? [] : [[t.id, t.target]])));
  const sum = (targets: Record<string, number>) => Object.values(targets).reduce((a, b) => a + b, 0);
  if (Object.keys(base).length > 0 && !close(sum(base), 100)) {
    problems.push(`workTypes[].target: the targets add up to ${sum(base)}%, not 100% (${Object.entries(base).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  }
  for (const [team, targets] of Object.entries(teamTargets)) {
    for (const id of Object.keys(targets)) {
      if (!ids.includes(id)) problems.push(`balance.teamTargets.${team}.${id}: unknown work type "${id}" (known: ${ids.join(', ')})`);
    }
    const effective = { ...base, ...targets };
    if (!close(sum(effective), 100)) {
      problems.push(`balance.teamTargets.${team}: with the defaults, team ${team}'s targets add up to ${sum(effective)}%, not 100%`);
    }
  }
  return problems;
}
