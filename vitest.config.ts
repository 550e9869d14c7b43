import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests talk HTTP through msw only; a request to anything unmocked is a bug.
    setupFiles: ['test/setup/msw.ts'],
    testTimeout: 20_000,
    pool: 'threads',
    // GitHub's workflow parser imports its schema JSON without an import attribute, which
    // only a bundler accepts: let Vite transform it instead of Node loading it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    // CI also keeps a machine-readable summary, from which .ci/run prints its closing line.
    reporters: process.env['CI'] ? ['default', ['json', { outputFile: '.vitest/results.json' }]] : ['default'],
  },
});
