import { resolve } from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { ShipkitError } from '../errors.js';
import { parsePathMap } from '../gate/coverage/paths.js';
import type { GateOutcome, SavedOutcome } from '../gate/outcome.js';
import {
  diffMode,
  type GateRequest,
  gateCheck,
  gateFailure,
  gateJob,
  type SavedRun,
  savedPublication,
} from '../gate/request.js';
import type { GitHub } from '../github/client.js';
import { lazyLocalGit } from '../process/lazy-git.js';
import { dataBranchInput } from '../scm/branch-name.js';
import type { ActionIO } from './runtime.js';

// The gate's first work is reading its reports: what it loads before (this chunk, the readers) is
// what the step waits for, so the configuration, git, the outcome's schema and the GitHub
// publishing are each loaded where they are first used.

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
 * step only when a `fail_*` gate failed. The decisions are `gateJob`'s (src/gate/request.ts).
 */
export async function run(io: ActionIO): Promise<void> {
  const fromReport = io.input('from-report');
  if (fromReport) return publishSaved(io, fromReport);
  const ctx = io.context();
  const pr = ctx.payload.pull_request as PullRequestPayload | undefined;
  const github = memo(io.github);
  const request = await gateRequest(io, pr);
  // The request asks GitHub (a pull request's files, a stored baseline) only when the run has a repository.
  const repo = ctx.repository ?? { owner: '', repo: '' };
  const { outcome, storeBaseline: store } = await gateJob(request, {
    git: lazyLocalGit(request.reports.root),
    warn: io.warn,
    info: io.info,
    pullRequestFiles: async (pull_number) => {
      const gh = await github();
      return gh.paginate(gh.rest.pulls.listFiles, { ...repo, pull_number, per_page: 100 });
    },
    findBaseline: async (branch, baseSha) => {
      const { findBaseline } = await import('../github/gate-baseline.js');
      return findBaseline(await github(), { ...repo, branch }, baseSha, io.warn);
    },
  });
  for (const w of outcome.warnings) io.warn(w);
  const reportFile = io.input('report-file');
  if (reportFile) {
    const { writeFileAtomic } = await import('../fs/atomic.js');
    const saved: SavedOutcome = {
      ...outcome,
      headSha: request.commit,
      ...(pr ? { pullRequest: pr.number } : {}),
    };
    await writeFileAtomic(resolve(request.reports.root, reportFile), `${JSON.stringify(saved)}\n`);
  }
  await publish(io, outcome, pr?.number, request.commit, github);
  const repository = ctx.repository;
  const dataBranch = request.store.dataBranch;
  if (store && repository) {
    const { storeBaseline } = await import('../github/gate-baseline.js');
    const { writeOrSummarize } = await import('../github/publish.js');
    const gh = await github();
    const stored = await writeOrSummarize(
      `baseline on ${dataBranch}`,
      () => storeBaseline(gh, { ...repository, branch: dataBranch }, outcome.baseline),
      '',
      io.warn,
    );
    if (stored) io.info(`Stored the gate summary of ${request.commit} on ${dataBranch} (${stored.commit}).`);
  }
  const failure = gateFailure(outcome);
  if (failure) throw failure;
}

/** The gate request the action's inputs and the run context describe. */
async function gateRequest(io: ActionIO, pr: PullRequestPayload | undefined): Promise<GateRequest> {
  const ctx = io.context();
  const root = ctx.workspace;
  const configFile = io.input('config-file') || undefined;
  const config = async (): Promise<LoadedConfig['config']['gates']> => {
    const { loadConfig } = await import('../config/load.js');
    return (await loadConfig(configFile, root)).config.gates;
  };
  const dataBranch = dataBranchInput(io.input('data-branch'));
  const optional = (input: string, key: string) => (io.input(input) ? { [key]: io.input(input) } : {});
  const mode = diffMode(io.input('diff'));
  return {
    config,
    reports: {
      root,
      coverage: lines(io.input('coverage')),
      pathMap: parsePathMap(
        lines(io.input('path-map')),
        (e) => new ShipkitError(`path-map lines must be FROM=TO, got ${JSON.stringify(e)}`),
      ),
      ...optional('duplication', 'duplication'),
      ...optional('base-duplication', 'baseDuplication'),
      security: lines(io.input('security')),
      ...optional('docs', 'documentation'),
    },
    diff:
      pr && ctx.repository
        ? { from: 'pull-request', mode, number: pr.number, baseSha: pr.base.sha }
        : { from: 'none' },
    baseline:
      pr && dataBranch && ctx.repository
        ? { from: 'data-branch', branch: dataBranch, baseSha: pr.base.sha }
        : { from: 'none' },
    commit: pr?.head.sha ?? ctx.sha,
    ref: ctx.ref,
    now: new Date().toISOString(),
    store: {
      dataBranch,
      wanted: io.input('store-baseline') === '' || io.booleanInput('store-baseline'),
      defaultBranchPush: ctx.isDefaultBranchPush,
    },
  };
}

