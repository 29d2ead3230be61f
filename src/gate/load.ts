import { resolve } from 'node:path';
import { ShipkitError } from '../errors.js';
import { readText as readFileText, readTextIfExists } from '../fs/read.js';
import type { Git } from '../scm/git.js';
import { type GateSummary, parseGateSummary } from './baseline.js';
import { readCoverage } from './coverage/read.js';
import { type DiffFile, parseUnifiedDiff } from './diff.js';
import { checkDiffApplies } from './diff-apply.js';
import { readTypedocCoverage } from './documentation.js';
import { readJscpdReport } from './duplication.js';
import { expandGlob } from './glob.js';
import type { GateInputs } from './run.js';
import type { Finding } from './security/finding.js';
import { readSecurityReport } from './security/gate.js';

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

function readText(root: string, file: string, what: string): string {
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
    out.duplication = readJscpdReport(readText(root, paths.duplication, 'jscpd report'), paths.duplication);
  }
  if (paths.baseDuplication) {
    const base = readJscpdReport(
      readText(root, paths.baseDuplication, 'base jscpd report'),
      paths.baseDuplication,
    );
    out.baseClones = base.clones.map((c) => c.key);
  }
  if (paths.security.length) {
    const findings: Finding[] = [];
    for (const pattern of paths.security) {
      const files = expandGlob(pattern, root);
      if (files.length === 0) {
        throw new ShipkitError(`no security report matches ${pattern}`, {
          hint: `Paths and globs are relative to ${root}; did \`npm audit --json\` or the scanner write it?`,
        });
      }
      for (const f of files)
        findings.push(...readSecurityReport(readText(root, f, 'security report'), f, root));
    }
    out.findings = findings;
  }
  if (paths.documentation) {
    out.documentation = readTypedocCoverage(
      readText(root, paths.documentation, 'TypeDoc coverage report'),
      paths.documentation,
    );
  }
  return out;
}

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
