import type { GitHub } from './client.js';

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

export interface WriteResult {
  commit: string;
  /** 1 when the first try landed; more after concurrent writers moved the branch. */
  attempts: number;
}

const status = (err: unknown) => (err as { status?: number }).status;

/** The commit the branch points at, or undefined when it does not exist yet. */
async function tip(gh: GitHub, b: DataBranch): Promise<string | undefined> {
  try {
    const { data } = await gh.rest.git.getRef({ owner: b.owner, repo: b.repo, ref: `heads/${b.branch}` });
    return data.object.sha;
  } catch (err) {
    if (status(err) === 404 || status(err) === 409) return undefined; // 409: an empty repository
    throw err;
  }
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
export async function writeDataFiles(
  gh: GitHub,
  b: DataBranch,
  files: { path: string; content: string }[],
  message: string,
  retries = 5,
): Promise<WriteResult> {
  const { owner, repo } = b;
  for (let attempt = 1; ; attempt++) {
    const parent = await tip(gh, b);
    let baseTree: string | undefined;
    if (parent) {
      const { data } = await gh.rest.git.getCommit({ owner, repo, commit_sha: parent });
      baseTree = data.tree.sha;
    }
    const { data: tree } = await gh.rest.git.createTree({
      owner,
      repo,
      ...(baseTree ? { base_tree: baseTree } : {}),
      tree: files.map((f) => ({
        path: f.path,
        mode: '100644' as const,
        type: 'blob' as const,
        content: f.content,
      })),
    });
    const { data: commit } = await gh.rest.git.createCommit({
      owner,
      repo,
      message,
      tree: tree.sha,
      parents: parent ? [parent] : [],
    });
    try {
      if (parent) {
        await gh.rest.git.updateRef({ owner, repo, ref: `heads/${b.branch}`, sha: commit.sha, force: false });
      } else {
        await gh.rest.git.createRef({ owner, repo, ref: `refs/heads/${b.branch}`, sha: commit.sha });
      }
      return { commit: commit.sha, attempts: attempt };
    } catch (err) {
      if (status(err) !== 422 || attempt >= retries) throw err;
    }
  }
}
