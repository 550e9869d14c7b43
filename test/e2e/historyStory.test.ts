import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { balanceRows } from '../helpers/historyWorld.ts';
import { sandboxHarness } from '../helpers/sandboxSync.ts';

const NOW = new Date('2026-11-23T08:00:00Z');

describe('the sample company on its first run', () => {
  it('shows a quarter of weekly trend: Platform drifting from Growth into Debt, Mobile catching up on Growth; the report says the past was rebuilt', async () => {
    const h = sandboxHarness({ epics: 150, config: (c) => ({ ...c, balance: { backfillPeriods: 12 } }) });
    const result = await h.run(['sync', '--table'], NOW);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Scope .* Points +Point % +Days +Time %/);

    const rows = balanceRows(h);
    const periods = [...new Set(rows.map((r) => String(r['Period'])))].sort();
    expect(periods).toHaveLength(13);
    const share = (scope: string, workType: string, period: string) => (rows.find((r) => r['Scope Name'] === scope && r['Work Type'] === workType && r['Period'] === period)?.['Point Share'] as number) * 100;
    const [first, last] = [periods[0]!, periods.at(-1)!];
    expect(share('PLAT', 'Growth', first) - share('PLAT', 'Growth', last)).toBeGreaterThan(30);
    expect(share('PLAT', 'Debt & Evolution', last) - share('PLAT', 'Debt & Evolution', first)).toBeGreaterThan(30);
    expect(share('MOB', 'Unclassified', first) - share('MOB', 'Unclassified', last)).toBeGreaterThan(10);
    expect(share('Portfolio', 'Debt & Evolution', last)).toBeGreaterThan(share('Portfolio', 'Debt & Evolution', first));

    const html = join(mkdtempSync(join(tmpdir(), 'backbone-report-')), 'report.html');
    expect((await h.run(['report', '--html', html], NOW)).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain(`12 periods (${first} to ${periods.at(-2)}) were rebuilt from Jira's changelog`);
    expect(page).toContain('classified with the rules of the day they were rebuilt');
    expect(page).toMatch(/<h2>Epics, points and time in progress<\/h2>/);
  });
});
