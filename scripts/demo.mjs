#!/usr/bin/env node
// `npm run demo`: runs shipkit over the bundled examples/ the way a user would, with the built
// CLI and the bundled action, and says where it wrote its outputs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(root, 'examples');
const out = join(root, '.shipkit-demo');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const written = [];
const shipkit = (args, options = {}) =>
  execFileSync(process.execPath, [join(root, 'dist/cli.js'), ...args], {
    cwd: examples,
    encoding: 'utf8',
    ...options,
  });

// 1. The CLI, on local files.
console.log('$ shipkit config validate   (in examples/)');
process.stdout.write(shipkit(['config', 'validate']));
writeFileSync(join(out, 'config.json'), shipkit(['config', 'validate', '--json']));
written.push(['resolved configuration (CLI)', 'config.json']);

// 2. The umbrella action, started the way GitHub's runner starts it.
const files = {
  GITHUB_OUTPUT: join(out, 'action-outputs.txt'),
  GITHUB_STEP_SUMMARY: join(out, 'job-summary.md'),
};
for (const f of Object.values(files)) writeFileSync(f, '');
console.log('\n$ node dist/action.js   (uses: shipkit/shipkit with command: config, in examples/)');
execFileSync(process.execPath, [join(root, 'dist/action.js')], {
  cwd: examples,
  stdio: 'inherit',
  env: {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: examples,
    INPUT_COMMAND: 'config',
    ...files,
  },
});
written.push(['job summary (action)', 'job-summary.md'], ['step outputs (action)', 'action-outputs.txt']);

console.log('\nshipkit wrote:');
for (const [what, file] of written) console.log(`  ${relative(process.cwd(), join(out, file))}  ${what}`);
const summary = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8');
console.log(`\nThe job summary begins:\n${summary.split('\n').slice(0, 6).join('\n')}\n…`);
