import { describe, expect, it } from 'vitest';
import { compileClassifier } from '../../src/core/classify.ts';
import { defaultMappings, epic } from '../helpers/epicFactory.ts';

const classify = compileClassifier(defaultMappings());

describe('classifying an epic by work type', () => {
  it.each([
    { labels: ['work-innovation'], type: 'Innovation', source: 'label', reason: 'label work-innovation → Innovation' },
    { labels: ['work-growth'], type: 'Growth', source: 'label', reason: 'label work-growth → Growth' },
    { labels: ['work-debt'], type: 'Debt & Evolution', source: 'label', reason: 'label work-debt → Debt & Evolution' },
    { labels: ['Work-Growth'], type: 'Growth', source: 'label', reason: 'label Work-Growth → Growth' },
    { labels: ['tech-debt'], type: 'Debt & Evolution', source: 'alias', reason: 'alias label tech-debt → Debt & Evolution' },
    { labels: ['Experiment'], type: 'Innovation', source: 'alias', reason: 'alias label Experiment → Innovation' },
  ])('an epic labelled $labels counts as $type', ({ labels, type, source, reason }) => {
    const result = classify(epic({ labels }));
    expect(result.workType.name).toBe(type);
    expect(result.source).toBe(source);
    expect(result.reason).toBe(reason);
    expect(result.conflicts).toEqual([]);
  });

  it('a convention label beats an alias label of another type', () => {
    const result = classify(epic({ labels: ['tech-debt', 'work-growth'] }));
    expect(result.workType.id).toBe('growth');
    expect(result.source).toBe('label');
  });

  it('two convention labels of different types: the first listed in mappings wins and the conflict is flagged', () => {
    const result = classify(epic({ labels: ['work-debt', 'work-innovation'] }));
    expect(result.workType.id).toBe('innovation');
    expect(result.conflicts.map((t) => t.id)).toEqual(['debt']);
    expect(result.reason).toContain('conflict: also Debt & Evolution');
  });

  it('an unlabelled epic is classified by a whole word in its summary', () => {
    const result = classify(epic({ summary: 'Migrate invoices to the new ledger' }));
    expect(result.workType.id).toBe('debt');
    expect(result.source).toBe('keyword');
    expect(result.reason).toBe('summary keyword "migrate" → Debt & Evolution');
  });

  it('a keyword inside a longer word does not match', () => {
    expect(classify(epic({ summary: 'Pilotage of the fleet' })).source).toBe('none');
  });

  it('anything else is Unclassified, with a reason', () => {
    const result = classify(epic({ labels: ['q3'], summary: 'Quarterly things' }));
    expect(result.workType.name).toBe('Unclassified');
    expect(result.source).toBe('none');
    expect(result.reason).toMatch(/no work label/);
  });

  it('a Work Type Override set in Notion wins over every label', () => {
    const result = classify(epic({ labels: ['work-debt'] }), 'Growth');
    expect(result.workType.id).toBe('growth');
    expect(result.source).toBe('override');
  });
});
