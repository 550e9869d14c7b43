import { describe, expect, it } from 'vitest';
import type { StrategyPage } from '#core/strategy.ts';
import { MAX_IMPACT_VIEWS, viewSpecs } from '#connectors/notion/views.ts';
import { defaultMappings } from '../../helpers/epicFactory.ts';

const impact = (i: number): StrategyPage => ({ id: `p${i}`, title: `Target ${i}`, layer: 'Impact', slug: `t${i}`, flow: null, keywords: [], url: '' });

describe('the views per target', () => {
  it('stop at 25 Impact targets, so a strategy database of thousands of pages does not become thousands of tabs', () => {
    const specs = viewSpecs({ workTypes: defaultMappings().workTypes, strategy: Array.from({ length: 40 }, (_, i) => impact(i)), period: '2026-W48' });
    const names = specs.filter((s) => s.name.startsWith('Impact · ')).map((s) => s.name);
    expect(MAX_IMPACT_VIEWS).toBe(25);
    expect(names).toHaveLength(25);
    expect(names[0]).toBe('Impact · Target 0');
  });
});
