import { describe, expect, it } from 'vitest';
import type { ClassifiedEpic } from '#core/classifiedEpic.ts';
import { compileClassifier } from '#core/classify.ts';
import { inferredLabels, lintEpics } from '#core/lint.ts';
import { compileStrategyMapper } from '#core/mapStrategy.ts';
import type { StrategyPage } from '#core/strategy.ts';
import { defaultMappings, epic } from '../helpers/epicFactory.ts';

const mappings = defaultMappings();
const strategy: StrategyPage[] = [
  { id: 'a', title: 'Win mid-market', layer: 'Impact', slug: 'mid-market', flow: null, keywords: [], url: '' },
  { id: 'b', title: 'First payment', layer: 'Usage', slug: 'first-payment', flow: 'Activation', keywords: [], url: '' },
];
const classify = compileClassifier(mappings);
const map = compileStrategyMapper(strategy, mappings);
const classified = (e: ReturnType<typeof epic>, override: string | null = null): ClassifiedEpic => ({ epic: e, classification: classify(e, override), links: map(e) });
const linked = ['impact-mid-market', 'usage-first-payment'];

describe('lint: the epics that break the label conventions, with a fix for each', () => {
  it('an epic that follows the conventions has no findings', () => {
    expect(lintEpics([classified(epic({ labels: ['work-growth', ...linked] }))], mappings, strategy)).toEqual([]);
  });

  it.each([
    { labels: ['tech-debt', ...linked], kind: 'no-work-label', problem: 'no work label; inferred Debt & Evolution from alias label tech-debt', fix: 'add label work-debt (or run lint --apply-labels)' },
    { labels: [...linked], kind: 'no-work-label', problem: 'no work label, and nothing to infer a work type from', fix: 'add one of work-innovation, work-growth, work-debt' },
    { labels: ['work-growth', 'work-debt', ...linked], kind: 'conflicting-labels', problem: 'labels work-growth and work-debt disagree (counted as Growth)', fix: 'keep one work label: remove work-debt or work-growth' },
    { labels: ['work-growth', 'impact-mid-markt', 'usage-first-payment'], kind: 'unknown-slug', problem: 'label impact-mid-markt names no strategy page', fix: 'did you mean impact-mid-market?' },
    { labels: ['work-growth', 'usage-first-payment'], kind: 'no-impact', problem: 'serves no Impact target (orphan)', fix: 'add an impact-<slug> label or link the Impact page in the description' },
    { labels: ['work-growth', 'impact-mid-market'], kind: 'no-usage', problem: 'serves no Usage target (orphan)', fix: 'add a usage-<slug> label or link the Usage page in the description' },
  ])('$kind: $problem', ({ labels, kind, problem, fix }) => {
    const findings = lintEpics([classified(epic({ labels }))], mappings, strategy).filter((f) => f.kind === kind);
    expect(findings).toEqual([expect.objectContaining({ problem, fix })]);
  });

  it('a bad Work Type Override is a finding', () => {
    const findings = lintEpics([classified(epic({ labels: ['work-growth', ...linked] }), 'Growht')], mappings, strategy);
    expect(findings).toEqual([expect.objectContaining({ kind: 'invalid-override', fix: 'set it to one of: Innovation, Growth, Debt & Evolution, or clear it' })]);
  });

  it('findings are sorted by team, then key', () => {
    const findings = lintEpics(
      [classified(epic({ team: 'PLAT', key: 'PLAT-2' })), classified(epic({ team: 'PAY', key: 'PAY-10' })), classified(epic({ team: 'PAY', key: 'PAY-9' }))],
      mappings,
      strategy,
    );
    expect([...new Set(findings.map((f) => f.key))]).toEqual(['PAY-9', 'PAY-10', 'PLAT-2']);
  });

  it('--apply-labels targets only epics classified by alias, component or keyword', () => {
    const epics = [
      classified(epic({ key: 'A-1', labels: ['spike'] })),
      classified(epic({ key: 'A-2', summary: 'Migrate the ledger' })),
      classified(epic({ key: 'A-3', labels: ['work-growth'] })),
      classified(epic({ key: 'A-4', summary: 'Nothing to go on' })),
    ];
    expect(inferredLabels(epics, mappings).map((l) => [l.key, l.label])).toEqual([
      ['A-1', 'work-innovation'],
      ['A-2', 'work-debt'],
    ]);
  });
});
