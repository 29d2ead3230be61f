import type { DocumentationConfig } from '../config/sections/gates.js';
import { ShipkitError } from '../errors.js';
import { defineGate } from './gate.js';
import { isObject, parseReportJson } from './report-json.js';
import { type GateResult, pct, ratio, roundPct, statusFor } from './result.js';

export interface DocumentationReport {
  expected: number;
  actual: number;
  /** actual / expected × 100, exact (the plugin's own `percent` is rounded down). */
  percent: number | null;
  notDocumented: string[];
}

/** Reads TypeDoc's documentation coverage (typedoc-plugin-coverage, `coverageOutputType: json`). */
export function readTypedocCoverage(text: string, file: string): DocumentationReport {
  const doc = parseReportJson(text, file, 'the TypeDoc coverage report');
  if (!isObject(doc) || typeof doc.expected !== 'number' || typeof doc.actual !== 'number') {
    throw new ShipkitError('not a TypeDoc coverage report: `expected` and `actual` are missing', {
      location: { file },
      hint: 'Run TypeDoc with typedoc-plugin-coverage and `--coverageOutputType json` (or `all`).',
    });
  }
  const notDocumented = Array.isArray(doc.notDocumented) ? doc.notDocumented.map(String) : [];
  return {
    expected: doc.expected,
    actual: doc.actual,
    percent: ratio(doc.actual, doc.expected),
    notDocumented,
  };
}

/** Documentation, registered in `gates.ts`: the documented percentage is its baseline figure. */
export const documentationGateEntry = defineGate({
  id: 'documentation',
  title: 'Documentation',
  config: 'documentation',
  needs: { report: 'documentation', missing: 'TypeDoc coverage report', given: 'A TypeDoc report' },
  judge: (config, report) => ({ results: [documentationGate(config, report)], figures: report.percent }),
  baseline: (_report, percent) => (percent === undefined ? {} : { documentation: percent }),
});

export function documentationGate(config: DocumentationConfig, report: DocumentationReport): GateResult {
  const target = config.coverage.percent;
  const breached = report.percent !== null && report.percent < target - 1e-9;
  const missing = [...new Set(report.notDocumented)];
  const shown = missing.slice(0, 50);
  return {
    id: 'documentation',
    title: 'Documentation',
    status: statusFor(breached, config.action),
    breached,
    action: config.action,
    informational: config.action === 'informational',
    summary: `${pct(report.percent)} of ${report.expected} API items documented (target ${pct(target)}${
      config.coverage.of ? ` of ${config.coverage.of}` : ''
    })`,
    notes: report.percent === null ? ['TypeDoc found nothing that must be documented.'] : [],
    table: shown.length
      ? [
          ['Not documented'],
          ...shown.map((n) => [n]),
          ...(missing.length > 50 ? [[`… and ${missing.length - 50} more`]] : []),
        ]
      : undefined,
    outputs: {
      percent: report.percent === null ? '' : roundPct(report.percent),
      documented: report.actual,
      expected: report.expected,
    },
  };
}
