import type { BenchResult } from '../model.js';
import { type BenchInput, fail } from './input.js';

/** Benchmark.js console output: `name x 1,234 ops/sec ±1.23% (90 runs sampled)`. No samples. */
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
    metrics.push({
      name: m[1],
      unit: 'ops/sec',
      direction: 'bigger' as const,
      value,
      stats: { rme: Number(m[3]), runs: Number(m[4]) },
    });
  }
  return { tool: 'benchmarkjs', metrics };
}
