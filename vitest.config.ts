import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // every temporary file of the run under one directory, removed afterwards (test/setup/tmpdir.ts)
    globalSetup: ['test/setup/tmpdir.ts'],
    // GitHub asks for 1 s between writes; the loopback stand-in has no such limit (see src/github/client.ts).
    env: { SHIPKIT_GITHUB_WRITE_INTERVAL_MS: '0' },
    // Its ESM imports JSON without an import attribute (actions/languageservices#387): let Vite load it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
