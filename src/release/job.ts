import type { ReleaseConfig } from '../config/sections/release.js';
import { ShipkitError } from '../errors.js';
import { committedFileReader, type Git, isAncestor, resolveCommit } from '../scm/git.js';
import { notesJson, type RepoLinks } from './notes.js';
import { type PreparedRelease, type PrLookup, prepareRelease } from './prepare.js';
import { isPrerelease } from './semver.js';

/**
 * One release job (the pipeline of `actions/release`), built once by a reader of action inputs
 * and run by `releaseJob`: every decision short of publishing (the tag, the branch the release
 * files go to, "is the tag on the default branch", push or not, pre-release or not).
 */
export interface ReleaseRequest {
  cwd: string;
  tag: string;
  config: ReleaseConfig;
  /** The default branch the release files go to; '' when unknown. */
  base: string;
  requireDefaultBranch: boolean;
  links?: RepoLinks | undefined;
}

export interface ReleaseDeps {
  /** The checkout's git (src/process/git.ts `localGit` at the edge). */
  git: Git;
  lookupPrs?: PrLookup | undefined;
  warn: (message: string) => void;
}

/** What the release notes say, as JSON: `shipkit release notes --json`, the action's `result` output. */
export type ReleaseOutcome = ReturnType<typeof notesJson>;

export interface ReleaseJob {
  prepared: PreparedRelease;
  outcome: ReleaseOutcome;
  /**
   * Commit the CHANGELOG and version files to `base`, or propose them (`mode`), when there are some
   * and `release.update` allows it; `expectedBase` is the commit of `base` they were read at.
   */
  pushUpdates: { mode: 'commit' | 'pull-request'; expectedBase: string | undefined } | undefined;
  prerelease: boolean;
}

/** The tag to release: the `tag` input, else the pushed tag of the run. */
export function releaseTag(input: string, ref: string): string {
  if (input.trim()) return input.trim();
  if (ref.startsWith('refs/tags/')) return ref.slice('refs/tags/'.length);
  throw new ShipkitError(`this run is not for a tag (GITHUB_REF is ${JSON.stringify(ref)})`, {
    hint: 'Trigger the workflow with `on: push: tags: [v*]`, or pass the `tag` input.',
  });
}

/** Reads the history, builds the notes and the file updates, and decides what the release does. */
export async function releaseJob(req: ReleaseRequest, deps: ReleaseDeps): Promise<ReleaseJob> {
  const { cwd, tag, config, base } = req;
  const { git } = deps;
  const baseRef = base ? await branchRef(git, base) : undefined;
  const prepared = await prepareRelease({
    cwd,
    git,
    tag,
    config,
    ...(req.links ? { links: req.links } : {}),
    ...(deps.lookupPrs ? { lookupPrs: deps.lookupPrs } : {}),
    readFile: baseRef ? committedFileReader(git, baseRef) : undefined,
    warn: deps.warn,
  });
  const { history } = prepared;
  if (req.requireDefaultBranch && baseRef && !(await isAncestor(git, history.commit, baseRef))) {
    throw new ShipkitError(
      `tag ${tag} (${history.commit.slice(0, 7)}) is not on the default branch ${base}`,
      {
        hint: `Tag a commit of ${base} (delete the tag, \`git tag ${tag} <commit on ${base}>\`, push it again), or set \`require-default-branch: false\`.`,
      },
    );
  }
  if (req.requireDefaultBranch && !baseRef && base) {
    deps.warn(
      `cannot tell whether ${tag} is on ${base}: the branch is not fetched (use actions/checkout with fetch-depth: 0)`,
    );
  }
  const mode = config.update;
  const push = prepared.updates.length > 0 && mode !== 'none';
  if (push && !base)
    throw new ShipkitError('the default branch is unknown', { hint: 'Set the `default-branch` input.' });
  return {
    prepared,
    outcome: notesJson(prepared.notes),
    pushUpdates: push
      ? { mode, expectedBase: baseRef ? await resolveCommit(git, baseRef) : undefined }
      : undefined,
    prerelease: config.prerelease === 'auto' ? isPrerelease(history.version) : config.prerelease === 'true',
  };
}

/** `origin/<branch>` as actions/checkout fetches it, else a local branch; undefined when neither exists. */
async function branchRef(git: Git, branch: string): Promise<string | undefined> {
  for (const ref of [`refs/remotes/origin/${branch}`, `refs/heads/${branch}`]) {
    if (await resolveCommit(git, ref)) return ref;
  }
  return undefined;
}
