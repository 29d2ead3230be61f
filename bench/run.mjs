#!/usr/bin/env node
// `npm run bench [name…] [-- --json FILE | --list]`: runs every bench/*.bench.mjs (or the named ones; a name
// picks the bench of exactly that name, else every bench it starts) one after another. Each prints its
// figures beside their floor and anchor, measured in the same run; with
// `--json FILE` every figure is also written to FILE (with the machine, the commit and the load
// average) so two runs can be compared. A load average over 1 per core is warned about.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const at = args.indexOf('--json');
const jsonFile = at >= 0 ? args[at + 1] : undefined;
if (at >= 0 && !jsonFile) {
  console.error('--json needs a file name: npm run bench -- --json bench.json');
  process.exit(2);
}
const wanted = args.filter((a, i) => a !== '--list' && (at < 0 || (i !== at && i !== at + 1)));
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  // a name picks the bench of exactly that name, else every bench it starts (`codegen` is not `codegen-proto`)
  .filter(
    (f, _, all) =>
      wanted.length === 0 ||
      wanted.some((w) => f === `${w}.bench.mjs` || (!all.includes(`${w}.bench.mjs`) && f.startsWith(w))),
  )
  .sort();
if (benches.length === 0) {
  console.error(`no bench matches ${wanted.join(', ')}`);
  process.exit(2);
}

// `--list`: print the benches the names pick, one per line, and run none
if (args.includes('--list')) {
  console.log(benches.map((f) => f.replace('.bench.mjs', '')).join('\n'));
  process.exit(0);
}

const cores = cpus().length;
const loadNow = () => loadavg().map((l) => Number(l.toFixed(2)));
const loadStart = loadNow();
console.log(`load average ${loadStart.join(' ')} on ${cores} core(s), Node ${process.version}`);
if (loadStart[0] > cores)
  console.log(
    'WARNING: the machine is too loaded to trust absolute times (load average over 1 per core); ratios to the floor and anchor, taken in the same run, hold better.',
  );

const parts = jsonFile ? mkdtempSync(join(tmpdir(), 'shipkit-bench-json-')) : undefined;
const env = parts ? { ...process.env, SHIPKIT_BENCH_JSON: join(parts, 'figures.jsonl') } : process.env;
let failed = 0;
try {
  for (const file of benches) {
    console.log(`\n## ${file.replace('.bench.mjs', '')}`);
    try {
      execFileSync(process.execPath, [join(here, file)], { stdio: 'inherit', env });
    } catch {
      failed++;
      console.log(`(${file} failed; the other benches go on)`);
    }
  }
  if (jsonFile && parts) {
    const path = join(parts, 'figures.jsonl');
    let lines = [];
    try {
      lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
    } catch {}
    const commit = (() => {
      try {
        return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: here, encoding: 'utf8' }).trim();
      } catch {
        return null;
      }
    })();
    const out = {
      date: new Date().toISOString(),
      commit,
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpu: cpus()[0]?.model ?? null,
      cores,
      loadStart,
      loadEnd: loadNow(),
      figures: lines.map((l) => JSON.parse(l)),
    };
    writeFileSync(resolve(jsonFile), `${JSON.stringify(out, null, 2)}\n`);
    console.log(`\n${out.figures.length} figures written to ${jsonFile}`);
  }
} finally {
  if (parts) rmSync(parts, { recursive: true, force: true });
}
console.log(`load average at the end: ${loadNow().join(' ')}`);
if (failed > 0) process.exit(1);
