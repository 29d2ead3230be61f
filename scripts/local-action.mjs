#!/usr/bin/env node
// `npm run local-action -- <action> [env-file]`: runs one action from its TypeScript source
// (src/entries/<action>.ts exports `run()`) through @github/local-action, GitHub's local runner for
// JavaScript actions, which reads actions/<action>/action.yml and stands in for @actions/core.
// Inputs (INPUT_<NAME>) and GITHUB_* variables come from env-file (default
// examples/local-action/<action>.env) and from nowhere else; the workspace is examples/ unless the
// file sets GITHUB_WORKSPACE. The job summary is printed at the end. The runner is too big for
// `npm ci` (330 MB): it is installed on first use into a cached directory (TOOLS in
// client-project.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { toolPath } from './client-project.mjs';

const root = resolve(import.meta.dirname, '..');
const [name, envArg] = process.argv.slice(2);
const entry = join(root, 'src/entries', `${name}.ts`);
if (!name || !existsSync(join(root, 'actions', name, 'action.yml')) || !existsSync(entry)) {
  console.error('usage: npm run local-action -- <action> [env-file]');
  console.error('  <action>: one of actions/*/ with an entry in src/entries/ (for example gate or config)');
  process.exit(2);
}
const envFile = resolve(envArg ?? join(root, 'examples/local-action', `${name}.env`));
if (!existsSync(envFile)) {
  console.error(`local-action: ${envFile} does not exist; write the action's INPUT_* variables there`);
  process.exit(2);
}

const main = toolPath('local-action');
const modules = main.slice(0, main.lastIndexOf('/@github/'));
const scratch = mkdtempSync(join(tmpdir(), 'shipkit-local-action-'));
const summary = join(scratch, 'summary.md');
writeFileSync(summary, '');
const result = spawnSync(
  process.execPath,
  [join(modules, 'tsx/dist/cli.mjs'), main, 'run', join(root, 'actions', name), entry, envFile],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      // The run sees only the env file's GITHUB_* and INPUT_* values, not those of a CI job around it.
      ...Object.fromEntries(
        Object.entries(process.env).filter(([key]) => !/^(GITHUB_|INPUT_|RUNNER_)/.test(key)),
      ),
      // What the package's own bin script sets before it starts the same command.
      TARGET_ACTION_PATH: join(root, 'actions', name),
      NODE_PACKAGE_MANAGER: 'npm',
      NODE_NO_WARNINGS: '1',
      GITHUB_WORKSPACE: join(root, 'examples'),
      GITHUB_STEP_SUMMARY: summary,
    },
  },
);
const text = readFileSync(summary, 'utf8');
if (text) console.log(`\n==> job summary\n${text}`);
rmSync(scratch, { recursive: true, force: true });
process.exit(result.status ?? 1);
