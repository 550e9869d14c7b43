import { describe, expect, it } from 'vitest';
import { compileStrategyMapper } from '#core/mapStrategy.ts';
import type { StrategyPage } from '#core/strategy.ts';
import { toSlug } from '#core/strategy.ts';
import { defaultMappings, epic } from '../helpers/epicFactory.ts';

const page = (id: string, title: string, layer: 'Impact' | 'Usage', keywords: string[] = [], slug = toSlug(title)): StrategyPage => ({
  id,
  title,
  layer,
  slug,
  flow: layer === 'Usage' ? 'Activation' : null,
  keywords,
  url: `https://www.notion.so/${id}`,
});
const pages = [
  page('11111111-1111-4111-8111-111111111111', 'Win mid-market retailers', 'Impact', ['multi-store'], 'mid-market'),
  page('22222222-2222-4222-8222-222222222222', 'Compliance without friction', 'Impact', ['kyc']),
  page('33333333-3333-4333-8333-333333333333', 'First payment in a day', 'Usage', ['onboarding']),
];
const map = compileStrategyMapper(pages, defaultMappings());

describe('mapping an epic to the strategy it serves', () => {
  it('impact-<slug> and usage-<slug> labels link to the pages, with the reason', () => {
    const links = map(epic({ labels: ['impact-mid-market', 'Usage-First-Payment-In-A-Day'] }));
    expect(links.impact.map((p) => p.title)).toEqual(['Win mid-market retailers']);
    expect(links.usage.map((p) => p.title)).toEqual(['First payment in a day']);
    expect(links.reasons).toEqual(['label impact-mid-market → Win mid-market retailers', 'label Usage-First-Payment-In-A-Day → First payment in a day']);
  });

  it('a page without a Slug is reached by its title in kebab-case', () => {
    expect(map(epic({ labels: ['impact-compliance-without-friction'] })).impact).toHaveLength(1);
  });

  it('a Notion link in the description links the page', () => {
    const links = map(epic({ notionLinks: ['33333333-3333-4333-8333-333333333333'] }));
    expect(links.usage.map((p) => p.title)).toEqual(['First payment in a day']);
    expect(links.reasons).toEqual(['Notion link in the description → First payment in a day']);
  });

  it('unknown slugs are reported by name, not dropped', () => {
    expect(map(epic({ labels: ['impact-world-domination'] })).unknownLabels).toEqual(['impact-world-domination']);
  });

  it('page keywords only count for a layer that labels and links left empty', () => {
    const guessed = map(epic({ summary: 'Multi-store onboarding', labels: ['impact-compliance-without-friction'] }));
    expect(guessed.impact.map((p) => p.title)).toEqual(['Compliance without friction']);
    expect(guessed.usage.map((p) => p.title)).toEqual(['First payment in a day']);
    expect(guessed.reasons).toContain('summary keyword "onboarding" → First payment in a day');
  });

  it('an epic with no link is an orphan on both layers', () => {
    const links = map(epic({ summary: 'Something else' }));
    expect([links.impact, links.usage]).toEqual([[], []]);
  });
});
