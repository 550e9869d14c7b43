import { describe, expect, it } from 'vitest';
import { compileClassifier } from '#core/classify.ts';
import { mappingsSchema } from '#core/mappings.ts';
import { defaultMappings, epic } from '../helpers/epicFactory.ts';

const shipped = defaultMappings();
// The shipped rules plus the case study's own type, with component and issue-type rules.
const withRegulatory = mappingsSchema.parse({
  ...shipped,
  workTypes: [
    ...shipped.workTypes.map((t) => (t.id === 'debt' ? { ...t, issueTypes: ['Tech Debt Epic'], components: ['Platform'] } : t)),
    {
      id: 'regulatory',
      name: 'Regulatory',
      aliases: ['compliance'],
      components: ['Compliance'],
      fields: [{ field: 'customfield_10050', equals: 'Mandatory' }],
      keywords: ['KYC', 'AML', 'réglementation'],
    },
  ],
});
const classify = compileClassifier(withRegulatory);

describe('classifying an epic by work type, in order of precedence', () => {
  it.each([
    // 2. convention labels, any case
    { why: 'work-innovation', e: { labels: ['work-innovation'] }, type: 'Innovation', source: 'label', reason: 'label work-innovation → Innovation' },
    { why: 'work-growth', e: { labels: ['work-growth'] }, type: 'Growth', source: 'label', reason: 'label work-growth → Growth' },
    { why: 'work-debt', e: { labels: ['work-debt'] }, type: 'Debt & Evolution', source: 'label', reason: 'label work-debt → Debt & Evolution' },
    { why: 'odd case', e: { labels: ['Work-Growth'] }, type: 'Growth', source: 'label', reason: 'label Work-Growth → Growth' },
    { why: 'a type users added', e: { labels: ['work-regulatory'] }, type: 'Regulatory', source: 'label', reason: 'label work-regulatory → Regulatory' },
    // 3. alias labels
    { why: 'tech-debt', e: { labels: ['tech-debt'] }, type: 'Debt & Evolution', source: 'alias', reason: 'alias label tech-debt → Debt & Evolution' },
    { why: 'Experiment', e: { labels: ['Experiment'] }, type: 'Innovation', source: 'alias', reason: 'alias label Experiment → Innovation' },
    { why: 'retention', e: { labels: ['retention'] }, type: 'Growth', source: 'alias', reason: 'alias label retention → Growth' },
    { why: 'a user alias', e: { labels: ['compliance'] }, type: 'Regulatory', source: 'alias', reason: 'alias label compliance → Regulatory' },
    // 4. component and issue-type rules
    { why: 'component', e: { components: ['Compliance'] }, type: 'Regulatory', source: 'component', reason: 'component Compliance → Regulatory' },
    { why: 'issue type', e: { issueType: 'Tech Debt Epic' }, type: 'Debt & Evolution', source: 'component', reason: 'issue type Tech Debt Epic → Debt & Evolution' },
    { why: 'field rule', e: { fields: { customfield_10050: ['mandatory'] } }, type: 'Regulatory', source: 'component', reason: 'field customfield_10050 = mandatory → Regulatory' },
    { why: 'field rule on one of several values', e: { fields: { customfield_10050: ['Optional', 'Mandatory'] } }, type: 'Regulatory', source: 'component', reason: 'field customfield_10050 = Mandatory → Regulatory' },
    // 5. summary keywords: whole words, case and accents ignored
    { why: 'keyword', e: { summary: 'Migrate invoices to the new ledger' }, type: 'Debt & Evolution', source: 'keyword', reason: 'summary keyword "migrate" → Debt & Evolution' },
    { why: 'a phrase', e: { summary: 'A proof of concept for offline mode' }, type: 'Innovation', source: 'keyword', reason: 'summary keyword "proof of concept" → Innovation' },
    { why: 'upper case', e: { summary: 'KYC refresh for EU merchants' }, type: 'Regulatory', source: 'keyword', reason: 'summary keyword "KYC" → Regulatory' },
    { why: 'accents', e: { summary: 'Nouvelle REGLEMENTATION bancaire' }, type: 'Regulatory', source: 'keyword', reason: 'summary keyword "réglementation" → Regulatory' },
    { why: 'emoji and right-to-left text around a keyword', e: { summary: '🚀 نظام pricing جديد' }, type: 'Growth', source: 'keyword', reason: 'summary keyword "pricing" → Growth' },
    // 6. nothing matched
    { why: 'nothing', e: { labels: ['q3'], summary: 'Quarterly things' }, type: 'Unclassified', source: 'none', reason: 'no work label, alias, component or summary keyword matched' },
    { why: 'a keyword inside a longer word', e: { summary: 'Pilotage of the fleet' }, type: 'Unclassified', source: 'none', reason: 'no work label, alias, component or summary keyword matched' },
  ])('$why: $type by $source', ({ e, type, source, reason }) => {
    const result = classify(epic(e));
    expect({ type: result.workType.name, source: result.source, reason: result.reason, conflicts: result.conflicts }).toEqual({ type, source, reason, conflicts: [] });
  });

  it.each([
    { why: 'a convention label beats an alias', e: { labels: ['tech-debt', 'work-growth'] }, source: 'label', type: 'growth' },
    { why: 'an alias beats a component', e: { labels: ['spike'], components: ['Compliance'] }, source: 'alias', type: 'innovation' },
    { why: 'a component beats a keyword', e: { components: ['Platform'], summary: 'Pricing page' }, source: 'component', type: 'debt' },
    { why: 'a keyword beats nothing', e: { summary: 'Pricing page' }, source: 'keyword', type: 'growth' },
  ])('$why', ({ e, source, type }) => {
    expect(classify(epic(e))).toMatchObject({ source, workType: { id: type } });
  });

  it('two convention labels of different types: the type listed first in mappings wins, and the conflict is flagged', () => {
    const result = classify(epic({ labels: ['work-debt', 'work-innovation'] }));
    expect(result.workType.id).toBe('innovation');
    expect(result.conflicts.map((t) => t.id)).toEqual(['debt']);
    expect(result.reason).toBe('label work-innovation → Innovation (conflict: also Debt & Evolution; the type listed first in mappings wins)');
  });

  it('a Work Type Override set in Notion wins over every label, by name or id, any case', () => {
    expect(classify(epic({ labels: ['work-debt'] }), 'Growth')).toMatchObject({ source: 'override', workType: { id: 'growth' }, reason: 'Work Type Override set in Notion → Growth' });
    expect(classify(epic({ labels: ['work-debt'] }), 'regulatory')).toMatchObject({ source: 'override', workType: { id: 'regulatory' } });
  });

  it('an override naming no work type is ignored and reported, never silently', () => {
    const result = classify(epic({ labels: ['work-debt'] }), 'Regulatry');
    expect(result).toMatchObject({ source: 'label', workType: { id: 'debt' }, invalidOverride: 'Regulatry' });
    expect(result.reason).toContain('Work Type Override "Regulatry" names no work type: ignored');
  });

  it('a rule naming a work type twice, or the built-in Unclassified, is refused when the mappings load', () => {
    const bad = mappingsSchema.safeParse({ workTypes: [{ id: 'unclassified', name: 'X' }, { id: 'a', name: 'A, B' }] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['workTypes.0.id', 'workTypes.1.name']));
  });
});
