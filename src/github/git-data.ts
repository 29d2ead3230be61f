import type { GitHub } from './client.js';
import type { GitDataApi } from './propose.js';

/** The Git Data calls of commit-files.ts and the pulls calls of propose.ts, on one repository. */
export function gitDataApi(gh: GitHub, owner: string, repo: string): GitDataApi {
  return {
    async branchSha(branch) {
      try {
        const { data } = await gh.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
        return data.object.sha;
      } catch (err) {
        const status = (err as { status?: number }).status;
        if (status === 404 || status === 409) return undefined; // 409: an empty repository
        throw err;
      }
    },
    async commitTree(sha) {
      const { data } = await gh.rest.git.getCommit({ owner, repo, commit_sha: sha });
      return data.tree.sha;
    },
    async createBlob(content) {
      const { data } = await gh.rest.git.createBlob({ owner, repo, content, encoding: 'utf-8' });
      return data.sha;
    },
    async createTree(baseTree, entries) {
      const tree = entries.map((e) => ({
        path: e.path,
        mode: '100644' as const,
        type: 'blob' as const,
        ...('content' in e ? { content: e.content } : { sha: e.sha }),
      }));
      const base = baseTree ? { base_tree: baseTree } : {};
      const { data } = await gh.rest.git.createTree({ owner, repo, ...base, tree });
      return data.sha;
    },
    async createCommit(message, tree, parents) {
      const { data } = await gh.rest.git.createCommit({ owner, repo, message, tree, parents });
      return data.sha;
    },
    async createBranch(branch, sha) {
      await gh.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha });
    },
    async moveBranch(branch, sha, force) {
      await gh.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha, force });
    },
    async findOpenPull(head, base) {
      const { data } = await gh.rest.pulls.list({
        owner,
        repo,
        head: `${owner}:${head}`,
        base,
        state: 'open',
      });
      const pr = data[0];
      return pr ? { number: pr.number, url: pr.html_url } : undefined;
    },
    async createPull(p) {
      const { data } = await gh.rest.pulls.create({ owner, repo, ...p });
      return { number: data.number, url: data.html_url };
    },
    async updatePull(number, p) {
      const { data } = await gh.rest.pulls.update({ owner, repo, pull_number: number, ...p });
      return { number: data.number, url: data.html_url };
    },
  };
}
