import { describe, expect, it } from 'vitest';
import { defaultBalanceConfig } from '#config/schema.ts';
import { unclassifiedShareOf, unclassifiedWarning } from '#core/unclassified.ts';

const policy = defaultBalanceConfig();
const cells = [
  { workType: 'Growth', pointShare: 70, epicShare: 88 },
  { workType: 'Unclassified', pointShare: 30, epicShare: 12 },
];

describe('the unclassified warning', () => {
  it('is off by default up to 10% of unclassified work', () => {
    expect(policy.unclassifiedWarningPercent).toBe(10);
    expect(unclassifiedWarning(10, policy)).toBeNull();
  });

  it('says the mix cannot be trusted above the configured level, naming the setting', () => {
    expect(unclassifiedWarning(17.4, policy)).toBe(
      '17% of points are unclassified, above the 10% warning level (balance.unclassifiedWarningPercent): the mix cannot be trusted until they are classified.',
    );
    expect(unclassifiedWarning(17.4, { ...policy, unclassifiedWarningPercent: 20 })).toBeNull();
  });

  it('reads the unclassified share on the drift basis', () => {
    expect(unclassifiedShareOf(cells, policy)).toBe(30);
    expect(unclassifiedShareOf(cells, { driftBasis: 'epics' })).toBe(12);
    expect(unclassifiedWarning(unclassifiedShareOf(cells, { driftBasis: 'epics' }), { driftBasis: 'epics', unclassifiedWarningPercent: 10 })).toContain('12% of epics');
  });
});
