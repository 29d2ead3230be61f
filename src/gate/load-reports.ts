import { resolve } from 'node:path';
import { ShipkitError } from '../errors.js';
import { readText as readFileText } from '../fs/read.js';
import { readCoverage } from './coverage/read.js';
import { expandGlob } from './glob.js';
import type { GateInputs } from './run.js';
import type { Finding } from './security/finding.js';

// The first work of a gate: what it loads before it opens a report is what the action waits for
// (bench/startup.bench.mjs), so each reader of the other reports is loaded when that report is named.

/** Where the reports are; every path and glob is relative to `root`. */
export interface ReportPaths {
  root: string;
  coverage: string[];
  pathMap?: Record<string, string>;
  duplication?: string;
  baseDuplication?: string;
  security: string[];
  documentation?: string;
}

/** A report (or diff) under `root`, read whole, its errors naming it. */
export function readReportText(root: string, file: string, what: string): string {
  return readFileText(resolve(root, file), {
    kind: what === 'diff' ? 'diff' : 'report',
    what: `the ${what}`,
    file,
    hint: `Paths are relative to ${root}; did the step that writes it run?`,
  });
}

/** Reads every report named; a gate whose report is not named stays undefined. */
export async function readReports(
  paths: ReportPaths,
  warn: (message: string) => void,
): Promise<Pick<GateInputs, 'coverage' | 'duplication' | 'baseClones' | 'findings' | 'documentation'>> {
  const { root } = paths;
  const out: Pick<GateInputs, 'coverage' | 'duplication' | 'baseClones' | 'findings' | 'documentation'> = {};
  if (paths.coverage.length) {
    out.coverage = await readCoverage(paths.coverage, {
      root,
      cwd: root,
      warn,
      ...(paths.pathMap ? { pathMap: paths.pathMap } : {}),
    });
  }
  if (paths.duplication) {
    const { readJscpdReport } = await import('./duplication.js');
    out.duplication = readJscpdReport(
      readReportText(root, paths.duplication, 'jscpd report'),
      paths.duplication,
    );
  }
  if (paths.baseDuplication) {
    const { readJscpdReport } = await import('./duplication.js');
    const base = readJscpdReport(
      readReportText(root, paths.baseDuplication, 'base jscpd report'),
      paths.baseDuplication,
    );
    out.baseClones = base.clones.map((c) => c.key);
  }
  if (paths.security.length) {
    const { readSecurityReport } = await import('./security/gate.js');
    const findings: Finding[] = [];
    for (const pattern of paths.security) {
      const files = expandGlob(pattern, root);
      if (files.length === 0) {
        throw new ShipkitError(`no security report matches ${pattern}`, {
          hint: `Paths and globs are relative to ${root}; did \`npm audit --json\` or the scanner write it?`,
        });
      }
      for (const f of files)
        findings.push(...readSecurityReport(readReportText(root, f, 'security report'), f, root));
    }
    out.findings = findings;
  }
  if (paths.documentation) {
    const { readTypedocCoverage } = await import('./documentation.js');
    out.documentation = readTypedocCoverage(
      readReportText(root, paths.documentation, 'TypeDoc coverage report'),
      paths.documentation,
    );
  }
  return out;
}
