import type { GitHub } from './client.js';
import { type CommitFilesResult, commitFiles } from './commit-files.js';
import { gitDataApi } from './git-data.js';

/** A branch that holds data files, not code (e.g. `shipkit-data`): no history shared with the repository. */
export interface DataBranch {
  owner: string;
  repo: string;
  branch: string;
}

export interface DataFile {
  path: string;
  /** Blob SHA, for readBlob. */
  sha: string;
}

export type WriteResult = CommitFilesResult;

/** The commit the branch points at, or undefined when it does not exist yet. */
function tip(gh: GitHub, b: DataBranch): Promise<string | undefined> {
  return gitDataApi(gh, b.owner, b.repo).branchSha(b.branch);
}

/** Every file on the branch under `prefix` (one recursive tree request). */
export async function listDataFiles(gh: GitHub, b: DataBranch, prefix = ''): Promise<DataFile[]> {
  const sha = await tip(gh, b);
  if (!sha) return [];
  const { data } = await gh.rest.git.getTree({
    owner: b.owner,
    repo: b.repo,
    tree_sha: sha,
    recursive: 'true',
  });
  if (data.truncated) throw new Error(`the ${b.branch} tree is too large to list in one request`);
  return data.tree
    .filter(
      (e) => e.type === 'blob' && e.path !== undefined && e.sha !== undefined && e.path.startsWith(prefix),
    )
    .map((e) => ({ path: e.path as string, sha: e.sha as string }));
}

/** A blob's text. */
export async function readBlob(gh: GitHub, b: DataBranch, sha: string): Promise<string> {
  const { data } = await gh.rest.git.getBlob({ owner: b.owner, repo: b.repo, file_sha: sha });
  return data.encoding === 'base64' ? Buffer.from(data.content, 'base64').toString('utf8') : data.content;
}

/** A file's text, or undefined when the branch or the file does not exist. */
export async function readDataFile(gh: GitHub, b: DataBranch, path: string): Promise<string | undefined> {
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  const found = (await listDataFiles(gh, b, dir)).find((f) => f.path === path);
  return found ? readBlob(gh, b, found.sha) : undefined;
}

/**
 * Adds or replaces files in one commit: a tree on the branch's current tip (contents inline, so
 * three writes in all), a commit, and the ref moved with `force: false`. A writer that raced us
 * makes GitHub answer 422 (not a fast forward): we re-read the tip and try again, up to `retries`.
 */
export function writeDataFiles(
  gh: GitHub,
  b: DataBranch,
  files: { path: string; content: string }[],
  message: string,
  retries = 5,
): Promise<WriteResult> {
  return commitFiles(gitDataApi(gh, b.owner, b.repo), {
    branch: b.branch,
    message,
    files,
    onto: { kind: 'append', retries },
    contents: 'inline',
  });
}
