import type { BenchResult, Metric } from '../model.js';
import type { BenchInput } from './input.js';

/**
 * `go test -bench` text. Every line of a benchmark (one per `-count`) is a sample; `-benchmem`
 * adds `B/op` and `allocs/op`, read as metrics of their own; custom `b.ReportMetric` units too.
 * The `-N` GOMAXPROCS suffix is kept in the name, as Go prints it.
 */
const LINE = /^(Benchmark\S*)\s+(\d+)\s+(.+)$/;

export function isGoBench(text: string): boolean {
  return text.split('\n').some((l) => LINE.test(l.trim()) && /\sns\/op\b/.test(l));
}

export function readGoBench(input: BenchInput): BenchResult {
  const byKey = new Map<string, Metric>();
  let pkg = '';
  const pkgs = new Set<string>();
  const lines = input.text.split('\n');
  for (const raw of lines) {
    const line = raw.trim();
    const p = /^pkg:\s+(\S+)/.exec(line);
    if (p?.[1]) {
      pkg = p[1];
      pkgs.add(pkg);
      continue;
    }
    const m = LINE.exec(line);
    if (!m?.[1] || !m[3]) continue;
    const fields = m[3].split(/\s+/);
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const value = Number(fields[i]);
      const unit = fields[i + 1] as string;
      if (!Number.isFinite(value)) continue;
      const suffix = unit === 'ns/op' ? '' : ` (${unit})`;
      const key = `${pkg}\u0000${m[1]}${suffix}`;
      let metric = byKey.get(key);
      if (!metric) {
        metric = {
          name: `${m[1]}${suffix}`,
          unit,
          direction: unit.endsWith('/s') ? 'bigger' : 'smaller',
          value: 0,
          samples: [],
        };
        if (pkg) (metric as Metric & { pkg?: string }).pkg = pkg;
        byKey.set(key, metric);
      }
      metric.samples?.push(value);
    }
  }
  const metrics = [...byKey.values()].map((m) => {
    const s = m.samples ?? [];
    const { pkg: where, ...rest } = m as Metric & { pkg?: string };
    return {
      ...rest,
      // With several packages, names are qualified by package so they stay unique.
      name: pkgs.size > 1 && where ? `${where}.${m.name}` : m.name,
      value: s.reduce((a, b) => a + b, 0) / s.length,
    };
  });
  return { tool: 'go', metrics };
}
