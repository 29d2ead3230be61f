// Proto codegen on a whole real API (Google Ads v25: 897 .proto files from google-proto-files, the
// tools cache of scripts/client-project.mjs), measured in the same run, in turns, as what it wraps:
// `shipkit codegen proto` (buf + protoc-gen-es + Connect clients + the image, written all or nothing)
// beside its floor, `buf build` alone (compiling the same files), and its anchor, `buf generate` with
// protoc-gen-es alone on the same files and options (target: at most 1.15x); and `shipkit codegen
// check` on the unchanged output vs one generation (target: under 1.5x). Every output directory is
// removed before its run (not timed), so both write their files into a new directory.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { toolPath } from '../scripts/client-project.mjs';
import { figure, load } from './measure.mjs';

const root = resolve(import.meta.dirname, '..');
const cli = join(process.env.SHIPKIT_DIST ?? join(root, 'dist'), 'cli.js');
const googleapis = dirname(toolPath('google-proto-files'));
const buf = join(dirname(toolPath('buf')), '..', '..', 'buf-linux-x64', 'bin', 'buf');
const plugin = toolPath('protoc-gen-es');
const spec = join(googleapis, 'google/ads/googleads/v25');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const work = mkdtempSync(join(tmpdir(), 'shipkit-proto-bench-'));

/** Wall time of one process (ms), failing loudly. */
function time(argv, cwd) {
  const t0 = performance.now();
  const r = spawnSync(argv[0], argv.slice(1), { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0 && !(argv.includes('check') && r.status === 1)) {
    throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return { ms, status: r.status };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// buf generate with protoc-gen-es alone: the same module layout, template and files.
const plain = join(work, 'plain');
mkdirSync(plain);
symlinkSync(googleapis, join(plain, 'm0'), 'dir');
writeFileSync(join(plain, 'buf.yaml'), 'version: v2\nmodules:\n  - path: m0\n');
// buf's default strategy starts protoc-gen-es once per directory; `strategy: all` once (what shipkit
// does): both are measured, and shipkit is compared with the faster.
for (const strategy of ['directory', 'all']) {
  const template = {
    version: 'v2',
    plugins: [
      {
        local: [process.execPath, plugin],
        out: 'gen',
        opt: ['target=ts', 'import_extension=js'],
        include_imports: true,
        strategy,
      },
    ],
  };
  writeFileSync(join(plain, `buf.gen.${strategy}.json`), JSON.stringify(template));
}

// A repository whose shipkit.yml has the API as its one proto target.
const repo = join(work, 'repo');
mkdirSync(join(repo, '.github'), { recursive: true });
writeFileSync(
  join(repo, '.github/shipkit.yml'),
  `codegen:\n  targets:\n    - spec: ${JSON.stringify(spec)}\n      include: [${JSON.stringify(googleapis)}]\n      out: ads\n`,
);

console.log(
  `proto codegen, Google Ads v25 (median of ${runs} runs, in turns; load ${load().one.toFixed(2)})`,
);
const target = ['--path', 'm0/google/ads/googleads/v25'];
const out = join(work, 'ours');
const floor = [];
const ours = [];
const alone = [];
const aloneAll = [];
const checks = [];
for (let i = 0; i < runs; i++) {
  floor.push(time([buf, 'build', '.', ...target], plain).ms);
  for (const [strategy, times] of [
    ['directory', alone],
    ['all', aloneAll],
  ]) {
    rmSync(join(plain, 'gen'), { recursive: true, force: true });
    times.push(time([buf, 'generate', '.', '--template', `buf.gen.${strategy}.json`, ...target], plain).ms);
  }
  rmSync(out, { recursive: true, force: true });
  ours.push(
    time([process.execPath, cli, 'codegen', 'proto', spec, '--include', googleapis, '--out', out], work).ms,
  );
}
time([process.execPath, cli, 'codegen', 'generate'], repo);
for (let i = 0; i < runs; i++) {
  const r = time([process.execPath, cli, 'codegen', 'check'], repo);
  if (r.status !== 0) throw new Error('codegen check found drift on the output it just wrote');
  checks.push(r.ms);
}
const [f, o, d, a, c] = [floor, ours, alone, aloneAll, checks].map(median);
const anchor =
  d < a
    ? { name: 'buf generate + protoc-gen-es', value: d }
    : { name: 'buf generate + protoc-gen-es (strategy: all)', value: a };
figure('buf generate + protoc-gen-es (default strategy)', d, 'ms', {
  floor: { name: 'buf build', value: f },
});
figure('buf generate + protoc-gen-es (strategy: all)', a, 'ms', { floor: { name: 'buf build', value: f } });
figure('shipkit codegen proto (clients, image, atomic write)', o, 'ms', {
  floor: { name: 'buf build', value: f },
  anchor,
  target: '≤ 1.15x the anchor',
});
figure('shipkit codegen check, unchanged tree', c, 'ms', {
  anchor: { name: 'shipkit codegen proto', value: o },
  target: '< 1.5x one generation',
});
rmSync(work, { recursive: true, force: true });