/** One GitHub client for the whole run, made on first use. */
function memo(make: () => Promise<GitHub>): () => Promise<GitHub> {
  let gh: Promise<GitHub> | undefined;
  return () => {
    gh ??= make();
    return gh;
  };
}

async function publish(
  io: ActionIO,
  outcome: GateOutcome,
  pullRequest: number | undefined,
  headSha: string,
  github: () => Promise<GitHub>,
  /** Rewrites the check run's title (a fork's saved result says so there too). */
  title: (t: string) => string = (t) => t,
): Promise<void> {
  await io.summary(outcome.summary);
  for (const [name, value] of Object.entries(outcome.outputs)) io.setOutput(name, value);
  const ctx = io.context();
  if (!ctx.repository || pullRequest === undefined) return;
  const repo = ctx.repository;
  if (io.booleanInput('comment')) {
    const { commentOnPullRequest } = await import('./comment.js');
    await commentOnPullRequest(
      io,
      { ...repo, issueNumber: pullRequest, key: 'gate' },
      outcome.comment,
      github,
    );
  }
  if (io.booleanInput('annotations')) {
    const { publishCheckRun } = await import('../github/checks.js');
    const { writeOrSummarize } = await import('../github/publish.js');
    const gh = await github();
    const { conclusion, title: verdictTitle } = gateCheck(outcome);
    const check = await writeOrSummarize(
      'check run',
      () =>
        publishCheckRun(gh, {
          ...repo,
          name: io.input('check-name') || 'shipkit gate',
          headSha,
          conclusion,
          title: title(verdictTitle),
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
  const { readText } = await import('../fs/read.js');
  const { parseVersioned } = await import('../versioned-json.js');
  const { forkNote, forkTitle, renderSaved, SAVED_OUTCOME } = await import('../gate/outcome.js');
  const ctx = io.context();
  const path = resolve(ctx.workspace, file);
  const text = readText(path, {
    kind: 'report',
    what: 'the saved gate result',
    file,
    hint: 'Download the artifact the pull_request workflow uploaded before this step.',
  });
  const saved = parseVersioned(SAVED_OUTCOME, text, file);
  const payload = ctx.payload.workflow_run as
    | {
        head_sha?: string;
        head_branch?: string;
        event?: string;
        repository?: { full_name?: string };
        head_repository?: { full_name?: string } | null;
      }
    | undefined;
  const run: SavedRun = {
    headSha: payload?.head_sha,
    headBranch: payload?.head_branch,
    event: payload?.event,
    repository:
      payload?.repository?.full_name ?? (ctx.repository && `${ctx.repository.owner}/${ctx.repository.repo}`),
    headRepository: payload?.head_repository === null ? null : payload?.head_repository?.full_name,
  };
  const gh = await io.github();
  const repository = ctx.repository;
  const prHeadSha =
    saved.pullRequest !== undefined && repository
      ? (await gh.rest.pulls.get({ ...repository, pull_number: saved.pullRequest })).data.head.sha
      : undefined;
  const dataBranch = dataBranchInput(io.input('data-branch'));
  const decided = savedPublication(saved, run, { defaultBranch: ctx.defaultBranch, dataBranch, prHeadSha });
  const rendered = { ...saved, ...renderSaved(saved, file) };
  if (decided.fork) {
    const note = forkNote(decided.fork, run.event);
    rendered.comment = note + rendered.comment;
    rendered.summary = note + rendered.summary;
  }
  await publish(
    io,
    rendered,
    saved.pullRequest,
    decided.headSha,
    async () => gh,
    decided.fork ? forkTitle : undefined,
  );
  if (decided.storeBaseline && repository && saved.baseline) {
    const { storeBaseline } = await import('../github/gate-baseline.js');
    const stored = await storeBaseline(gh, { ...repository, branch: dataBranch }, saved.baseline);
    io.info(`Stored the gate summary of ${saved.headSha} on ${dataBranch} (${stored.commit}).`);
  }
  const failure = gateFailure(rendered);
  if (failure) throw failure;
}
