/**
 * Proposes files as a pull request: the files go into one commit on `branch` (rebuilt from the base
 * branch's head on every run by commit-files.ts: blobs, a tree, a commit), then one pull request
 * from that branch is created or updated. A re-run updates the same branch and PR, never a second one.
 */

import { ShipkitError } from '../errors.js';
import { commitFiles, type GitCommitApi } from './commit-files.js';
import { createOnce } from './create-once.js';

/** What proposing needs from GitHub (git-data.ts implements it with octokit; tests with the stand-in). */
export interface GitDataApi extends GitCommitApi {
  findOpenPull(head: string, base: string): Promise<{ number: number; url: string } | undefined>;
  createPull(p: {
    head: string;
    base: string;
    title: string;
    body: string;
  }): Promise<{ number: number; url: string }>;
  updatePull(number: number, p: { title: string; body: string }): Promise<{ number: number; url: string }>;
}

export interface ProposeRequest {
  base: string;
  /** The PR's branch, e.g. `shipkit/codegen/main`. */
  branch: string;
  /** Repository path → new content. */
  files: Map<string, string>;
  /** Repository paths to remove. */
  deletes: string[];
  commitMessage: string;
  title: string;
  body: string;
}

export interface ProposeResult {
  action: 'created' | 'updated';
  number: number;
  url: string;
  branch: string;
  commit: string;
}

/** GitHub caps a PR body at 65,536 characters. */
const MAX_BODY = 60_000;

export async function proposeChanges(api: GitDataApi, req: ProposeRequest): Promise<ProposeResult> {
  const baseSha = await api.branchSha(req.base);
  if (!baseSha) {
    throw new ShipkitError(`the base branch ${JSON.stringify(req.base)} does not exist`, {
      hint: 'Set the `base` input to the branch the pull request should target.',
    });
  }
  const { branch } = req;
  const { commit } = await commitFiles(api, {
    branch,
    message: req.commitMessage,
    files: [...req.files.keys()].sort().map((path) => ({ path, content: req.files.get(path) as string })),
    deletes: [...req.deletes].sort(),
    onto: { kind: 'reset', base: baseSha },
    contents: 'blobs',
  });
  const body = req.body.length > MAX_BODY ? `${req.body.slice(0, MAX_BODY)}\n\n… (truncated)` : req.body;
  const open = await api.findOpenPull(branch, req.base);
  if (open) {
    const pr = await api.updatePull(open.number, { title: req.title, body });
    return { action: 'updated', number: pr.number, url: pr.url, branch, commit };
  }
  // A create whose answer is lost (or a PR another run opened meanwhile) is found and adopted.
  const pr = await createOnce(
    () => api.createPull({ head: branch, base: req.base, title: req.title, body }),
    () => api.findOpenPull(branch, req.base),
  );
  return { action: 'created', number: pr.number, url: pr.url, branch, commit };
}
