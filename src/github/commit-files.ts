/**
 * Commits files onto a branch with the Git Data API: a tree on the parent commit's tree (file
 * contents inline, or one blob each first), a commit, and the branch moved to it (created when
 * missing). The one place data-branch.ts and propose.ts write commits.
 */

import { isAlreadyExists, mayHaveHappened } from './create-once.js';

/** The Git Data calls a commit needs (git-data.ts implements them with octokit). */
export interface GitCommitApi {
  /** The commit a branch points at; undefined when there is no such branch (or the repository is empty). */
  branchSha(branch: string): Promise<string | undefined>;
  commitTree(commitSha: string): Promise<string>;
  createBlob(content: string): Promise<string>;
  /** A tree on top of `baseTree` (none: a tree of `entries` alone); an entry with sha null deletes the path. */
  createTree(baseTree: string | undefined, entries: TreeEntry[]): Promise<string>;
  createCommit(message: string, tree: string, parents: string[]): Promise<string>;
  createBranch(branch: string, sha: string): Promise<void>;
  /** Moves a branch; without `force` only a fast forward lands (GitHub answers 422 otherwise). */
  moveBranch(branch: string, sha: string, force: boolean): Promise<void>;
}

export type TreeEntry = { path: string; sha: string | null } | { path: string; content: string };

export interface CommitFilesRequest {
  branch: string;
  message: string;
  /** Added or replaced, in this order. */
  files: { path: string; content: string }[];
  /** Repository paths to remove, after the files. */
  deletes?: string[];
  /**
   * `append`: the commit goes on the branch's own tip (a root commit when there is no branch yet)
   * and the branch moves by fast forward only; a writer that moved it first makes GitHub answer 422,
   * and the tip is read again, up to `retries` attempts in all.
   * `reset`: the commit goes on `base` (a commit SHA) and the branch is reset to it by force, once.
   */
  onto: { kind: 'append'; retries: number } | { kind: 'reset'; base: string };
  /** `inline`: contents travel in the tree request (one write fewer); `blobs`: one blob per file first. */
  contents: 'inline' | 'blobs';
}

export interface CommitFilesResult {
  commit: string;
  /** 1 when the first try landed; more after concurrent writers moved the branch. */
  attempts: number;
}

const status = (err: unknown) => (err as { status?: number }).status;

/**
 * When moving or creating the branch fails without a clear answer (a 5xx, a timeout, or "already
 * exists" after a lost create), the branch is read again: if it points at our commit, the write
 * landed and is done; otherwise the whole commit is tried again (a reset, up to 3 attempts).
 */
export async function commitFiles(git: GitCommitApi, req: CommitFilesRequest): Promise<CommitFilesResult> {
  const { onto } = req;
  const retries = onto.kind === 'append' ? onto.retries : 3;
  for (let attempt = 1; ; attempt++) {
    const parent = onto.kind === 'append' ? await git.branchSha(req.branch) : onto.base;
    const baseTree = parent ? await git.commitTree(parent) : undefined;
    const tree = await git.createTree(baseTree, await treeEntries(git, req));
    // Appending what the branch already holds (a re-run, or a write whose answer was lost) is no commit.
    if (onto.kind === 'append' && parent && tree === baseTree) return { commit: parent, attempts: attempt };
    const commit = await git.createCommit(req.message, tree, parent ? [parent] : []);
    try {
      const current = onto.kind === 'append' ? parent : await git.branchSha(req.branch);
      if (current) await git.moveBranch(req.branch, commit, onto.kind === 'reset');
      else await git.createBranch(req.branch, commit);
      return { commit, attempts: attempt };
    } catch (err) {
      const unclear = mayHaveHappened(err) || isAlreadyExists(err);
      if (unclear && (await git.branchSha(req.branch)) === commit) return { commit, attempts: attempt };
      const raced = onto.kind === 'append' && status(err) === 422; // not a fast forward
      if (!(raced || unclear) || attempt >= retries) throw err;
    }
  }
}

async function treeEntries(git: GitCommitApi, req: CommitFilesRequest): Promise<TreeEntry[]> {
  const entries: TreeEntry[] = [];
  for (const { path, content } of req.files) {
    entries.push(req.contents === 'blobs' ? { path, sha: await git.createBlob(content) } : { path, content });
  }
  for (const path of req.deletes ?? []) entries.push({ path, sha: null });
  return entries;
}
