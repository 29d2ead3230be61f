import { z } from 'zod';
import { parseVersioned, versionedKind } from '../versioned-json.js';
import { counts } from './coverage/summary.js';
import { sumCounts } from './coverage-counts.js';

const countsSchema = z.object({ covered: z.number(), total: z.number(), pct: z.number().nullable() });

/**
 * What is stored per default-branch commit and compared against by pull requests: the gates'
 * figures, never the raw reports. Per-file line counts let a pull request adjust the base for
 * files it deletes and compute component figures; clone keys let it count new clones.
 */
export const gateSummarySchema = z.object({
  schemaVersion: z.literal(1),
  commit: z.string(),
  ref: z.string().optional(),
  /** ISO time the summary was made. */
  createdAt: z.string(),
  coverage: z
    .object({
      lines: countsSchema,
      /** path → [covered, total] lines. */
      files: z.record(z.string(), z.tuple([z.number(), z.number()])),
      formats: z.array(z.string()),
    })
    .optional(),
  duplication: z.object({ percentage: z.number(), clones: z.array(z.string()) }).optional(),
  security: z.object({ vulnerabilities: z.number(), warnings: z.number() }).optional(),
  documentation: z.object({ percent: z.number() }).optional(),
});
export type GateSummary = z.infer<typeof gateSummarySchema>;

/** The stored baseline (data branch, `--baseline`), read through its schema. */
export const GATE_SUMMARY = versionedKind(gateSummarySchema, {
  what: 'gate baseline',
  writer: 'actions/gate (on the data branch) or `shipkit gate --out` (its `baseline` field)',
  legacySchemaField: true,
});

/** Where a commit's gate summary lives on the data branch: fanned out by the commit SHA. */
export function gateSummaryPath(commit: string): string {
  return `gate/${commit.slice(0, 2)}/${commit}.json`;
}

/** Reads a stored summary; a file of another shape or version is a ShipkitError naming the field. */
export function parseGateSummary(text: string, file: string): GateSummary {
  return parseVersioned(GATE_SUMMARY, text, file);
}

/** The typed figures the gates hand over for the baseline, each gate its own part. */
export interface BaselineParts {
  files?: Map<string, { covered: number; total: number }>;
  formats?: string[];
  duplication?: { percentage: number; clones: { key: string }[] };
  security?: { vulnerabilities: number; warnings: number };
  documentation?: number | null;
}

/** What this run stores for later comparisons: figures only, never the raw reports. */
export function gateSummaryOf(
  parts: BaselineParts,
  commit: string,
  createdAt: string,
  ref?: string,
): GateSummary {
  const summary: GateSummary = { schemaVersion: 1, commit, createdAt, ...(ref ? { ref } : {}) };
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
