import type { GatesConfig } from '../config/sections/gates.js';
import type { LimitConfig } from './limits.js';
import type { DetectOptions } from './regression.js';

export type PerfConfig = NonNullable<GatesConfig['performance']>;

/** Everything the performance gate decides with, defaults filled in. */
export interface PerfSettings {
  detect: DetectOptions;
  limits: LimitConfig;
  /** A/B mode: runs of each side. */
  samples: number;
  /** Past runs used as the baseline and drawn in the trend. */
  history: number;
  action: PerfConfig['action'];
}

export function perfSettings(config: Partial<PerfConfig> | undefined): PerfSettings {
  const c = config ?? {};
  const limits: LimitConfig = {};
  for (const k of ['latency_p50', 'latency_p90', 'latency_p95', 'latency_p99'] as const) {
    const v = c[k];
    if (v !== undefined) limits[k] = v;
  }
  if (c.throughput) limits.throughput = c.throughput;
  if (c.metrics) limits.metrics = c.metrics;
  return {
    detect: { minEffect: c.regression ?? 5, confidence: (c.confidence ?? 95) / 100 },
    limits,
    samples: c.samples ?? 10,
    history: c.history ?? 20,
    action: c.action ?? 'fail_if_exceeded',
  };
}
