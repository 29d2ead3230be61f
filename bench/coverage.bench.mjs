// Coverage readers: a ~200 MB lcov and a ~200 MB Cobertura (a real c8 report replicated under other
// file names, made in a temp dir here), a real 1.2 MB lcov, and three real ~0.9 MB shards merged.
// Beside each: lcov-parse (what most coverage-comment actions use), fast-xml-parser (a whole-document
// XML parse) and `lcov -a` (lcov's own merge), installed into a temp dir and measured in the same run.
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { bundle, cleanup, measureNode, row } from './measure.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'test/fixtures/coverage/bench');
const work = mkdtempSync(join(tmpdir(), 'shipkit-coverage-bench-'));
const MB = 1024 * 1024;

// Our readers, bundled from source the way the build bundles them.
const entry = join(root, `.bench-coverage-${process.pid}`);
execFileSync('mkdir', ['-p', entry]);
writeFileSync(
  join(entry, 'entry.ts'),
  [
    "import { readCoverage } from '../src/gate/coverage/read.js';",
    "import { summarize } from '../src/gate/coverage/summary.js';",
    'const [dir, ...files] = process.argv.slice(2);',
    'const t0 = performance.now();',
    'void readCoverage(files, { root: dir, cwd: dir }).then((report) => {',
    '  const t = summarize(report);',
    '  const readMs = performance.now() - t0;',
    '  if (t.files === 0) process.exit(3);',
    '  process.stdout.write(JSON.stringify({ ...t, readMs }));',
    '});',
  ].join('\n'),
);
const oursJs = bundle(join(entry, 'entry.ts'), join(work, 'ours'), { transpileOnly: true });
rmSync(entry, { recursive: true, force: true });

// The alternatives, from the npm registry into the temp dir.
execFileSync(
  'npm',
  [
    'i',
    '--prefix',
    join(work, 'alt'),
    '--no-audit',
    '--no-fund',
    '--silent',
    'lcov-parse@1.0.0',
    'fast-xml-parser@5',
  ],
  {
    stdio: 'inherit',
  },
);
writeFileSync(
  join(work, 'lcov-parse.cjs'),
  `const parse = require(${JSON.stringify(join(work, 'alt/node_modules/lcov-parse'))});
let pending = process.argv.length - 2; let lines = 0;
for (const f of process.argv.slice(2)) parse(f, (err, data) => {
  if (err) { console.error(err); process.exit(1); }
  for (const d of data) lines += d.lines.found;
  if (--pending === 0) process.stdout.write(String(lines));
});`,
);
writeFileSync(
  join(work, 'xml-dom.cjs'),
  `const { XMLParser } = require(${JSON.stringify(join(work, 'alt/node_modules/fast-xml-parser'))});
const doc = new XMLParser({ ignoreAttributes: false }).parse(require('fs').readFileSync(process.argv[2], 'utf8'));
process.stdout.write(String(Object.keys(doc).length));`,
);

// Real reports, unpacked.
const real = (name) => {
  const path = join(work, name);
  writeFileSync(path, gunzipSync(readFileSync(join(fixtures, `${name}.gz`))));
  return path;
};
const fullLcov = real('full.lcov');
const fullXml = real('full-cobertura.xml');
const shards = [1, 2, 3].map((n) => real(`shard${n}.lcov`));

