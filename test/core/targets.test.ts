import { describe, expect, it } from 'vitest';
import { targetProblems } from '#core/targets.ts';
import { defaultMappings } from '../helpers/epicFactory.ts';

describe('target mixes', () => {
  const mappings = defaultMappings();

  it('the shipped targets add up to 100', () => {
    expect(targetProblems(mappings, {})).toEqual([]);
  });

  it('targets that do not add up are a config error naming the numbers', () => {
    const broken = { ...mappings, workTypes: mappings.workTypes.map((t) => (t.id === 'growth' ? { ...t, target: 40 } : t)) };
    expect(targetProblems(broken, {})).toEqual([expect.stringContaining('add up to 90%, not 100%')]);
  });

  it('a team target for an unknown work type is named', () => {
    expect(targetProblems(mappings, { PAY: { regulatory: 10, growth: 40 } })).toContain(
      'balance.teamTargets.PAY.regulatory: unknown work type "regulatory" (known: innovation, growth, debt)',
    );
  });

  it('a team override must still add up to 100 with the defaults', () => {
    expect(targetProblems(mappings, { PLAT: { debt: 60, growth: 20 } })).toEqual([]);
    expect(targetProblems(mappings, { PLAT: { debt: 60 } })).toEqual([expect.stringContaining("team PLAT's targets add up to 130%")]);
  });
});
