// Coverage readers: a ~200 MB lcov, a ~200 MB Cobertura and a ~200 MB JaCoCo (a real c8 report and a
// real JaCoCo report replicated under other file names, made in a temp dir here), a real 1.2 MB lcov,
// and three real ~0.9 MB shards merged.
// Beside each: lcov-parse (what most coverage-comment actions use), fast-xml-parser (a whole-document
// XML parse) and `lcov -a` (lcov's own merge), installed into a temp dir and measured in the same run.
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { bundle, cleanup, figure, measureSet, node24 } from './measure.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'test/fixtures/coverage/bench');
const work = mkdtempSync(join(tmpdir(), 'shipkit-coverage-bench-'));
const MB = 1024 * 1024;
// SHIPKIT_BENCH_MB=20 makes the big reports smaller (for trying the bench out; the targets are for 200).
const BIG_MB = Number(process.env.SHIPKIT_BENCH_MB ?? 200);

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

// The floors: what reading the same bytes costs without shipkit. A line scan (every line found and
// its first byte looked at, the file read in 1 MiB chunks) for lcov; a bare saxes pass (the parser
// shipkit streams with, same 64 KiB chunks, an open-tag counter as the only handler) for XML.
writeFileSync(
  join(work, 'line-scan.cjs'),
  `const fs = require('fs'); let lines = 0, da = 0; const buf = Buffer.allocUnsafe(1 << 20);
for (const f of process.argv.slice(2)) { const fd = fs.openSync(f, 'r'); let n;
  while ((n = fs.readSync(fd, buf, 0, buf.length)) > 0) { let at = 0;
    for (let nl = buf.indexOf(10, at); nl >= 0 && nl < n; nl = buf.indexOf(10, at)) { lines++; if (buf[at] === 68) da++; at = nl + 1; } }
  fs.closeSync(fd); }
process.stdout.write(lines + ' ' + da);`,
);
writeFileSync(
  join(work, 'saxes.cjs'),
  `const fs = require('fs'); const { StringDecoder } = require('string_decoder');
const { SaxesParser } = require(${JSON.stringify(join(root, 'node_modules/saxes'))});
const p = new SaxesParser(); let tags = 0; p.on('opentag', () => tags++);
const fd = fs.openSync(process.argv[2], 'r'); const buf = Buffer.allocUnsafe(1 << 16); const d = new StringDecoder('utf8'); let n;
while ((n = fs.readSync(fd, buf, 0, buf.length)) > 0) p.write(d.write(buf.subarray(0, n)));
p.write(d.end()); p.close(); process.stdout.write(String(tags));`,
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
await replicate(bigLcov, lcovText, BIG_MB * MB, (t, n) =>
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
  for (let n = 0; written < BIG_MB * MB; n++) {
    const copy = packages.replaceAll('filename="', `filename="copy${n}/`);
    written += Buffer.byteLength(copy);
    if (!out.write(copy)) await new Promise((r) => out.once('drain', r));
  }
  out.write(xmlText.slice(close));
  await new Promise((r) => out.end(r));
}

const size = (p) => `${(statSync(p).size / MB).toFixed(0)} MB`;
const node = (file, ...args) => ({ args: [file, ...args] });
const ours = (...files) => node(oursJs, work, ...files);
const lineScan = (...files) => node(join(work, 'line-scan.cjs'), ...files);
const saxes = (file) => node(join(work, 'saxes.cjs'), file);
console.log('whole processes (start-up included), medians of runs taken in turns; peak RSS: the largest');

// 1. lcov, 200 MB: shipkit vs a line scan vs lcov-parse (lcov-parse once: it takes a minute).
{
  const m = measureSet({ ours: ours(bigLcov), floor: lineScan(bigLcov) }, { runs: 3 });
  const alt = measureSet({ alt: node(join(work, 'lcov-parse.cjs'), bigLcov) }, { runs: 1 }).alt;
  const what = `lcov ${size(bigLcov)}`;
  figure(`${what}: shipkit, wall`, m.ours.ms, 'ms', {
    floor: { name: 'line scan', value: m.floor.ms },
    anchor: { name: 'lcov-parse', value: alt.ms },
    target: '< 2000 ms',
  });
  figure(`${what}: shipkit, peak RSS`, m.ours.rssMb, 'MB', {
    floor: { name: 'line scan', value: m.floor.rssMb },
    anchor: { name: 'lcov-parse', value: alt.rssMb },
    target: '< 300 MB',
  });
}

// 2. The real 1.2 MB lcov.
{
  const m = measureSet(
    {
      ours: ours(fullLcov),
      floor: lineScan(fullLcov),
      alt: node(join(work, 'lcov-parse.cjs'), fullLcov),
      bare: node('-e', '0'),
    },
    { runs: 20 },
  );
  figure(`real lcov ${(statSync(fullLcov).size / MB).toFixed(1)} MB: shipkit, wall`, m.ours.ms, 'ms', {
    floor: { name: 'line scan', value: m.floor.ms },
    anchor: { name: 'lcov-parse', value: m.alt.ms },
  });
  figure('  bare node start-up in the same run', m.bare.ms, 'ms');
}

// 3. Cobertura, 200 MB streamed, and the real 2 MB one: shipkit vs a bare saxes pass vs fast-xml-parser.
{
  const m = measureSet({ ours: ours(bigXml), floor: saxes(bigXml) }, { runs: 3 });
  const t0 = performance.now();
  const dom = spawnSync(process.execPath, [join(work, 'xml-dom.cjs'), bigXml], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  const domMs = performance.now() - t0;
  const what = `Cobertura ${size(bigXml)}`;
  figure(`${what}: shipkit, wall`, m.ours.ms, 'ms', {
    floor: { name: 'bare saxes pass', value: m.floor.ms },
    ...(dom.status === 0 ? { anchor: { name: 'fast-xml-parser', value: domMs } } : {}),
    target: '≤ 1.3x the saxes pass',
  });
  figure(`${what}: shipkit, peak RSS`, m.ours.rssMb, 'MB', {
    floor: { name: 'bare saxes pass', value: m.floor.rssMb },
  });
  if (dom.status !== 0)
    console.log(
      `  fast-xml-parser on the same file: ${dom.error ? 'gave up after 180 s' : `failed (${(dom.stderr.match(/(heap out of memory|Invalid string length|RangeError[^\n]*)/) ?? [`exit ${dom.status}`])[0]})`}`,
    );
  const small = measureSet(
    { ours: ours(fullXml), floor: saxes(fullXml), alt: node(join(work, 'xml-dom.cjs'), fullXml) },
    { runs: 5 },
  );
  figure(`Cobertura ${(statSync(fullXml).size / MB).toFixed(1)} MB: shipkit, wall`, small.ours.ms, 'ms', {
    floor: { name: 'bare saxes pass', value: small.floor.ms },
    anchor: { name: 'fast-xml-parser', value: small.alt.ms },
  });
}

// 3b. JaCoCo, 200 MB streamed (the real JaCoCo 0.8.6 report replicated, each copy's packages renamed):
// shipkit vs a bare saxes pass over the same file.
{
  const jacocoText = readFileSync(join(root, 'test/fixtures/coverage/jacoco/jacoco.xml'), 'utf8');
  const first = jacocoText.indexOf('<package ');
  const last = jacocoText.lastIndexOf('</package>') + '</package>'.length;
  const body = jacocoText.slice(first, last);
  const bigJacoco = join(work, 'big-jacoco.xml');
  const out = createWriteStream(bigJacoco);
  out.write(jacocoText.slice(0, first));
  let written = first;
  for (let n = 0; written < BIG_MB * MB; n++) {
    const copy = body.replaceAll('<package name="', `<package name="copy${n}/`);
    written += Buffer.byteLength(copy);
    if (!out.write(copy)) await new Promise((r) => out.once('drain', r));
  }
  out.write(jacocoText.slice(last));
  await new Promise((r) => out.end(r));
  const m = measureSet({ ours: ours(bigJacoco), floor: saxes(bigJacoco) }, { runs: 3 });
  const what = `JaCoCo ${size(bigJacoco)}`;
  figure(`${what}: shipkit, wall`, m.ours.ms, 'ms', {
    floor: { name: 'bare saxes pass', value: m.floor.ms },
    target: '≤ 1.3x the saxes pass',
  });
  figure(`${what}: shipkit, peak RSS`, m.ours.rssMb, 'MB', {
    floor: { name: 'bare saxes pass', value: m.floor.rssMb },
  });
  rmSync(bigJacoco);
}

// 4. Three real shards merged: shipkit vs a line scan of the three vs `lcov -a` (when installed).
{
  const hasLcov = spawnSync('lcov', ['--version']).status === 0;
  const cases = { ours: ours(...shards), floor: lineScan(...shards), bare: node('-e', '0') };
  if (hasLcov)
    cases.alt = {
      command: 'lcov',
      args: [...shards.flatMap((s) => ['-a', s]), '-o', join(work, 'merged.info'), '-q'],
    };
  const m = measureSet(cases, { runs: hasLcov ? 5 : 20 });
  figure(
    `merge 3 real shards (${shards.map((s) => (statSync(s).size / MB).toFixed(1)).join(' + ')} MB): shipkit, wall`,
    m.ours.ms,
    'ms',
    {
      floor: { name: 'line scan', value: m.floor.ms },
      ...(hasLcov ? { anchor: { name: 'lcov -a', value: m.alt.ms } } : {}),
      target: '< 150 ms',
    },
  );
  figure('merge 3 real shards: shipkit, peak RSS', m.ours.rssMb, 'MB', {
    floor: { name: 'line scan', value: m.floor.rssMb },
  });
  // Where the whole process's time goes: node's own start-up, then our bundle loading, then the
  // reading, merging and summing up (timed inside the process, from just before readCoverage).
  const inside = [];
  for (let i = 0; i < 7; i++) {
    const r = spawnSync(process.execPath, ours(...shards).args, { encoding: 'utf8' });
    inside.push(JSON.parse(r.stdout).readMs);
  }
  inside.sort((a, b) => a - b);
  const readMs = inside[3];
  figure('  bare node start-up in the same run', m.bare.ms, 'ms');
  figure('  read + merge + summary, inside the process', readMs, 'ms');
  figure('  the rest: loading the bundle, exit', Math.max(0, m.ours.ms - m.bare.ms - readMs), 'ms');
  // The same under Node 24, the runner's Node (where the gate action reads the shards), in turns of
  // its own (here Node 20's bare start-up took about 35 ms more than Node 24's, and the reading
  // itself about 30 ms more: Node 24's JIT warms up sooner).
  const n24 = node24();
  if (n24) {
    const on24 = (c) => ({ ...c, node: n24 });
    const m24 = measureSet(
      { ours: on24(ours(...shards)), floor: on24(lineScan(...shards)), bare: on24(node('-e', '0')) },
      { runs: 20 },
    );
    figure('merge 3 real shards under Node 24: shipkit, wall', m24.ours.ms, 'ms', {
      floor: { name: 'line scan', value: m24.floor.ms },
      target: '< 150 ms',
    });
    figure('  bare node 24 start-up in the same run', m24.bare.ms, 'ms');
  }
}

rmSync(work, { recursive: true, force: true });
cleanup();
