import { describe, expect, it } from 'vitest';
import { epicRowsDamage } from '#core/epicRowsDamage.ts';
import { mappingsSchema } from '#core/mappings.ts';
import { EPICS_TABLE } from '#core/tables/epicsTable.ts';
import { storedRows } from '../helpers/storedRows.ts';

const workTypes = mappingsSchema.parse({ workTypes: [{ id: 'growth', name: 'Growth' }] }).workTypes;
const row = (values: Record<string, string | null>) => ({ key: '1', values: { jiraKey: 'PAY-1', workType: 'Growth', statusCategory: 'In Progress', team: 'PAY', ...values } });

describe('Epics rows an incremental run cannot read the balance from', () => {
  it('rows as the engine wrote them, Unclassified included, are fine', () => {
    expect(epicRowsDamage(storedRows(EPICS_TABLE, [row({}), row({ workType: 'Unclassified' })]), [], workTypes)).toBeNull();
  });

  it.each([
    [{ workType: null }, 'PAY-1: Work Type is empty'],
    [{ workType: 'Growth (old)' }, 'PAY-1: Work Type "Growth (old)" names no work type'],
    [{ statusCategory: null }, 'PAY-1: Status Category is empty'],
    [{ team: null }, 'PAY-1: Team is empty'],
  ])('a row with %o is named', (values, said) => {
    expect(epicRowsDamage(storedRows(EPICS_TABLE, [row(values)]), [], workTypes)).toBe(`1 Epics row(s) lost values the balance reads (e.g. ${said})`);
  });

  it('a work type name Notion would cut at 100 characters is refused when the rules load, so its rows never read back as no work type', () => {
    expect(() => mappingsSchema.parse({ workTypes: [{ id: 'long', name: 'x'.repeat(101) }] })).toThrow(/at most 100 characters/);
  });
});
