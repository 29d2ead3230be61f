// Shared helpers for the benchmarks: wall time and peak RSS of whole processes; TypeScript sources loaded.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

let probeDir;
/** The preload script that records a process's peak RSS (made on first use). */
function rssProbe() {
  probeDir ??= mkdtempSync(join(tmpdir(), 'shipkit-bench-'));
  const probe = join(probeDir, 'rss.cjs');
  if (!existsSync(probe))
    writeFileSync(
      probe,
      "process.on('exit', () => require('fs').writeFileSync(process.env.SHIPKIT_BENCH_RSS, String(process.resourceUsage().maxRSS)));\n",
    );
  return probe;
}

/** Runs `node args…` `runs` times (after one warm-up); returns the median wall ms and peak RSS in MB. */
export function measureNode(args, { runs = 20, env = {}, cwd } = {}) {
  const probe = rssProbe();
  const times = [];
  let rss = 0;
  const rssFile = join(probeDir, 'rss');
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--require', probe, ...args], {
      cwd,
      env: { ...process.env, ...env, SHIPKIT_BENCH_RSS: rssFile },
      encoding: 'utf8',
    });
    const ms = performance.now() - t0;
    if (r.status !== 0)
      throw new Error(`node ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
    if (i === 0) continue;
    times.push(ms);
    rss = Math.max(rss, Number(readFileSync(rssFile, 'utf8')) / 1024);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], rssMb: rss };
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

export function row(name, value, unit, alternative, altValue) {
  const ratio = altValue ? ` | ${(value / altValue).toFixed(2)}x ${alternative}` : '';
  console.log(`${name.padEnd(48)} ${value.toFixed(1).padStart(8)} ${unit}${ratio}`);
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
