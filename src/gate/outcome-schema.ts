import { z } from 'zod';
import { versionedKind } from '../versioned-json.js';
import { gateSummarySchema } from './baseline.js';
import type { LineAnnotation } from './render.js';
import { gateResultSchema, statusSchema } from './result.js';
import type { FileRow } from './run.js';

const fileRowSchema: z.ZodType<FileRow> = z.object({
  path: z.string(),
  covered: z.number(),
  total: z.number(),
  percent: z.number().nullable(),
  patch: z.object({ covered: z.number(), total: z.number() }).optional(),
});

const lineAnnotationSchema: z.ZodType<LineAnnotation> = z.object({
  path: z.string(),
  start_line: z.number(),
  end_line: z.number(),
  annotation_level: z.literal('warning'),
  title: z.string(),
  message: z.string(),
});

/**
 * Everything one run decides and would publish: what `shipkit gate --json` prints and `--out`
 * writes. Its consumers (the plan's verify-week.mjs, the workflow_run publisher) read it through
 * this schema; bump `schemaVersion` whenever a field changes meaning or is removed.
 */
export const gateOutcomeSchema = z.object({
  schemaVersion: z.literal(1),
  verdict: statusSchema,
  outputs: z.record(z.string(), z.string()),
  /** Job summary Markdown. */
  summary: z.string(),
  /** Sticky PR comment Markdown. */
  comment: z.string(),
  annotations: z.array(lineAnnotationSchema),
  warnings: z.array(z.string()),
  results: z.array(gateResultSchema),
  /** Coverage per file, worst first: the data the summary's and the comment's file tables show. */
  files: z.array(fileRowSchema),
  /** What a default-branch push stores. */
  baseline: gateSummarySchema,
});
export type GateOutcome = z.infer<typeof gateOutcomeSchema>;

export const GATE_OUTCOME = versionedKind(gateOutcomeSchema, {
  what: 'gate result',
  writer: '`shipkit gate --json` (or `--out FILE`)',
});

/** What the first workflow of the workflow_run recipe saves (`report-file`) for the second. */
export const savedOutcomeSchema = gateOutcomeSchema.extend({
  pullRequest: z.number().int().positive().optional(),
  headSha: z.string(),
});
export type SavedOutcome = z.infer<typeof savedOutcomeSchema>;

export const SAVED_OUTCOME = versionedKind(savedOutcomeSchema, {
  what: 'saved gate result',
  writer: 'actions/gate with `report-file` in the pull_request workflow',
});
