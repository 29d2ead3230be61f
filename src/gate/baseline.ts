import type { Counts } from './coverage/model.js';
import { counts } from './coverage/summary.js';
import { sumCounts } from './coverage-counts.js';

/**
 * What is stored per default-branch commit and compared against by pull requests: the gates'
 * figures, never the raw reports. Per-file line counts let a pull request adjust the base for
 * files it deletes and compute component figures; clone keys let it count new clones.
 */
export interface GateSummary {
  schema: 1;
  commit: string;
  ref?: string;
  /** ISO time the summary was made. */
  createdAt: string;
  coverage?: {
    lines: Counts;
    /** path → [covered, total] lines. */
    files: Record<string, [number, number]>;
    formats: string[];
  };
  duplication?: { percentage: number; clones: string[] };
  security?: { vulnerabilities: number; warnings: number };
  documentation?: { percent: number };
}

/** Checks a stored summary's shape; anything else is treated as absent (with a reason). */
export function parseGateSummary(text: string): GateSummary | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return `not JSON (${(err as Error).message})`;
  }
  const v = value as Partial<GateSummary>;
  if (!v || typeof v !== 'object' || v.schema !== 1 || typeof v.commit !== 'string') {
    return 'not a shipkit gate summary (schema 1)';
  }
  return v as GateSummary;
}

/** What this run stores for later comparisons: figures only, never the raw reports. */
export function gateSummaryOf(
  parts: {
    files?: Map<string, { covered: number; total: number }>;
    formats?: string[];
    duplication?: { percentage: number; clones: { key: string }[] };
    security?: { vulnerabilities: number; warnings: number };
    documentation?: number | null;
  },
  commit: string,
  createdAt: string,
  ref?: string,
): GateSummary {
  const summary: GateSummary = { schema: 1, commit, createdAt, ...(ref ? { ref } : {}) };
  if (parts.files) {
    const { covered, total } = sumCounts(parts.files.values());
    const files: Record<string, [number, number]> = {};
    for (const [path, c] of [...parts.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      files[path] = [c.covered, c.total];
    }
    summary.coverage = { lines: counts(covered, total), files, formats: parts.formats ?? [] };
  }
  if (parts.duplication) {
    summary.duplication = {
      percentage: parts.duplication.percentage,
      clones: [...new Set(parts.duplication.clones.map((c) => c.key))].sort(),
    };
  }
  if (parts.security) summary.security = parts.security;
  if (parts.documentation !== undefined && parts.documentation !== null) {
    summary.documentation = { percent: parts.documentation };
  }
  return summary;
}
