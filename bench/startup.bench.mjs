import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, cleanup, measureNode, row } from './measure.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dirSize = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .reduce((n, d) => n + statSync(join(d.parentPath, d.name)).size, 0);

// The alternative: a monolithic bundle of the same action (runtime, config command, GitHub client).
const alt = mkdtempSync(join(root, '.bench-static-'));
writeFileSync(
  join(alt, 'entry.ts'),
  [
    "import '../src/github/client.js';",
    "import { runActionCommand } from '../src/actions/runtime.js';",
    "import { run } from '../src/actions/config.js';",
    'await runActionCommand(run);',
  ].join('\n'),
);
const monolithic = bundle(join(alt, 'entry.ts'), join(alt, 'out'));

const work = mkdtempSync(join(tmpdir(), 'shipkit-startup-'));
const summary = join(work, 'summary');
const output = join(work, 'output');
writeFileSync(summary, '');
writeFileSync(output, '');
const env = {
  GITHUB_ACTIONS: 'true',
  GITHUB_WORKSPACE: join(root, 'examples'),
  GITHUB_STEP_SUMMARY: summary,
  GITHUB_OUTPUT: output,
  'INPUT_CONFIG-FILE': '',
  INPUT_COMMENT: 'false',
};
const cwd = join(root, 'examples');
try {
  const bare = measureNode(['-e', '0']);
  const ours = measureNode([join(root, 'dist/config.js')], { env, cwd });
  const mono = measureNode([monolithic], { env, cwd });
  console.log(
    'start-up and run of the config action on examples/ (median of 20, Node',
    `${process.version})`,
  );
  row('bare node -e 0', bare.ms, 'ms');
  row('shipkit actions/config (split bundle)', ours.ms, 'ms', 'the monolithic bundle', mono.ms);
  row('  same, above bare node', ours.ms - bare.ms, 'ms', 'the monolithic bundle', mono.ms - bare.ms);
  row('monolithic per-action ncc bundle (alternative)', mono.ms, 'ms');
  row('peak RSS, shipkit actions/config', ours.rssMb, 'MB', 'the monolithic bundle', mono.rssMb);
  row('peak RSS, bare node', bare.rssMb, 'MB');
  const distKb = dirSize(join(root, 'dist')) / 1024;
  const monoKb = dirSize(join(alt, 'out')) / 1024;
  row('dist/ size (all actions and the CLI)', distKb, 'KB');
  row('monolithic bundle of one action', monoKb, 'KB');
} finally {
  rmSync(alt, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
  cleanup();
}
