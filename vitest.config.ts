import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';

// @actions/workflow-parser ships source maps that name sources it does not ship; inlining it (below)
// makes Vite warn once per module. Load its modules without their source-map comment instead.
const workflowParserWithoutMaps: Plugin = {
  name: 'workflow-parser-without-source-maps',
  enforce: 'pre',
  load(id) {
    if (!/\/node_modules\/@actions\/workflow-parser\/.*\.js$/.test(id)) return null;
    return { code: readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, ''), map: null };
  },
};

export default defineConfig({
  plugins: [workflowParserWithoutMaps],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most test files wait on child processes (the bundled actions, git, tsc, buf) and loopback
    // servers, not the CPU: on the 2-core CI machine four forks take the suite from 5 min 36 s to 3 min 15 s.
    maxWorkers: 4,
    // every temporary file of the run under one directory, removed afterwards (test/setup/tmpdir.ts)
    globalSetup: ['test/setup/tmpdir.ts'],
    // GitHub asks for 1 s between writes; the loopback stand-in has no such limit (see src/github/client.ts).
    env: { SHIPKIT_GITHUB_WRITE_INTERVAL_MS: '0' },
    // Its ESM imports JSON without an import attribute (actions/languageservices#387): let Vite load it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
