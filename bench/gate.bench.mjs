// The gate: patch coverage on an 800-file diff (parse the diff + map it onto the coverage, in
// process), and the whole `shipkit gate` run on ~20 MB of lcov (a real c8 report replicated under
// other file names) with that diff, as a process, wall time. The diff is real `git diff` output of
// a temp repository whose files match the report's. No alternative runs these gates the same way,
// so each figure stands beside its floor (a line scan of the same bytes) and its target (100 ms, 2 s).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { bundle, cleanup, figure, measureSet } from './measure.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.env.SHIPKIT_DIST ? resolve(process.env.SHIPKIT_DIST) : join(root, 'dist');
const work = mkdtempSync(join(tmpdir(), 'shipkit-gate-bench-'));
const MB = 1024 * 1024;
const git = (...args) =>
  execFileSync('git', args, {
    cwd: work,
    encoding: 'utf8',
    maxBuffer: 256 * MB,
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'b',
      GIT_AUTHOR_EMAIL: 'b@b',
      GIT_COMMITTER_NAME: 'b',
      GIT_COMMITTER_EMAIL: 'b@b',
    },
  });

// 1. ~20 MB of lcov: the real report, copy after copy under copyN/.
const real = gunzipSync(readFileSync(join(root, 'test/fixtures/coverage/bench/full.lcov.gz'))).toString(
  'utf8',
);
const renamed = (n) => real.replace(/^SF:node_modules\//gm, `SF:copy${n}/lib/`);
const parts = [];
let size = 0;
for (let n = 0; size < 20 * MB; n++) {
  const text = renamed(n);
  parts.push(text);
  size += Buffer.byteLength(text);
}
writeFileSync(join(work, 'big.info'), parts.join(''));
writeFileSync(join(work, 'small.info'), parts.slice(0, 2).join(''));

// 2. A repository with 800 of the report's files, each as long as its report says, and a change
//    to every tenth line of each: a real 800-file git diff.
const files = [];
for (const text of parts.slice(0, 2)) {
  for (const record of text.split('end_of_record')) {
    const path = /^SF:(.*)$/m.exec(record)?.[1];
    const lines = [...record.matchAll(/^DA:(\d+),/gm)].map((m) => Number(m[1]));
    if (path && lines.length && files.length < 800) files.push({ path, last: Math.max(...lines) });
  }
}
git('init', '-q', '-b', 'main');
for (const f of files) {
  mkdirSync(dirname(join(work, f.path)), { recursive: true });
  writeFileSync(
    join(work, f.path),
    `${Array.from({ length: f.last }, (_, i) => `line ${i + 1}`).join('\n')}\n`,
  );
}
git('add', '-A');
git('commit', '-q', '-m', 'base');
for (const f of files) {
  const text = Array.from({ length: f.last }, (_, i) =>
    i % 10 === 4 ? `changed ${i + 1}` : `line ${i + 1}`,
  );
  writeFileSync(join(work, f.path), `${text.join('\n')}\n`);
}
git('commit', '-q', '-am', 'change');
writeFileSync(join(work, 'pr.diff'), git('diff', 'HEAD~1', 'HEAD'));
writeFileSync(
  join(work, 'shipkit.yml'),
  'gates:\n  test_coverage: {threshold: 0%, patch: 0%, action: fail_if_below}\n',
);

// 3. Patch coverage in process: our modules bundled the way the build bundles them.
const entry = join(root, `.bench-gate-${process.pid}`);
mkdirSync(entry, { recursive: true });
writeFileSync(
  join(entry, 'entry.ts'),
  [
    "import { readFileSync } from 'node:fs';",
    "import { readCoverage } from '../src/gate/coverage/read.js';",
    "import { parseUnifiedDiff } from '../src/gate/diff.js';",
    "import { patchCoverage } from '../src/gate/patch.js';",
    'const [dir] = process.argv.slice(2);',
    "const report = await readCoverage(['small.info'], { root: dir, cwd: dir });",
    "const text = readFileSync(dir + '/pr.diff', 'utf8');",
    'const times = [];',
    "let result = patchCoverage(report, parseUnifiedDiff(text, 'pr.diff'));",
    '// The floor: a line scan of the same diff (each line found, its first character looked at).',
    'const scans = [];',
    'let added = 0;',
    'for (let i = 0; i < 30; i++) {',
    '  const t0 = performance.now();',
    '  added = 0;',
    "  for (let at = 0, nl = text.indexOf('\\n'); nl >= 0; at = nl + 1, nl = text.indexOf('\\n', at)) if (text.charCodeAt(at) === 43) added++;",
    '  scans.push(performance.now() - t0);',
    '}',
    'scans.sort((a, b) => a - b);',
    'for (let i = 0; i < 30; i++) {',
    '  const t0 = performance.now();',
    "  result = patchCoverage(report, parseUnifiedDiff(text, 'pr.diff'));",
    '  times.push(performance.now() - t0);',
    '}',
    'times.sort((a, b) => a - b);',
    'process.stdout.write(JSON.stringify({ ms: times[15], scanMs: scans[15], added, files: result.files.length, total: result.total, bytes: text.length }));',
  ].join('\n'),
);
let ours;
try {
  ours = bundle(join(entry, 'entry.ts'), join(work, 'ours'));
} finally {
  rmSync(entry, { recursive: true, force: true });
}
const patch = JSON.parse(execFileSync(process.execPath, [ours, work], { encoding: 'utf8' }));
if (patch.files < 700) throw new Error(`only ${patch.files} files of the diff were measured`);
figure(
  `patch coverage, ${files.length}-file diff (${(patch.bytes / MB).toFixed(1)} MB), median`,
  patch.ms,
  'ms',
  { floor: { name: 'line scan of the diff', value: patch.scanMs }, target: '< 100 ms' },
);

// 4. The whole gate as a process: read 20 MB of lcov, parse and check the diff, decide, render;
//    beside a process that only line-scans the same two files.
writeFileSync(
  join(work, 'line-scan.cjs'),
  `const fs = require('fs'); let lines = 0; const buf = Buffer.allocUnsafe(1 << 20);
for (const f of process.argv.slice(2)) { const fd = fs.openSync(f, 'r'); let n;
  while ((n = fs.readSync(fd, buf, 0, buf.length)) > 0) for (let nl = buf.indexOf(10); nl >= 0 && nl < n; nl = buf.indexOf(10, nl + 1)) lines++;
  fs.closeSync(fd); }
process.stdout.write(String(lines));`,
);
const cli = join(dist, 'cli.js');
const m = measureSet(
  {
    ours: {
      args: [cli, 'gate', '--config', 'shipkit.yml', '--coverage', 'big.info', '--diff', 'pr.diff'],
      cwd: work,
    },
    floor: { args: [join(work, 'line-scan.cjs'), 'big.info', 'pr.diff'], cwd: work },
  },
  { runs: 5 },
);
const what = `shipkit gate, ${(size / MB).toFixed(1)} MB lcov + ${files.length}-file diff`;
figure(`${what}, wall`, m.ours.ms, 'ms', {
  floor: { name: 'line scan of both', value: m.floor.ms },
  target: '< 2000 ms',
});
figure('  peak RSS', m.ours.rssMb, 'MB', { floor: { name: 'line scan of both', value: m.floor.rssMb } });
console.log('(no other tool runs these gates the same way: no anchor)');

cleanup();
if (!process.env.KEEP) rmSync(work, { recursive: true, force: true });
else console.log(work);
