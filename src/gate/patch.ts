import type { CoverageReport } from './coverage/model.js';
import type { DiffFile } from './diff.js';

export interface PatchFile {
  path: string;
  covered: number;
  total: number;
  /** Head line numbers added or changed, executable and not run. */
  uncovered: number[];
}

export interface PatchCoverage {
  covered: number;
  total: number;
  files: PatchFile[];
  /** Changed files the report says nothing about (not executable, or not measured). */
  unmeasured: string[];
  /** Lines the diff removes, over all files. */
  removed: number;
}

/**
 * Patch coverage: of the lines the diff adds or changes, those the report calls executable, and
 * of those the ones that ran. Deleted and binary files add nothing; a renamed file is looked up
 * under its new name.
 */
export function patchCoverage(
  report: CoverageReport,
  diff: readonly DiffFile[],
  keep: (path: string) => boolean = () => true,
): PatchCoverage {
  const result: PatchCoverage = { covered: 0, total: 0, files: [], unmeasured: [], removed: 0 };
  for (const file of diff) {
    result.removed += file.removed;
    if (file.status === 'deleted' || file.binary || file.added.length === 0 || !keep(file.path)) continue;
    const coverage = report.files.get(file.path);
    if (!coverage) {
      result.unmeasured.push(file.path);
      continue;
    }
    const entry: PatchFile = { path: file.path, covered: 0, total: 0, uncovered: [] };
    for (const n of file.added) {
      const hits = coverage.lines.get(n);
      if (hits === undefined) continue;
      entry.total++;
      if (hits > 0) entry.covered++;
      else entry.uncovered.push(n);
    }
    if (entry.total === 0) continue;
    result.covered += entry.covered;
    result.total += entry.total;
    result.files.push(entry);
  }
  return result;
}
