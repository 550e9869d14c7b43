import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Who may depend on whom, read from the imports themselves (README:
 * "Architecture"). The core is pure; connectors serve the engine's ports and
 * never reach up into the CLI; only the CLI wires connectors in; the sandbox is
 * for tests, scripts and benchmarks only.
 */
const AREAS = ['src/core', 'src/engine', 'src/cli', 'src/config', 'src/report', 'src/log', 'connectors', 'sandbox', 'test', 'scripts', 'bench', 'bin'];
const aliases = (JSON.parse(readFileSync('package.json', 'utf8')) as { imports: Record<string, string> }).imports;

interface Import {
  from: string;
  specifier: string;
  /** The repository path it resolves to, or null for a package. */
  target: string | null;
}

const areaOf = (path: string) => AREAS.find((a) => path === a || path.startsWith(`${a}/`)) ?? '(root)';

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)].map(
    (m) => m[1] ?? m[2] ?? m[3]!,
  );
  return specifiers.map((specifier) => {
    if (specifier.startsWith('.')) return { from: file, specifier, target: normalize(join(dirname(file), specifier)) };
    const alias = Object.entries(aliases).find(([pattern]) => specifier.startsWith(pattern.replace('*', '')));
    if (alias) return { from: file, specifier, target: normalize(alias[1].replace('*', specifier.slice(alias[0].length - 1))) };
    return { from: file, specifier, target: null };
  });
}

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.js'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !f.startsWith('node_modules/') && !f.startsWith('dist/'));
const imports = files.flatMap(importsOf);
const describeImport = (i: Import) => `${i.from} imports ${i.specifier}`;

describe('the layers', () => {
  it('finds the imports it checks', () => {
    expect(imports.filter((i) => i.from.startsWith('src/core/')).length).toBeGreaterThan(20);
    expect(imports.some((i) => i.from.startsWith('src/cli/') && i.target?.startsWith('connectors/'))).toBe(true);
  });

  it('keeps the core pure: src/core imports only src/core, zod and node built-ins', () => {
    const builtins = new Set(builtinModules);
    const outside = imports.filter(
      (i) =>
        areaOf(i.from) === 'src/core' &&
        (i.target ? areaOf(i.target) !== 'src/core' : i.specifier !== 'zod' && !i.specifier.startsWith('node:') && !builtins.has(i.specifier)),
    );
    expect(outside.map(describeImport)).toEqual([]);
  });

  it('keeps connectors below the CLI: no connector imports src/cli, src/report or src/config', () => {
    const upward = imports.filter((i) => areaOf(i.from) === 'connectors' && i.target && ['src/cli', 'src/report', 'src/config'].includes(areaOf(i.target)));
    expect(upward.map(describeImport)).toEqual([]);
  });

  it('lets only the CLI (and tests, scripts, benchmarks) wire connectors in', () => {
    const allowed = new Set(['src/cli', 'connectors', 'test', 'scripts', 'bench']);
    const wiring = imports.filter((i) => i.target && areaOf(i.target) === 'connectors' && !allowed.has(areaOf(i.from)));
    expect(wiring.map(describeImport)).toEqual([]);
  });

  it('keeps the sandbox out of the product: only tests, scripts and benchmarks import it', () => {
    const allowed = new Set(['sandbox', 'test', 'scripts', 'bench']);
    const leaks = imports.filter((i) => i.target && areaOf(i.target) === 'sandbox' && !allowed.has(areaOf(i.from)));
    expect(leaks.map(describeImport)).toEqual([]);
  });

  it('crosses product areas through the #aliases, never through ../ chains', () => {
    // Scripts and benchmarks are not product code and have no alias; a test may reach them relatively.
    const product = (path: string) => !['scripts', 'bench'].includes(areaOf(path));
    const chains = imports.filter((i) => i.specifier.startsWith('.') && i.target && product(i.target) && areaOf(i.target) !== areaOf(i.from));
    expect(chains.map((i) => `${describeImport(i)} (use #${relative('.', areaOf(i.target!)).replace('src/', '')}/...)`)).toEqual([]);
  });
});
