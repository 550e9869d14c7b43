import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from '#config/schema.ts';
import { mappingsSchema } from '#core/mappings.ts';

/** The rows of the README table under `heading`: key path and the default column, as written. */
function readmeDefaults(heading: string): { key: string; written: string }[] {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf(heading));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| key |')));
  return table
    .split('\n')
    .filter((line) => /^\| `[^`]+` \|/.test(line))
    .map((line) => {
      const cells = line.split(' | ');
      return { key: cells[0]!.replace(/^\| `|`$/g, ''), written: cells[2]!.trim() };
    });
}

/** What a default cell says, as a value: a JSON literal, a bare word, or `{a, b}` / `a`, `b` listing an object's values in order. */
function meaning(written: string): { value: unknown } | { none: true } {
  const literals = [...written.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  if (literals.length === 0) return { none: true };
  const one = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  };
  if (literals.length > 1) return { value: literals.map(one) };
  const braces = /^\{([^":]+)\}$/.exec(literals[0]!);
  if (braces) return { value: braces[1]!.split(',').map((v) => one(v.trim())) };
  return { value: one(literals[0]!) };
}

function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k.replace('[]', '')], value);
}

function check(rows: { key: string; written: string }[], parsed: unknown, arrayRoot?: string) {
  expect(rows.length).toBeGreaterThan(5);
  for (const { key, written } of rows) {
    const path = arrayRoot && key.startsWith(`${arrayRoot}[].`) ? key.replace(`${arrayRoot}[]`, `${arrayRoot}.0`) : key;
    const actual = at(parsed, path);
    const said = meaning(written);
    if ('none' in said) {
      expect(actual, `${key}: the README says "${written}", so the schema must not invent a default`).toBeUndefined();
      continue;
    }
    const comparable = Array.isArray(said.value) && actual && typeof actual === 'object' && !Array.isArray(actual) ? Object.values(actual) : actual;
    expect(comparable, `${key}: README says ${written}`).toEqual(said.value);
  }
}

describe('the defaults the README states', () => {
  it('are the config schema\'s defaults, key by key', () => {
    const minimal = {
      jira: { host: 'https://acme.atlassian.net', projects: ['PAY'] },
      notion: { strategyDatabase: '0123456789abcdef0123456789abcdef', parentPage: 'fedcba9876543210fedcba9876543210' },
    };
    const parsed = configSchema.parse(minimal) as Record<string, unknown>;
    // Required keys are the minimal config's own; every other row is a default.
    const rows = readmeDefaults('## Configuration reference').filter(({ written }) => written !== 'required');
    check(rows, parsed);
  });

  it('are the mappings schema\'s defaults, key by key', () => {
    const parsed = mappingsSchema.parse({ workTypes: [{ id: 'growth', name: 'Growth' }] });
    const rows = readmeDefaults('### The mappings file').filter(({ written }) => written !== 'required');
    check(rows, parsed, 'workTypes');
  });
});
