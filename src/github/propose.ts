/**
 * Proposes files as a pull request: the files go into one commit on `branch` (rebuilt from the base
 * branch's head on every run, with the Git Data API: blobs, a tree, a commit), then one pull request
 * from that branch is created or updated. A re-run updates the same branch and PR, never a second one.
 */

import { ShipkitError } from '../errors.js';

/** What proposing needs from GitHub (git-data.ts implements it with octokit; tests with the stand-in). */
export interface GitDataApi {
  /** The commit a branch points at; undefined when there is no such branch. */
  branchSha(branch: string): Promise<string | undefined>;
  commitTree(commitSha: string): Promise<string>;
  createBlob(content: string): Promise<string>;
  /** A tree on top of `baseTree`; an entry with sha null deletes the path. */
  createTree(baseTree: string, entries: { path: string; sha: string | null }[]): Promise<string>;
  createCommit(message: string, tree: string, parents: string[]): Promise<string>;
  createBranch(branch: string, sha: string): Promise<void>;
  /** Moves a branch (force: it is rebuilt on every run). */
  moveBranch(branch: string, sha: string): Promise<void>;
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
  const baseTree = await api.commitTree(baseSha);
  const entries: { path: string; sha: string | null }[] = [];
  for (const path of [...req.files.keys()].sort()) {
    entries.push({ path, sha: await api.createBlob(req.files.get(path) as string) });
  }
  for (const path of [...req.deletes].sort()) entries.push({ path, sha: null });
  const tree = await api.createTree(baseTree, entries);
  const commit = await api.createCommit(req.commitMessage, tree, [baseSha]);
  const { branch } = req;
  if (await api.branchSha(branch)) await api.moveBranch(branch, commit);
  else await api.createBranch(branch, commit);
  const body = req.body.length > MAX_BODY ? `${req.body.slice(0, MAX_BODY)}\n\n… (truncated)` : req.body;
  const open = await api.findOpenPull(branch, req.base);
  if (open) {
    const pr = await api.updatePull(open.number, { title: req.title, body });
    return { action: 'updated', number: pr.number, url: pr.url, branch, commit };
  }
  const pr = await api.createPull({ head: branch, base: req.base, title: req.title, body });
  return { action: 'created', number: pr.number, url: pr.url, branch, commit };
}