/** Writes `text` again and again, each copy's paths under copyN/, until the file reaches `size`. */
async function replicate(path, text, size, rename) {
  const out = createWriteStream(path);
  let written = 0;
  for (let n = 0; written < size; n++) {
    const copy = rename(text, n);
    written += Buffer.byteLength(copy);
    if (!out.write(copy)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
  return statSync(path).size;
}
const lcovText = readFileSync(fullLcov, 'utf8');
const bigLcov = join(work, 'big.lcov');
await replicate(bigLcov, lcovText, 200 * MB, (t, n) =>
  t.replaceAll('\nSF:', `\nSF:copy${n}/`).replace(/^TN:\nSF:/, `TN:\nSF:copy${n}/`),
);

const xmlText = readFileSync(fullXml, 'utf8');
const open = xmlText.indexOf('<packages>') + '<packages>'.length;
const close = xmlText.lastIndexOf('</packages>');
const packages = xmlText.slice(open, close);
const bigXml = join(work, 'big-cobertura.xml');
{
  const out = createWriteStream(bigXml);
  out.write(xmlText.slice(0, open));
  let written = open;
  for (let n = 0; written < 200 * MB; n++) {
    const copy = packages.replaceAll('filename="', `filename="copy${n}/`);
    written += Buffer.byteLength(copy);
    if (!out.write(copy)) await new Promise((r) => out.once('drain', r));
  }
  out.write(xmlText.slice(close));
  await new Promise((r) => out.end(r));
}

const size = (p) => `${(statSync(p).size / MB).toFixed(0)} MB`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Median in-process time (readCoverage + summarize, after the bundle has loaded) over `runs` runs. */
function readMs(args, runs) {
  const times = [];
  for (let i = 0; i <= runs; i++) {
    const r = spawnSync(process.execPath, [oursJs, work, ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`reading ${args.join(' ')} failed: ${r.stderr}`);
    if (i > 0) times.push(JSON.parse(r.stdout).readMs);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
console.log(`figures taken on a shared machine under load; medians of several runs (peak RSS: the largest)`);
console.log(`load average at start: ${load()}`);

const o1 = measureNode([oursJs, work, bigLcov], { runs: 3 });
const a1 = measureNode([join(work, 'lcov-parse.cjs'), bigLcov], { runs: 1 });
row(`lcov ${size(bigLcov)}: shipkit, wall ms`, o1.ms, 'ms', 'of lcov-parse', a1.ms);
row(`lcov ${size(bigLcov)}: shipkit, peak RSS`, o1.rssMb, 'MB', 'of lcov-parse', a1.rssMb);
row(`lcov ${size(bigLcov)}: shipkit, in-process read ms`, readMs([bigLcov], 1), 'ms', '', 0);
console.log(
  `  lcov-parse: ${a1.ms.toFixed(0)} ms, ${a1.rssMb.toFixed(0)} MB; shipkit is ${(a1.ms / o1.ms).toFixed(1)}x faster (target ≥ 8x, < 3000 ms, < 1024 MB)`,
);

const o2 = measureNode([oursJs, work, fullLcov], { runs: 20 });
const a2 = measureNode([join(work, 'lcov-parse.cjs'), fullLcov], { runs: 20 });
const bare = measureNode(['-e', '0'], { runs: 20 });
row(
  `real lcov ${(statSync(fullLcov).size / MB).toFixed(1)} MB: shipkit, wall ms`,
  o2.ms,
  'ms',
  'of lcov-parse',
  a2.ms,
);
row(
  `real lcov ${(statSync(fullLcov).size / MB).toFixed(1)} MB: shipkit, in-process read ms`,
  readMs([fullLcov], 20),
  'ms',
  '',
  0,
);
console.log(`  (bare node start-up in the same run: ${bare.ms.toFixed(0)} ms; target < 100 ms)`);

const o3 = measureNode([oursJs, work, bigXml], { runs: 3 });
const a3t0 = performance.now();
const a3 = spawnSync(process.execPath, [join(work, 'xml-dom.cjs'), bigXml], {
  encoding: 'utf8',
  timeout: 180_000,
});
const a3ms = performance.now() - a3t0;
const a3what =
  a3.status === 0
    ? `finished in ${a3ms.toFixed(0)} ms (one run)`
    : a3.error
      ? 'gave up after 180 s'
      : `failed (${(a3.stderr.match(/(heap out of memory|Invalid string length|RangeError[^\n]*)/) ?? [`exit ${a3.status}`])[0]})`;
const a3small = measureNode([join(work, 'xml-dom.cjs'), fullXml], { runs: 5 });
const o3small = measureNode([oursJs, work, fullXml], { runs: 5 });
row(`Cobertura ${size(bigXml)} streamed: shipkit, wall ms`, o3.ms, 'ms', '', 0);
row(`Cobertura ${size(bigXml)} streamed: shipkit, peak RSS`, o3.rssMb, 'MB', '', 0);
console.log(`  fast-xml-parser on the same 200 MB file: ${a3what}; targets < 5000 ms, < 200 MB`);
row(
  `Cobertura ${(statSync(fullXml).size / MB).toFixed(1)} MB: shipkit, wall ms`,
  o3small.ms,
  'ms',
  'of fast-xml-parser',
  a3small.ms,
);

const o4 = measureNode([oursJs, work, ...shards], { runs: 20 });
const hasLcov = spawnSync('lcov', ['--version']).status === 0;
let alt4;
if (hasLcov) {
  const t0 = performance.now();
  const args = shards.flatMap((s) => ['-a', s]);
  const times = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    execFileSync('lcov', [...args, '-o', join(work, 'merged.info'), '-q']);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  alt4 = times[1];
  void t0;
}
row(
  `merge 3 real shards (${shards.map((s) => (statSync(s).size / MB).toFixed(1)).join(' + ')} MB): shipkit`,
  o4.ms,
  'ms',
  hasLcov ? 'of lcov -a' : '',
  alt4 ?? 0,
);
row('merge 3 real shards: shipkit, in-process read ms', readMs(shards, 20), 'ms', '', 0);
console.log('  target < 200 ms (process wall time, start-up included)');

console.log(`load average at end: ${load()}`);
rmSync(work, { recursive: true, force: true });
cleanup();
