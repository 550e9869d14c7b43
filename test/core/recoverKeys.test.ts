import { describe, expect, it } from 'vitest';
import { recoverKeys } from '#core/recoverKeys.ts';
import { EPICS_TABLE } from '#core/tables/epicsTable.ts';
import { storedRows } from '../helpers/storedRows.ts';

const epic = (key: string, jiraKey: string) => ({ key, values: { jiraKey, jiraUrl: `https://acme.atlassian.net/browse/${jiraKey}` } });

describe('rows that lost their key', () => {
  it('get the key of the epic with their Jira Key, else their Jira URL; the rest stay unmatched', () => {
    const rows = storedRows(EPICS_TABLE, [
      { key: '', values: { jiraKey: 'PAY-1' } },
      { key: '', values: { jiraUrl: 'https://acme.atlassian.net/browse/PAY-2' } },
      { key: '', values: { jiraKey: 'PAY-9' } },
      { key: '10003', values: { jiraKey: 'PAY-3' } },
    ]);
    const { rows: recovered, unmatched } = recoverKeys(EPICS_TABLE, rows, [epic('10001', 'PAY-1'), epic('10002', 'PAY-2'), epic('10003', 'PAY-3')]);
    expect(recovered.map((r) => r.key)).toEqual(['10001', '10002', '', '10003']);
    expect(unmatched.map((r) => r.values.jiraKey)).toEqual(['PAY-9']);
  });

  it('a Jira Key two epics share identifies neither', () => {
    const rows = storedRows(EPICS_TABLE, [{ key: '', values: { jiraKey: 'PAY-1' } }]);
    expect(recoverKeys(EPICS_TABLE, rows, [epic('10001', 'PAY-1'), epic('10002', 'PAY-1')]).unmatched).toHaveLength(1);
  });
});
