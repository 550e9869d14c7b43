import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_MAPPINGS_PATH } from '#config/loadConfig.ts';
import { sandboxHarness } from '../helpers/sandboxSync.ts';

/** The `classification rules from …` line every command logs once its config is loaded. */
function rulesLine(stdout: string): { msg: string; mappings: string; bundled: boolean } | undefined {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg: string; mappings: string; bundled: boolean })
    .find((entry) => entry.msg.startsWith('classification rules from'));
}

describe('which classification rules a command runs with', () => {
  it('a config that names no mappings folder runs on the rules bundled with the package, and says so', async () => {
    // A config mounted alone, as in a container's /config: nothing beside it.
    const h = sandboxHarness({ epics: 6, config: (c) => ({ ...c, mappings: undefined }) });
    expect(readFileSync(h.configPath, 'utf8')).not.toContain('"mappings"');
    const result = await h.run(['sync', '--dry-run']);
    expect(result.code).toBe(0);
    expect(rulesLine(result.stdout)).toMatchObject({ mappings: BUNDLED_MAPPINGS_PATH, bundled: true });
    expect(BUNDLED_MAPPINGS_PATH).toBe(join(process.cwd(), 'mappings', 'work-types.json'));
  });

  it('a config that names a mappings folder runs on the rules in it, and logs their path', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'backbone-rules-'));
    writeFileSync(join(folder, 'work-types.json'), readFileSync(BUNDLED_MAPPINGS_PATH));
    const h = sandboxHarness({ epics: 6, config: (c) => ({ ...c, mappings: folder }) });
    for (const command of [['sync', '--dry-run'], ['lint']]) {
      const result = await h.run(command);
      expect(rulesLine(result.stdout), command.join(' ')).toMatchObject({ mappings: join(folder, 'work-types.json'), bundled: false });
    }
  });

  it('a named mappings folder without work-types.json is a config error naming the file', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'backbone-rules-')), 'mappings');
    mkdirSync(folder);
    const h = sandboxHarness({ epics: 6, config: (c) => ({ ...c, mappings: folder }) });
    const result = await h.run(['sync', '--dry-run']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(folder, 'work-types.json')}: file not found.`);
    expect(result.stderr).toContain('remove the key to use the bundled rules');
    expect(h.world.notion.requestLog).toEqual([]);
  });
});
