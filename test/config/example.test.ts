import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '#config/loadConfig.ts';
import { configSchema } from '#config/schema.ts';

/** Every key the schema knows, as dotted paths, down to where values begin. */
function keysOf(shape: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(shape).flatMap(([key, value]) => {
    const path = `${prefix}${key}`;
    let inner = value as { def?: { innerType?: unknown; shape?: Record<string, unknown> }; shape?: Record<string, unknown> };
    while (inner?.def?.innerType) inner = inner.def.innerType as typeof inner;
    return inner?.shape && !['rateLimit', 'retry', 'strategyProperties', 'team', 'effortFallback'].includes(key) ? keysOf(inner.shape, `${path}.`) : [path];
  });
}

describe('config.example.json', () => {
  it('is a valid config with its targets adding up', async () => {
    const loaded = await loadConfig('config.example.json');
    expect(loaded.config.notion.dashboardPage).toBe('5f607182-93a4-b5c6-d7e8-f9012a3b4c5d');
  });

  it('shows every option the schema knows', () => {
    const example = JSON.parse(readFileSync('config.example.json', 'utf8')) as Record<string, Record<string, unknown>>;
    const present = (path: string) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], example) !== undefined;
    // jira.jql replaces the generated search; a missing mappings key means the bundled rules, which a fresh copy should use.
    const missing = keysOf(configSchema.shape).filter((k) => !present(k) && k !== 'jira.jql' && k !== 'mappings');
    expect(missing).toEqual([]);
  });
});
