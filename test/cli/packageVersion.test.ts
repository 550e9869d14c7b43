import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageVersion } from '#cli/packageVersion.ts';

describe('the version --version prints', () => {
  it('is found from a bundled file in dist/, next to its package.json', () => {
    const root = mkdtempSync(join(tmpdir(), 'backbone-dist-'));
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'backbone-sync', version: '9.8.7' }));
    expect(packageVersion(pathToFileURL(join(root, 'dist', 'cli.js')).href)).toBe('9.8.7');
  });

  it("skips another package's package.json on the way up", () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(packageVersion(pathToFileURL(resolve('node_modules/commander/lib/command.js')).href)).toBe(version);
  });
});
