// Apart from summary.ts so that generating a client never loads zod (only `codegen check` reads a summary).
import { z } from 'zod';

/**
 * What `api-summary.json` (written beside every generated client) holds: the API in a form that
 * `codegen check` can diff. The check reads the committed file through this schema.
 */
export const apiSummarySchema = z.object({
  operations: z.record(
    z.string(),
    z.object({
      method: z.string(),
      path: z.string(),
      params: z.record(z.string(), z.string()),
      body: z.string().optional(),
      output: z.string(),
    }),
  ),
  schemas: z.record(
    z.string(),
    z.object({ type: z.string(), props: z.record(z.string(), z.string()).optional() }),
  ),
});
export type ApiSummary = z.infer<typeof apiSummarySchema>;
