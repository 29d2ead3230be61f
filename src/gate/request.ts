import { ShipkitError } from '../errors.js';
import { type Git, hasCommit, headParents } from '../scm/git.js';
import type { GateSummary } from './baseline.js';
import type { DiffFile } from './diff.js';
import type { PullRequestFile } from './diff-api.js';
import { type ReportPaths, readReports } from './load-reports.js';
import type { GateOutcome, gateOutcome } from './outcome.js';
import { checkConclusion, exitCodeOf } from './verdict.js';

// A gate job loads its parts as it comes to them: the report readers first (what the action waits
// for, bench/startup.bench.mjs), then the configuration, the change, the baseline and the judging.

/** How the pull request's changed lines are found: the `diff` input of actions/gate. */
export const DIFF_MODES = ['auto', 'git', 'api', 'none'] as const;
export type DiffMode = (typeof DIFF_MODES)[number];

/** Where the change comes from: a diff file, a base ref, the pull request being gated, or none. */
export type GateDiffSource =
  | { from: 'none' }
  | { from: 'file'; file: string }
  | { from: 'base'; ref: string }
  | { from: 'pull-request'; mode: DiffMode; number: number; baseSha: string };

/** Where the baseline comes from: a file, the data branch (nearest stored ancestor of the base), or none. */
export type GateBaselineSource =
  | { from: 'none' }
  | { from: 'file'; file: string }
  | { from: 'data-branch'; branch: string; baseSha: string };

/**
 * One gate job, built once by a reader of action inputs (`actions/gate`) or of CLI flags
 * (`shipkit gate`) and run by `gateJob`: the two shells cannot drift apart.
 */
export interface GateRequest {
  /**
   * The gate settings (`gates:` of shipkit.yml), loaded once the reports are read; when both fail,
   * the configuration's error is the one reported, as when it was loaded first.
   */
  config: () => Promise<Parameters<typeof gateOutcome>[0]['config']>;
  /** Every report path and glob, relative to `reports.root`. */
  reports: ReportPaths;
  diff: GateDiffSource;
  baseline: GateBaselineSource;
  /** The commit the baseline is stored for (`local` from the CLI). */
  commit: string;
  ref?: string | undefined;
  /** ISO time of the run (the baseline's `createdAt`, the security gate's "today"). */
  now: string;
  /** Storing this run's baseline on the data branch: `auto` (true) stores it on a default-branch push. */
  store: { dataBranch: string; wanted: boolean; defaultBranchPush: boolean };
}

/** A stored baseline the data branch holds (src/github/gate-baseline.ts finds it). */
export interface FoundBaseline {
  summary: GateSummary;
  commit: string;
  /** First-parent steps from the base commit. */
  distance: number;
}

/** What the job needs from outside: the repository's git, and GitHub (given by the action only). */
export interface GateDeps {
  /** The checkout's git (src/process/git.ts `localGit` at the edge), for a diff from a base. */
  git: Git;
  warn: (message: string) => void;
  info?: (message: string) => void;
  /** The pull request's changed files (`pulls.listFiles`), when the diff comes from the API. */
  pullRequestFiles?: (pullNumber: number) => Promise<readonly PullRequestFile[]>;
  /** The nearest stored baseline of `baseSha` on the data branch. */
  findBaseline?: (branch: string, baseSha: string) => Promise<FoundBaseline | undefined>;
}

/** The check run a verdict publishes: its conclusion and title. */
export interface GateCheck {
  conclusion: 'success' | 'failure' | 'neutral';
  title: string;
}

export interface GateJob {
  outcome: GateOutcome;
  /** Store `outcome.baseline` on `request.store.dataBranch` (a push to the default branch). */
  storeBaseline: boolean;
}

/** Runs one gate job: reads the reports, the change and the baseline, judges every gate. */
export async function gateJob(req: GateRequest, deps: GateDeps): Promise<GateJob> {
  const reports = await readReports(req.reports, deps.warn).catch(async (err: unknown) => {
    await req.config();
    throw err;
  });
  const config = await req.config();
  const { files: diff, missing } = await changeOf(req, deps);
  const baseline = await baselineOf(req.baseline, req.reports.root, deps);
  const { gateOutcome } = await import('./outcome.js');
  const outcome = gateOutcome(
    {
      config,
      ...reports,
      ...(diff ? { diff } : {}),
      ...(missing ? { diffMissing: missing } : {}),
      ...(baseline ? { baseline } : {}),
      today: req.now.slice(0, 10),
    },
    req.commit,
    req.now,
    req.ref,
  );
  const { dataBranch, wanted, defaultBranchPush } = req.store;
  return { outcome, storeBaseline: Boolean(dataBranch) && wanted && defaultBranchPush };
}

async function changeOf(
  req: GateRequest,
  deps: GateDeps,
): Promise<{ files?: DiffFile[] | undefined; missing?: string[] | undefined }> {
  const root = req.reports.root;
  const d = req.diff;
  if (d.from === 'none' || (d.from === 'pull-request' && d.mode === 'none')) return {};
  const { gitDiff, readDiffFile, readWorkingFile } = await import('./load.js');
  if (d.from === 'file') return { files: readDiffFile(root, d.file) };
  if (d.from === 'base') return { files: await gitDiff(deps.git, d.ref) };
  if (d.mode !== 'api') {
    // The merge commit actions/checkout makes for a pull request: its first parent is the base.
    const parents = await headParents(deps.git);
    const base =
      parents.length === 2 ? parents[0] : (await hasCommit(deps.git, d.baseSha)) ? d.baseSha : undefined;
    if (base) return { files: await gitDiff(deps.git, base) };
    if (d.mode === 'git') {
      throw new ShipkitError(`the base commit ${d.baseSha} is not in the checkout`, {
        hint: 'Check out with `fetch-depth: 2` (the merge commit and its base) or set `diff: api`.',
      });
    }
  }
  if (!deps.pullRequestFiles) throw new Error('gateJob: a diff from the API needs deps.pullRequestFiles');
  const { diffFromPullRequestFiles } = await import('./diff-api.js');
  const { checkDiffApplies } = await import('./diff-apply.js');
  const { files, missing } = diffFromPullRequestFiles(await deps.pullRequestFiles(d.number));
  checkDiffApplies(files, (p) => readWorkingFile(root, p), `the diff of pull request #${d.number}`);
  return { files, missing };
}

