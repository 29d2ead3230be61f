import { ShipkitError } from '../errors.js';
import type { FileUpdate } from '../release/version-files.js';
import type { GitHub } from './client.js';

export interface UpdateRequest {
  owner: string;
  repo: string;
  /** The default branch the updates are for. */
  base: string;
  tag: string;
  files: FileUpdate[];
  mode: 'commit' | 'pull-request';
  /** The default branch's commit the files were computed from; a branch that moved since is an error. */
  expectedBase?: string;
  info: (m: string) => void;
}

export interface UpdateResult {
  commit: string;
  pullRequest?: string;
}

/**
 * Puts CHANGELOG.md and the version files on the default branch: one commit made by GitHub
 * (`createCommitOnBranch`, signed, no git credentials in the job), or the same commit on
 * `shipkit/release-<tag>` with one pull request, reused on re-runs.
 */
export async function pushUpdates(gh: GitHub, req: UpdateRequest): Promise<UpdateResult> {
  const { owner, repo } = req;
  const { data: baseRef } = await gh.rest.git.getRef({ owner, repo, ref: `heads/${req.base}` });
  if (req.expectedBase && baseRef.object.sha !== req.expectedBase) {
    throw new ShipkitError(
      `${req.base} moved since this job checked it out (${req.expectedBase.slice(0, 7)} → ${baseRef.object.sha.slice(0, 7)})`,
      { hint: 'Re-run the job: it reads the branch again and writes only what is still missing.' },
    );
  }
  let branch = req.base;
  if (req.mode === 'pull-request') {
    branch = `shipkit/release-${req.tag}`;
    try {
      await gh.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: baseRef.object.sha });
    } catch (err) {
      if ((err as { status?: number }).status !== 422) throw err;
      // The branch exists from an earlier run: start it again from the default branch.
      await gh.rest.git.updateRef({
        owner,
        repo,
        ref: `heads/${branch}`,
        sha: baseRef.object.sha,
        force: true,
      });
    }
  }
  const message = `chore(release): ${req.tag}`;
  const result = await gh.graphql<{ createCommitOnBranch: { commit: { oid: string } } }>(
    `mutation ReleaseCommit($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid } }
}`,
    {
      input: {
        branch: { repositoryNameWithOwner: `${owner}/${repo}`, branchName: branch },
        expectedHeadOid: baseRef.object.sha,
        message: { headline: message },
        fileChanges: {
          additions: req.files.map((f) => ({
            path: f.path,
            contents: Buffer.from(f.content, 'utf8').toString('base64'),
          })),
        },
      },
    },
  );
  const commit = result.createCommitOnBranch.commit.oid;
  req.info(`${message}: ${commit.slice(0, 7)} on ${branch}`);
  if (req.mode === 'commit') return { commit };
  const { data: open } = await gh.rest.pulls.list({
    owner,
    repo,
    head: `${owner}:${branch}`,
    state: 'open',
    per_page: 1,
  });
  const existing = open[0];
  if (existing) return { commit, pullRequest: existing.html_url };
  const { data: pr } = await gh.rest.pulls.create({
    owner,
    repo,
    head: branch,
    base: req.base,
    title: message,
    body: `CHANGELOG.md and version files for ${req.tag}, written by shipkit release.`,
  });
  return { commit, pullRequest: pr.html_url };
}
