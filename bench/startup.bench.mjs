import module from 'node:module';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, cleanup, figure, measureSet, row } from './measure.mjs';

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
  'INPUT_GITHUB-TOKEN': '',
  'INPUT_ANTHROPIC-API-KEY': '',
  INPUT_COMMENT: 'false',
};
const cwd = join(root, 'examples');
try {
  // `ours` is the first step of a job (no compile cache: NODE_DISABLE_COMPILE_CACHE); `warm` a later
  // step of the same job, whose chunks Node's compile cache (under RUNNER_TEMP) already holds.
  const cache = typeof module.enableCompileCache === 'function';
  const { bare, ours, warm, mono } = measureSet({
    bare: { args: ['-e', '0'] },
    ours: { args: [join(root, 'dist/config.js')], env: { ...env, NODE_DISABLE_COMPILE_CACHE: '1' }, cwd },
    warm: { args: [join(root, 'dist/config.js')], env: { ...env, RUNNER_TEMP: work }, cwd },
    mono: { args: [monolithic], env, cwd },
  });
  console.log(
    'start-up and run of the config action on examples/ (median of 20 taken in turns, Node',
    `${process.version})`,
  );
  const floor = { name: 'bare node -e 0', value: bare.ms };
  const anchor = { name: 'monolithic ncc bundle', value: mono.ms };
  figure('shipkit actions/config (split bundle), wall', ours.ms, 'ms', { floor, anchor });
  figure('  same, above bare node', ours.ms - bare.ms, 'ms', {
    anchor: { name: 'monolithic, above bare node', value: mono.ms - bare.ms },
    target: '60 ms',
  });
  figure('  later step of a job, compile cache warm', warm.ms - bare.ms, 'ms', {
    anchor: { name: 'first step (above)', value: ours.ms - bare.ms },
    target: cache ? '60 ms' : `60 ms (no compile cache on Node ${process.version})`,
  });
  figure('peak RSS, shipkit actions/config', ours.rssMb, 'MB', {
    floor: { name: 'bare node', value: bare.rssMb },
    anchor: { name: 'monolithic ncc bundle', value: mono.rssMb },
  });
  const distKb = dirSize(join(root, 'dist')) / 1024;
  const monoKb = dirSize(join(alt, 'out')) / 1024;
  row('dist/ size (all actions and the CLI)', distKb, 'KB');
  row('monolithic bundle of one action', monoKb, 'KB');
} finally {
  rmSync(alt, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
  cleanup();
}
