import { resolve } from 'node:path';
import { ShipkitError } from '../errors.js';
import { readText as readFileText, readTextIfExists } from '../fs/read.js';
import type { Git } from '../scm/git.js';
import { type GateSummary, parseGateSummary } from './baseline.js';
import { type DiffFile, parseUnifiedDiff } from './diff.js';
import { checkDiffApplies } from './diff-apply.js';
import { readReportText as readText } from './load-reports.js';

// The reports are read by load-reports.ts, which the gate loads before anything else it needs.
export { type ReportPaths, readReports } from './load-reports.js';

/** A diff file (`git diff` output) that must apply to the working tree. */
export function readDiffFile(root: string, file: string): DiffFile[] {
  const files = parseUnifiedDiff(readText(root, file, 'diff'), file);
  checkDiffApplies(files, (p) => readWorkingFile(root, p), file);
  return files;
}

/** A stored gate summary (`shipkit gate --baseline FILE`), checked by its schema. */
export function readBaselineFile(root: string, file: string): GateSummary {
  const text = readFileText(resolve(root, file), { kind: 'report', what: 'the baseline', file });
  return parseGateSummary(text, file);
}

/** A file of the working tree, or undefined when there is none (what a diff is checked against). */
export function readWorkingFile(root: string, path: string): string | undefined {
  return readTextIfExists(resolve(root, path), {
    kind: 'source',
    what: 'a file the diff changes',
    file: path,
  });
}

/**
 * The working tree's changes since it left `base` (`git diff $(git merge-base BASE HEAD)`), so
 * uncommitted edits count too and line numbers are those coverage was measured on.
 */
export async function gitDiff(git: Git, base: string): Promise<DiffFile[]> {
  if (base.startsWith('-') || /[\s\0]/.test(base)) {
    throw new ShipkitError(`not a git revision: ${JSON.stringify(base)}`, {
      hint: 'Pass a branch, tag or commit.',
    });
  }
  let mergeBase: string;
  try {
    mergeBase = (await git.run(['merge-base', base, 'HEAD'])).out.trim();
  } catch (err) {
    throw new ShipkitError(`git cannot find where HEAD left ${base}`, {
      hint: `Is ${base} fetched? In Actions, check out with \`fetch-depth: 0\` (or fetch the base branch). ${
        err instanceof Error ? err.message : ''
      }`.trim(),
    });
  }
  const { out } = await git.run(['diff', '--no-color', '--no-ext-diff', '--find-renames', mergeBase, '--']);
  const source = `git diff ${mergeBase.slice(0, 12)}`;
  const files = parseUnifiedDiff(out, source);
  checkDiffApplies(files, (p) => readWorkingFile(git.dir, p), source);
  return files;
}
