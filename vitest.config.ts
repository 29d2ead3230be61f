import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Its ESM imports JSON without an import attribute (actions/languageservices#387): let Vite load it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
