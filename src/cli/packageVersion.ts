import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'backbone-sync';

/**
 * The version in backbone-sync's own package.json, read at run time. It walks up
 * from this module rather than importing '../../package.json', so the same code
 * finds it from the checkout (src/cli/) and from a bundled file (dist/), and
 * skips any other package.json on the way (a dependency's, a workspace's).
 */
export function packageVersion(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    const found = readPackage(join(dir, 'package.json'));
    if (found?.name === PACKAGE_NAME && typeof found.version === 'string') return found.version;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json named ${PACKAGE_NAME} above ${fileURLToPath(from)}`);
    dir = parent;
  }
}

function readPackage(path: string): { name?: unknown; version?: unknown } | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown; version?: unknown };
  } catch {
    // Absent or unreadable: keep walking up.
    return null;
  }
}
