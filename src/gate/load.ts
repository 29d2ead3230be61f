import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { ShipkitError } from '../errors.js';
import { readText as readFileText, readTextIfExists } from '../fs/read.js';
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

const run = promisify(execFile);

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

async function git(root: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd: root, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' });
  return stdout;
}

/**
 * The working tree's changes since it left `base` (`git diff $(git merge-base BASE HEAD)`), so
 * uncommitted edits count too and line numbers are those coverage was measured on.
 */
export async function gitDiff(root: string, base: string): Promise<DiffFile[]> {
  if (base.startsWith('-') || /[\s\0]/.test(base)) {
    throw new ShipkitError(`not a git revision: ${JSON.stringify(base)}`, {
      hint: 'Pass a branch, tag or commit.',
    });
  }
  let mergeBase: string;
  try {
    mergeBase = (await git(root, ['merge-base', base, 'HEAD'])).trim();
  } catch (err) {
    throw new ShipkitError(`git cannot find where HEAD left ${base}`, {
      hint: `Is ${base} fetched? In Actions, check out with \`fetch-depth: 0\` (or fetch the base branch). ${
        (err as { stderr?: string }).stderr?.trim() ?? ''
      }`.trim(),
    });
  }
  const text = await git(root, ['diff', '--no-color', '--no-ext-diff', '--find-renames', mergeBase, '--']);
  const source = `git diff ${mergeBase.slice(0, 12)}`;
  const files = parseUnifiedDiff(text, source);
  checkDiffApplies(files, (p) => readWorkingFile(root, p), source);
  return files;
}

/** True when `rev` names a commit in the local repository. */
export async function hasCommit(root: string, rev: string): Promise<boolean> {
  if (rev.startsWith('-')) return false;
  try {
    await git(root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** The parents of HEAD (two for a pull request's merge commit). */
export async function headParents(root: string): Promise<string[]> {
  try {
    return (await git(root, ['rev-list', '--parents', '-n', '1', 'HEAD'])).trim().split(/\s+/).slice(1);
  } catch {
    return [];
  }
}