async function baselineOf(
  source: GateBaselineSource,
  root: string,
  deps: GateDeps,
): Promise<GateSummary | undefined> {
  if (source.from === 'none') return undefined;
  if (source.from === 'file') return (await import('./load.js')).readBaselineFile(root, source.file);
  if (!deps.findBaseline) throw new Error('gateJob: a data-branch baseline needs deps.findBaseline');
  const { branch, baseSha } = source;
  const found = await deps.findBaseline(branch, baseSha).catch((err: unknown) => {
    deps.warn(
      `Could not read the baseline from ${branch} (${(err as Error).message}); comparing without one.`,
    );
    return undefined;
  });
  if (found) {
    deps.info?.(`Baseline: ${found.commit} on ${branch}, ${found.distance} commit(s) behind the base.`);
    return found.summary;
  }
  deps.info?.(`No stored baseline on ${branch} for the base ${baseSha}.`);
  return undefined;
}

/** The check run of a verdict: a warning is neutral, not a failure; the title names what was not met. */
export function gateCheck(outcome: Pick<GateOutcome, 'verdict' | 'results'>): GateCheck {
  const failed = outcome.results.filter((r) => r.status !== 'pass').map((r) => r.title);
  return {
    conclusion: checkConclusion(outcome.verdict),
    title: failed.length ? `Not met: ${failed.join(', ')}` : 'All gates passed',
  };
}

/** The error that fails the step when a `fail_*` gate failed, else undefined. */
export function gateFailure(outcome: Pick<GateOutcome, 'verdict' | 'results'>): ShipkitError | undefined {
  if (exitCodeOf(outcome) === 0) return undefined;
  const failed = outcome.results.filter((r) => r.status === 'fail').map((r) => `${r.title} (${r.summary})`);
  return new ShipkitError(`quality gates failed: ${failed.join('; ')}`, {
    hint: 'See the job summary for the details.',
  });
}

/** The `diff` input: one of DIFF_MODES, empty meaning `auto`. */
export function diffMode(raw: string): DiffMode {
  const mode = raw.trim() || 'auto';
  if ((DIFF_MODES as readonly string[]).includes(mode)) return mode as DiffMode;
  throw new ShipkitError(
    `input \`diff\` must be one of ${DIFF_MODES.join(', ')}, got ${JSON.stringify(raw)}`,
    {
      hint: 'Leave it out (auto: git when the base is in the checkout, else the API).',
    },
  );
}

/** The `workflow_run` that saved an outcome (the event payload's `workflow_run`). */
export interface SavedRun {
  headSha?: string | undefined;
  headBranch?: string | undefined;
  event?: string | undefined;
  /**
   * Where the run was (`owner/name`), and where the commit it tested came from: a fork's differs,
   * and a deleted fork's is null (GitHub's `head_repository: null`).
   */
  repository?: string | undefined;
  headRepository?: string | null | undefined;
}

/**
 * What publishing a saved outcome (the workflow_run recipe's second workflow) may do. The artifact
 * comes from an untrusted run: its PR number is believed only if that PR's head (`prHeadSha`, read
 * from GitHub) is the commit the triggering run tested; its baseline is stored only for a push to
 * the default branch whose commit it names. `fork`: a fork's run saved it (the fork's code made
 * the figures, and in a `pull_request` run its workflow files too), for the publication to say so;
 * `repository` is the fork's name when GitHub gives it.
 */
export function savedPublication(
  saved: { pullRequest?: number | undefined; headSha: string; baseline?: { commit: string } | undefined },
  run: SavedRun,
  facts: { defaultBranch: string | undefined; dataBranch: string; prHeadSha?: string | undefined },
): { headSha: string; storeBaseline: boolean; fork?: { repository: string | undefined } } {
  if (saved.pullRequest !== undefined) {
    if (!run.headSha || facts.prHeadSha !== run.headSha || saved.headSha !== run.headSha) {
      throw new ShipkitError(
        `the saved result names pull request #${saved.pullRequest}, whose head is not the commit this workflow_run tested`,
        { hint: 'Publish only results of the run that triggered this workflow.' },
      );
    }
  }
  const pushed =
    run.event === 'push' &&
    facts.defaultBranch !== undefined &&
    run.headBranch === facts.defaultBranch &&
    saved.headSha === run.headSha;
  // A pull request's run whose head is another repository, a deleted one (null), or one the payload
  // does not name: the fork's own.
  const head = run.headRepository;
  const base = run.repository;
  const fork =
    head === null || (head === undefined && run.event?.startsWith('pull_request'))
      ? { repository: undefined }
      : head !== undefined && base !== undefined && head.toLowerCase() !== base.toLowerCase()
        ? { repository: head }
        : undefined;
  return {
    headSha: run.headSha ?? saved.headSha,
    storeBaseline: pushed && Boolean(facts.dataBranch) && saved.baseline?.commit === run.headSha,
    ...(fork ? { fork } : {}),
  };
}
