#!/usr/bin/env node
// `npm run demo`: runs shipkit over the bundled examples/ the way a user would — the built CLI on
// local files and the bundled action as the runner starts it — and says where it wrote its outputs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(root, 'examples');
const out = join(root, '.shipkit-demo');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const written = [];
const show = (p) => relative(process.cwd(), p) || '.';

/** Runs `shipkit args…` in examples/; `expect` lists the exit codes this step may end with. */
function shipkit(title, args, { expect = [0], save } = {}) {
  console.log(`\n$ shipkit ${args.join(' ')}    # ${title}`);
  const r = spawnSync(process.execPath, [join(root, 'dist/cli.js'), ...args], {
    cwd: examples,
    encoding: 'utf8',
  });
  process.stdout.write(
    r.stdout.length > 1200 ? `${r.stdout.slice(0, 1200)}\n… (${r.stdout.length} characters)\n` : r.stdout,
  );
  process.stderr.write(r.stderr);
  if (!expect.includes(r.status ?? -1)) {
    console.error(`demo: shipkit ${args[0]} exited ${r.status}, expected ${expect.join(' or ')}`);
    process.exit(1);
  }
  if (save) {
    writeFileSync(join(out, save[0]), r.stdout);
    written.push([save[0], save[1]]);
  }
  return r;
}

// configuration
shipkit('validate .github/shipkit.yml', ['config', 'validate']);
shipkit('the resolved configuration', ['config', 'validate', '--json'], {
  save: ['config.json', 'resolved configuration'],
});

// quality gates over real reports (node --test coverage, jscpd, eslint SARIF, TypeDoc), with the PR's diff
shipkit(
  'quality gates',
  [
    'gate',
    '--coverage',
    'coverage/lcov.info',
    '--diff',
    'coverage/pr.diff',
    '--duplication',
    'reports/jscpd-report.json',
    '--security',
    'reports/eslint.sarif',
    '--docs',
    'reports/typedoc-coverage.json',
  ],
  { save: ['gate-summary.md', 'quality gate summary'] },
);
shipkit('coverage like lcov --summary', ['coverage', 'summary', 'coverage/lcov.info']);

// performance: two real hyperfine runs, base and head
shipkit(
  'performance, base against head',
  ['bench', 'compare', '--base', 'bench/base.json', '--head', 'bench/head.json', '--json'],
  {
    expect: [0, 1],
    save: ['bench-compare.json', 'performance comparison (a regression: exit 1)'],
  },
);

// sprint plan from the example backlog
const planDir = join(out, 'sprint-7');
shipkit('sprint 7 plan', ['plan', '--backlog', 'backlog.yml', '--out', planDir]);
written.push(['sprint-7/', 'sprint plan: plan.md, workflow, weekly check, task templates']);
shipkit('the schedule as JSON', ['plan', '--backlog', 'backlog.yml', '--json'], {
  save: ['schedule.json', 'sprint schedule'],
});

// the weekly report of this repository from git alone (no token: the API-only sections are n/a),
// over the four weeks before today
const day = (ms) => new Date(ms).toISOString().slice(0, 10);
const reportDir = join(out, 'report');
shipkit('weekly report from the local clone', [
  'report',
  '--from',
  day(Date.now() - 28 * 86_400_000),
  '--to',
  day(Date.now() - 86_400_000),
  '--out',
  reportDir,
]);
written.push(['report/', 'weekly report: report.md, report.html, report.json, slack.json']);

// a typed client from the example OpenAPI spec, compiled with tsc
const client = join(out, 'api-client');
shipkit('typed client from examples/api/openapi.yaml', [
  'codegen',
  'openapi',
  'api/openapi.yaml',
  '--out',
  client,
  '--zod',
  '--mocks',
]);
written.push(['api-client/', 'generated TypeScript client']);
const sources = readdirSync(client).filter((f) => f.endsWith('.ts') && !f.includes('test-template'));
console.log(`\n$ tsc --noEmit --strict ${sources.map((f) => show(join(client, f))).join(' ')}`);
const tscArgs = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--skipLibCheck'];
const tsc = spawnSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), ...tscArgs, ...sources.map((f) => join(client, f))],
  { encoding: 'utf8' },
);
if (tsc.status !== 0) {
  console.error(`${tsc.stdout}${tsc.stderr}`);
  process.exit(1);
}
console.log('the generated client compiles');

// the umbrella action, started the way GitHub's runner starts it
const files = {
  GITHUB_OUTPUT: join(out, 'action-outputs.txt'),
  GITHUB_STEP_SUMMARY: join(out, 'job-summary.md'),
};
for (const f of Object.values(files)) writeFileSync(f, '');
console.log('\n$ node dist/action.js    # uses: shipkit/shipkit with command: config, as the runner runs it');
const action = spawnSync(process.execPath, [join(root, 'dist/action.js')], {
  cwd: examples,
  encoding: 'utf8',
  env: {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: examples,
    INPUT_COMMAND: 'config',
    ...files,
  },
});
if (action.status !== 0) {
  console.error(action.stdout, action.stderr);
  process.exit(1);
}
written.push(
  ['job-summary.md', 'job summary of the action'],
  ['action-outputs.txt', 'step outputs of the action'],
);

console.log('\nshipkit wrote:');
for (const [file, what] of written) console.log(`  ${show(join(out, file)).padEnd(40)} ${what}`);
console.log(
  `\nThe job summary begins:\n${readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8').split('\n').slice(0, 4).join('\n')}\n…`,
);
