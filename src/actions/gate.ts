import { resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { ShipkitError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { readText } from '../fs/read.js';
import type { GateSummary } from '../gate/baseline.js';
import { parsePathMap } from '../gate/coverage/paths.js';
import type { DiffFile } from '../gate/diff.js';
import { diffFromPullRequestFiles } from '../gate/diff-api.js';
import { checkDiffApplies } from '../gate/diff-apply.js';
import { gitDiff, readReports, readWorkingFile } from '../gate/load.js';
import {
  checkConclusion,
  exitCodeOf,
  type GateOutcome,
  gateOutcome,
  renderSaved,
  SAVED_OUTCOME,
  type SavedOutcome,
} from '../gate/outcome.js';
import { publishCheckRun } from '../github/checks.js';
import type { GitHub } from '../github/client.js';
import { findBaseline, storeBaseline } from '../github/gate-baseline.js';
import { writeOrSummarize } from '../github/publish.js';
import { localGit } from '../process/git.js';
import { hasCommit, headParents } from '../scm/git.js';
import { parseVersioned } from '../versioned-json.js';
import { commentOnPullRequest } from './comment.js';
import type { ActionIO } from './runtime.js';

interface PullRequestPayload {
  number: number;
  head: { sha: string };
  base: { sha: string; ref: string };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * `actions/gate`: reads the reports, measures the pull request's diff, compares with the stored
 * baseline, and publishes one job summary, one sticky comment and one check run with annotations
 * on uncovered changed lines. On pushes to the default branch it stores the baseline. Fails the
 * step only when a `fail_*` gate failed.
 */
export async function run(io: ActionIO): Promise<void> {
  const fromReport = io.input('from-report');
  if (fromReport) return publishSaved(io, fromReport);
  const ctx = io.context();
  const root = ctx.workspace;
  const loaded = await loadConfig(io.input('config-file') || undefined, root);
  const pr = ctx.payload.pull_request as PullRequestPayload | undefined;
  const dataBranch = io.input('data-branch').trim();
  const reports = await readReports(
    {
      root,
      coverage: lines(io.input('coverage')),
      pathMap: parsePathMap(
        lines(io.input('path-map')),
        (e) => new ShipkitError(`path-map lines must be FROM=TO, got ${JSON.stringify(e)}`),
      ),
      ...(io.input('duplication') ? { duplication: io.input('duplication') } : {}),
      ...(io.input('base-duplication') ? { baseDuplication: io.input('base-duplication') } : {}),
      security: lines(io.input('security')),
      ...(io.input('docs') ? { documentation: io.input('docs') } : {}),
    },
    io.warn,
  );
  let diff: DiffFile[] | undefined;
  let diffMissing: string[] | undefined;
  let gh: GitHub | undefined;
  const github = async () => {
    gh ??= await io.github();
    return gh;
  };
  if (pr && ctx.repository && io.input('diff') !== 'none') {
    const got = await pullRequestDiff(io, root, pr, ctx.repository, github);
    diff = got.files;
    diffMissing = got.missing;
  }
  let baseline: GateSummary | undefined;
  if (pr && dataBranch && ctx.repository) {
    const branch = { ...ctx.repository, branch: dataBranch };
    const found = await findBaseline(await github(), branch, pr.base.sha, io.warn).catch((err: unknown) => {
      io.warn(
        `Could not read the baseline from ${dataBranch} (${(err as Error).message}); comparing without one.`,
      );
      return undefined;
    });
    if (found) {
      baseline = found.summary;
      io.info(`Baseline: ${found.commit} on ${dataBranch}, ${found.distance} commit(s) behind the base.`);
    } else io.info(`No stored baseline on ${dataBranch} for the base ${pr.base.sha}.`);
  }
  const now = new Date().toISOString();
  const headSha = pr?.head.sha ?? ctx.sha;
  const outcome = gateOutcome(
    {
      config: loaded.config.gates,
      ...reports,
      ...(diff ? { diff } : {}),
      ...(diffMissing ? { diffMissing } : {}),
      ...(baseline ? { baseline } : {}),
      today: now.slice(0, 10),
    },
    headSha,
    now,
    ctx.ref,
  );
  for (const w of outcome.warnings) io.warn(w);
  const reportFile = io.input('report-file');
  if (reportFile) {
    const saved: SavedOutcome = { ...outcome, headSha, ...(pr ? { pullRequest: pr.number } : {}) };
    await writeFileAtomic(resolve(root, reportFile), `${JSON.stringify(saved)}\n`);
  }
  await publish(io, outcome, pr?.number, headSha, github);
  const repository = ctx.repository;
  const store = io.input('store-baseline') === '' || io.booleanInput('store-baseline');
  if (store && ctx.isDefaultBranchPush && dataBranch && repository) {
    const gh2 = await github();
    const stored = await writeOrSummarize(
      `baseline on ${dataBranch}`,
      () => storeBaseline(gh2, { ...repository, branch: dataBranch }, outcome.baseline),
      '',
      io.warn,
    );
    if (stored) io.info(`Stored the gate summary of ${headSha} on ${dataBranch} (${stored.commit}).`);
  }
  finish(outcome);
}

/** The diff of the pull request, in the line numbers of the checked-out commit. */
async function pullRequestDiff(
  io: ActionIO,
  root: string,
  pr: PullRequestPayload,
  repo: { owner: string; repo: string },
  github: () => Promise<GitHub>,
): Promise<{ files: DiffFile[]; missing?: string[] }> {
  const mode = io.input('diff') || 'auto';
  if (mode !== 'api') {
    // The merge commit actions/checkout makes for a pull request: its first parent is the base.
    const git = localGit(root);
    const parents = await headParents(git);
    const base =
      parents.length === 2 ? parents[0] : (await hasCommit(git, pr.base.sha)) ? pr.base.sha : undefined;
    if (base) return { files: await gitDiff(git, base) };
    if (mode === 'git') {
      throw new ShipkitError(`the base commit ${pr.base.sha} is not in the checkout`, {
        hint: 'Check out with `fetch-depth: 2` (the merge commit and its base) or set `diff: api`.',
      });
    }
  }
  const gh = await github();
  const files = await gh.paginate(gh.rest.pulls.listFiles, {
    ...repo,
    pull_number: pr.number,
    per_page: 100,
  });
  const { files: diff, missing } = diffFromPullRequestFiles(files);
  checkDiffApplies(diff, (p) => readWorkingFile(root, p), `the diff of pull request #${pr.number}`);
  return { files: diff, missing };
}

async function publish(
  io: ActionIO,
  outcome: GateOutcome,
  pullRequest: number | undefined,
  headSha: string,
  github: () => Promise<GitHub>,
): Promise<void> {
  await io.summary(outcome.summary);
  for (const [name, value] of Object.entries(outcome.outputs)) io.setOutput(name, value);
  const ctx = io.context();
  if (!ctx.repository || pullRequest === undefined) return;
  const repo = ctx.repository;
  if (io.booleanInput('comment')) {
    await commentOnPullRequest(
      io,
      { ...repo, issueNumber: pullRequest, key: 'gate' },
      outcome.comment,
      github,
    );
  }
  if (io.booleanInput('annotations')) {
    const gh = await github();
    const failed = outcome.results.filter((r) => r.status !== 'pass').map((r) => r.title);
    const check = await writeOrSummarize(
      'check run',
      () =>
        publishCheckRun(gh, {
          ...repo,
          name: io.input('check-name') || 'shipkit gate',
          headSha,
          conclusion: checkConclusion(outcome.verdict),
          title: failed.length ? `Not met: ${failed.join(', ')}` : 'All gates passed',
          summary: outcome.comment,
          annotations: outcome.annotations,
        }),
      '',
      io.warn,
    );
    if (check)
      io.info(
        `Check run ${check.id}: ${outcome.annotations.length} annotation(s) in ${check.requests} request(s).`,
      );
  }
}

/** The second workflow of the recipe: publish what a read-only pull_request run saved. */
async function publishSaved(io: ActionIO, file: string): Promise<void> {
  const ctx = io.context();
  const path = resolve(ctx.workspace, file);
  const text = readText(path, {
    kind: 'report',
    what: 'the saved gate result',
    file,
    hint: 'Download the artifact the pull_request workflow uploaded before this step.',
  });
  const saved = parseVersioned(SAVED_OUTCOME, text, file);
  const run = ctx.payload.workflow_run as
    | { head_sha?: string; head_branch?: string; event?: string }
    | undefined;
  const gh = await io.github();
  if (saved.pullRequest !== undefined && ctx.repository) {
    // The artifact comes from an untrusted run: believe its PR number only if that PR's head is
    // the commit the triggering run tested.
    const { data } = await gh.rest.pulls.get({ ...ctx.repository, pull_number: saved.pullRequest });
    if (!run?.head_sha || data.head.sha !== run.head_sha || saved.headSha !== run.head_sha) {
      throw new ShipkitError(
        `the saved result names pull request #${saved.pullRequest}, whose head is not the commit this workflow_run tested`,
        { hint: 'Publish only results of the run that triggered this workflow.' },
      );
    }
  }
  const rendered = { ...saved, ...renderSaved(saved, file) };
  await publish(io, rendered, saved.pullRequest, run?.head_sha ?? saved.headSha, async () => gh);
  const dataBranch = io.input('data-branch').trim();
  const pushed =
    run?.event === 'push' &&
    ctx.defaultBranch !== undefined &&
    run.head_branch === ctx.defaultBranch &&
    saved.headSha === run.head_sha;
  const repository = ctx.repository;
  if (pushed && dataBranch && repository && saved.baseline?.commit === run?.head_sha) {
    const stored = await storeBaseline(gh, { ...repository, branch: dataBranch }, saved.baseline);
    io.info(`Stored the gate summary of ${saved.headSha} on ${dataBranch} (${stored.commit}).`);
  }
  finish(rendered);
}

function finish(outcome: Pick<GateOutcome, 'verdict' | 'results'>): void {
  if (exitCodeOf(outcome) === 0) return;
  const failed = outcome.results.filter((r) => r.status === 'fail').map((r) => `${r.title} (${r.summary})`);
  throw new ShipkitError(`quality gates failed: ${failed.join('; ')}`, {
    hint: 'See the job summary for the details.',
  });
}
