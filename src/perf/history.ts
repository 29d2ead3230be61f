import { z } from 'zod';
import { ShipkitError } from '../errors.js';
import { parseVersioned, versionedKind } from '../versioned-json.js';
import { type BenchResult, valuesOf } from './model.js';
import { runSpread } from './regression.js';
import { median, thin } from './stats.js';

const finite = z.number().refine(Number.isFinite, 'expected a finite number');

/** One metric of one stored run: enough for the baseline, the noise estimate and the trend. */
export const storedMetricSchema = z.object({
  unit: z.string(),
  direction: z.enum(['smaller', 'bigger']),
  median: finite,
  n: finite,
  /** Spread of the run's own samples (log scale, robust), when it had ≥ 3. */
  spread: finite.optional(),
  /** Up to 50 of the run's samples (seeded choice). */
  samples: z.array(finite).optional(),
  /** The tool's reported dispersion when it gave no samples (see Metric.summary); `median` is then its mean. */
  summary: z.object({ n: finite, sd: finite }).optional(),
});
export type StoredMetric = z.infer<typeof storedMetricSchema>;

/** The results of one commit's run, as the history (a directory or the data branch) keeps them. */
export const perfRunSchema = z.object({
  schemaVersion: z.literal(1),
  commit: z.string(),
  /** ISO time. */
  createdAt: z.string(),
  tool: z.string(),
  metrics: z.record(z.string(), storedMetricSchema),
});
export type PerfRun = z.infer<typeof perfRunSchema>;

export const PERF_RUN = versionedKind(perfRunSchema, {
  what: 'stored performance run',
  writer: 'actions/perf-gate (`history-dir` or `data-branch`)',
  legacySchemaField: true,
});

/**
 * Where results are kept per commit. The action and CLI choose the implementation: a local
 * directory (restored with actions/cache, or a checked-out branch), or the data branch.
 */
export interface HistoryStore {
  /** Past runs that have at least one of these metrics, oldest first, at most `limit`. */
  load(metricNames: readonly string[], limit: number): Promise<PerfRun[]>;
  save(run: PerfRun): Promise<void>;
}

export function toRun(commit: string, result: BenchResult, createdAt = new Date().toISOString()): PerfRun {
  const metrics: Record<string, StoredMetric> = {};
  for (const m of result.metrics) {
    const xs = valuesOf(m);
    const spread = runSpread(xs);
    metrics[m.name] = {
      unit: m.unit,
      direction: m.direction,
      median: median(xs),
      n: xs.length,
      ...(spread !== undefined ? { spread } : {}),
      ...(xs.length >= 2 ? { samples: thin(xs, 50, 5) } : {}),
      ...(xs.length < 2 && m.summary ? { summary: m.summary } : {}),
    };
  }
  return { schemaVersion: 1, commit, createdAt, tool: result.tool, metrics };
}

/** Reads a stored run; another shape or version is skipped by the stores, with this reason. */
export function parseRun(text: string, file: string): PerfRun | string {
  try {
    return parseVersioned(PERF_RUN, text, file);
  } catch (err) {
    if (err instanceof ShipkitError) return err.message;
    throw err;
  }
}

/** Newest last; ties broken by commit so the order is stable. */
export function byTime(a: PerfRun, b: PerfRun): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.commit.localeCompare(b.commit);
}
