import type { BenchResult } from '../model.js';
import { type BenchInput, fail } from './input.js';

/**
 * Benchmark.js console output: `name x 1,234 ops/sec ±1.23% (90 runs sampled)`. No samples, but
 * their dispersion: Benchmark.js measures n periods (seconds per op) and prints
 * rme = critical·sem/mean·100 with sem = sd/√n and critical the two-sided 95 % Student t for
 * n − 1 degrees of freedom (1.96 beyond 30). So the periods' relative standard deviation is
 * rme/100 · √n / critical, and the summary's sd in ops/sec is that times the printed rate (to
 * first order: a small relative spread of periods is the same relative spread of their inverse).
 */
const LINE = /^(.+?) x ([\d,.]+) ops\/sec (?:±|\+-|\+\/-)\s*([\d.]+)% \((\d+) runs? sampled\)/;

export function isBenchmarkJs(text: string): boolean {
  return text.split('\n').some((l) => LINE.test(l.trim()));
}

export function readBenchmarkJs(input: BenchInput): BenchResult {
  const metrics = [];
  for (const raw of input.text.split('\n')) {
    const m = LINE.exec(raw.trim());
    if (!m?.[1] || !m[2]) continue;
    const value = Number(m[2].replace(/,/g, ''));
    if (!Number.isFinite(value)) fail(input, `"${m[1]}": ops/sec ${m[2]} is not a number`);
    const rme = Number(m[3]);
    const runs = Number(m[4]);
    metrics.push({
      name: m[1],
      unit: 'ops/sec',
      direction: 'bigger' as const,
      value,
      ...(runs >= 2
        ? { summary: { n: runs, sd: value * (rme / 100) * (Math.sqrt(runs) / critical(runs - 1)) } }
        : {}),
      stats: { rme, runs },
    });
  }
  return { tool: 'benchmarkjs', metrics };
}

/** Benchmark.js's `tTable`: two-sided 95 % Student t for 1-30 degrees of freedom; 1.96 beyond. */
const T_TABLE = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

function critical(df: number): number {
  return T_TABLE[df - 1] ?? 1.96;
}
