import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic.js';
import { readText } from '../fs/read.js';
import { type BenchResult, type Direction, valuesOf } from './model.js';
import { runSpread } from './regression.js';
import { median, thin } from './stats.js';

/** One metric of one stored run: enough for the baseline, the noise estimate and the trend. */
export interface StoredMetric {
  unit: string;
  direction: Direction;
  median: number;
  n: number;
  /** Spread of the run's own samples (log scale, robust), when it had ≥ 3. */
  spread?: number;
  /** Up to 50 of the run's samples (seeded choice). */
  samples?: number[];
}

/** The results of one commit's run. */
export interface PerfRun {
  schema: 1;
  commit: string;
  /** ISO time. */
  createdAt: string;
  tool: string;
  metrics: Record<string, StoredMetric>;
}

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
    };
  }
  return { schema: 1, commit, createdAt, tool: result.tool, metrics };
}

/** Checks a stored run's shape; anything else is skipped (with the reason returned). */
export function parseRun(text: string): PerfRun | string {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    return `not JSON (${(err as Error).message})`;
  }
  const r = v as Partial<PerfRun>;
  if (
    !r ||
    typeof r !== 'object' ||
    r.schema !== 1 ||
    typeof r.commit !== 'string' ||
    typeof r.metrics !== 'object' ||
    r.metrics === null
  ) {
    return 'not a shipkit performance run (schema 1)';
  }
  for (const [name, m] of Object.entries(r.metrics)) {
    if (!isStoredMetric(m)) return `metrics["${name}"] is not a stored metric (unit, direction, median, n)`;
  }
  return r as PerfRun;
}

function isStoredMetric(v: unknown): v is StoredMetric {
  const m = v as Partial<StoredMetric> | null;
  const finite = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof m.unit === 'string' &&
    (m.direction === 'smaller' || m.direction === 'bigger') &&
    finite(m.median) &&
    finite(m.n) &&
    (m.spread === undefined || finite(m.spread)) &&
    (m.samples === undefined || (Array.isArray(m.samples) && m.samples.every(finite)))
  );
}

/** Newest last; ties broken by commit so the order is stable. */
export function byTime(a: PerfRun, b: PerfRun): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.commit.localeCompare(b.commit);
}

/** A directory of `<commit>.json` files. */
export class LocalHistoryStore implements HistoryStore {
  constructor(
    private readonly dir: string,
    private readonly warn: (message: string) => void = () => {},
  ) {}

  async load(metricNames: readonly string[], limit: number): Promise<PerfRun[]> {
    let files: string[];
    try {
      files = (await readdir(this.dir)).filter((f) => f.endsWith('.json'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const runs: PerfRun[] = [];
    for (const f of files) {
      const r = parseRun(readText(join(this.dir, f), { kind: 'report', what: 'the history file' }));
      if (typeof r === 'string') this.warn(`${join(this.dir, f)}: skipped, ${r}`);
      else if (metricNames.some((n) => n in r.metrics)) runs.push(r);
    }
    return runs.sort(byTime).slice(-limit);
  }

  async save(run: PerfRun): Promise<void> {
    if (!/^[0-9a-zA-Z._-]+$/.test(run.commit)) throw new Error(`not a commit id: ${run.commit}`);
    await writeFileAtomic(join(this.dir, `${run.commit}.json`), `${JSON.stringify(run)}\n`);
  }
}
