import { createHash } from 'node:crypto';
import type { DuplicationConfig } from '../config/sections/gates.js';
import { ShipkitError } from '../errors.js';
import { defineGate } from './gate.js';
import { isObject, parseReportJson } from './report-json.js';
import { type GateResult, pct, roundPct, statusFor } from './result.js';

export interface CloneSide {
  path: string;
  start: number;
  end: number;
}

export interface Clone {
  /** Stable across commits: the two files and the duplicated text, not the line numbers. */
  key: string;
  lines: number;
  first: CloneSide;
  second: CloneSide;
}

export interface DuplicationReport {
  lines: number;
  duplicatedLines: number;
  /** duplicated / total lines × 100, exact (jscpd prints it rounded to two decimals). */
  percentage: number;
  clones: Clone[];
}

/** Reads jscpd's JSON report (`--reporters json`, jscpd-report.json). */
export function readJscpdReport(text: string, file: string): DuplicationReport {
  const doc = parseReportJson(text, file, 'the jscpd report');
  const total = isObject(doc) && isObject(doc.statistics) ? doc.statistics.total : undefined;
  if (!isObject(total) || typeof total.lines !== 'number' || typeof total.duplicatedLines !== 'number') {
    throw new ShipkitError('not a jscpd JSON report: `statistics.total` with `lines` is missing', {
      location: { file },
      hint: 'Run jscpd with `--reporters json`; it writes jscpd-report.json in the `--output` folder.',
    });
  }
  const duplicates = Array.isArray((doc as { duplicates?: unknown }).duplicates)
    ? ((doc as { duplicates: unknown[] }).duplicates as Record<string, unknown>[])
    : [];
  const clones = duplicates.map((d, i) => clone(d, file, i));
  return {
    lines: total.lines,
    duplicatedLines: total.duplicatedLines,
    percentage: total.lines === 0 ? 0 : (total.duplicatedLines / total.lines) * 100,
    clones,
  };
}

function side(v: unknown): CloneSide | undefined {
  if (!isObject(v) || typeof v.name !== 'string') return undefined;
  return {
    path: v.name.replace(/\\/g, '/').replace(/^\.\//, ''),
    start: Number(v.start),
    end: Number(v.end),
  };
}

function clone(d: Record<string, unknown>, file: string, i: number): Clone {
  const first = side(d.firstFile);
  const second = side(d.secondFile);
  if (!first || !second) {
    throw new ShipkitError(`jscpd report: duplicate ${i} has no firstFile/secondFile`, {
      location: { file },
    });
  }
  const fragment = typeof d.fragment === 'string' ? d.fragment.replace(/\s+/g, ' ').trim() : '';
  const key = createHash('sha1')
    .update([first.path, second.path].sort().join('\0'))
    .update('\0')
    .update(fragment || `${first.end - first.start}:${second.end - second.start}`)
    .digest('hex')
    .slice(0, 16);
  return { key, lines: Number(d.lines) || first.end - first.start + 1, first, second };
}

/**
 * Duplication, registered in `gates.ts`. Its clones are stored even when the gate is not
 * configured, so that turning it on later has a base to count new clones against.
 */
export const duplicationGateEntry = defineGate({
  id: 'duplication',
  title: 'Duplication',
  config: 'code_duplication',
  needs: { report: 'duplication', missing: 'jscpd report', given: 'A jscpd report' },
  judge: (config, report, inputs) => ({
    results: [duplicationGate(config, report, inputs.baseClones)],
    figures: undefined,
  }),
  baseline: (report) => ({ duplication: report }),
});

/** Duplication: the share of duplicated lines, and new clones when a base is known. */
export function duplicationGate(
  config: DuplicationConfig,
  head: DuplicationReport,
  baseKeys?: readonly string[],
): GateResult {
  const base = baseKeys ? new Set(baseKeys) : undefined;
  const fresh = base ? head.clones.filter((c) => !base.has(c.key)) : undefined;
  const over = head.percentage > config.threshold + 1e-9;
  const tooManyNew =
    fresh !== undefined && config.max_new_clones !== undefined && fresh.length > config.max_new_clones;
  const breached = over || tooManyNew;
  const shown = (fresh ?? head.clones).slice().sort((a, b) => b.lines - a.lines);
  const notes: string[] = [];
  if (fresh === undefined) notes.push('No base report: new clones are counted once a baseline is stored.');
  if (tooManyNew) notes.push(`${fresh?.length} new clone(s); at most ${config.max_new_clones} allowed.`);
  return {
    id: 'duplication',
    title: 'Duplication',
    status: statusFor(breached, config.action),
    breached,
    action: config.action,
    informational: config.action === 'informational',
    summary:
      `${pct(head.percentage)} of ${head.lines} lines duplicated (limit ${pct(config.threshold)}); ` +
      `${head.clones.length} clone(s)${fresh ? `, ${fresh.length} new` : ''}`,
    notes,
    table: shown.length
      ? [
          [fresh ? 'New clone' : 'Clone', 'Lines', 'Copy of'],
          ...shown.map((c) => [
            `${c.first.path}:${c.first.start}-${c.first.end}`,
            String(c.lines),
            `${c.second.path}:${c.second.start}-${c.second.end}`,
          ]),
        ]
      : undefined,
    outputs: {
      percent: roundPct(head.percentage),
      clones: head.clones.length,
      ...(fresh ? { 'new-clones': fresh.length } : {}),
    },
  };
}
