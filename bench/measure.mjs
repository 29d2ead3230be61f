// Shared measurement helpers for the benchmarks: wall time and peak RSS of whole processes.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const probeDir = mkdtempSync(join(tmpdir(), 'shipkit-bench-'));
const probe = join(probeDir, 'rss.cjs');
writeFileSync(
  probe,
  "process.on('exit', () => require('fs').writeFileSync(process.env.SHIPKIT_BENCH_RSS, String(process.resourceUsage().maxRSS)));\n",
);

/** Runs `node args…` `runs` times (after one warm-up); returns the median wall ms and peak RSS in MB. */
export function measureNode(args, { runs = 20, env = {}, cwd } = {}) {
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
  rmSync(probeDir, { recursive: true, force: true });
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
