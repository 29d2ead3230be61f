import { z } from 'zod';

/** What each gate decides, and how the decisions add up to the run's verdict. */

export const statusSchema = z.enum(['pass', 'warn', 'fail']);
export type Status = z.infer<typeof statusSchema>;

/** One gate's decision, as `shipkit gate --json` prints it and the saved outcome keeps it. */
export const gateResultSchema = z.object({
  /** Stable id, also the prefix of the gate's outputs: `coverage`, `patch`, `files`, … */
  id: z.string(),
  title: z.string(),
  status: statusSchema,
  /** The target was missed, whatever the action makes of it. */
  breached: z.boolean(),
  /** The configured action, e.g. `fail_if_below`. */
  action: z.string(),
  informational: z.boolean(),
  /** One line: the figure and its target. */
  summary: z.string(),
  /** Further lines worth reading: rules applied, expired allowlist entries, … */
  notes: z.array(z.string()),
  /** Markdown table rows (header first) with the details, worst first. */
  table: z.array(z.array(z.string())).optional(),
  /** Step outputs of this gate, named without the prefix. */
  outputs: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type GateResult = z.infer<typeof gateResultSchema>;

/** pass / warn / fail from whether the target was missed and what the config says to do then. */
export function statusFor(breached: boolean, action: string, informational = false): Status {
  if (!breached || informational || action === 'informational') return 'pass';
  return action.startsWith('fail_') ? 'fail' : 'warn';
}

/** The worst status: one failing gate fails the run; otherwise one warning warns it. */
export function verdictOf(results: readonly GateResult[]): Status {
  if (results.some((r) => r.status === 'fail')) return 'fail';
  if (results.some((r) => r.status === 'warn')) return 'warn';
  return 'pass';
}

/**
 * A percentage as every output shows it, Codecov's default: rounded DOWN at two decimals
 * (94.2857 → 94.28; 99.996 → 99.99, so 100 means all of it and a figure below its target never
 * shows as reaching it). Verdicts compare the exact figure; this is for display and outputs.
 */
export function roundPct(value: number): number {
  return Math.floor(value * 100 + 1e-9) / 100;
}

/** `87.25%`: rounded by roundPct, trailing zeros dropped; `n/a` without a figure. */
export function pct(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return 'n/a';
  return `${roundPct(value)}%`;
}

export function ratio(covered: number, total: number): number | null {
  return total === 0 ? null : (covered / total) * 100;
}
