// The Git Data API (refs, blobs, trees, commits) and the commits list, served by a real bare git
// repository behind the GitHub stand-in: SHAs are git's own, refs move with compare-and-swap.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { notFound, ok, paginated, serveRepository, unprocessable } from './github-answers.js';
import type { ApiResponse, GitHubApi, Handler } from './github-api.js';
import { type Json, nodeId, userObject } from './github-objects.js';

export interface GitDataOptions {
  owner: string;
  repo: string;
  /** Writes fail as with a read-only token (a pull request from a fork, `contents: read`). */
  readOnly?: boolean;
}

export interface GitData {
  /** The bare repository on disk. */
  readonly dir: string;
  git(args: string[], input?: string): string;
  /** Makes a commit of `files` on top of `parents` (no ref moves); returns its SHA. */
  commit(message: string, files: Record<string, string>, parents?: string[]): string;
  /** Points `refs/heads/<branch>` at `sha`. */
  setBranch(branch: string, sha: string): void;
  /** The tip of a branch, or undefined. */
  branch(name: string): string | undefined;
  /** Paths and exact contents of the tree at `rev` (a branch name, a SHA). */
  files(rev: string): Record<string, string>;
  close(): void;
}

const DATE = '2026-01-05T09:00:00Z';
/** A commit's `verification` as GitHub shows it for an unsigned commit. */
const UNSIGNED = { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null };

export function gitData(api: GitHubApi, options: GitDataOptions): GitData {
  const dir = mkdtempSync(join(tmpdir(), 'shipkit-gitdata-'));
  const env = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Mona',
    GIT_AUTHOR_EMAIL: 'mona@example.com',
    GIT_AUTHOR_DATE: DATE,
    GIT_COMMITTER_NAME: 'Mona',
    GIT_COMMITTER_EMAIL: 'mona@example.com',
    GIT_COMMITTER_DATE: DATE,
  };
  const git = (args: string[], input?: string, extra: Record<string, string> = {}) =>
    execFileSync('git', args, { cwd: dir, env: { ...env, ...extra }, input, encoding: 'utf8' }).trim();
  git(['init', '-q', '--bare']);
  const base = `${api.url}/repos/${options.owner}/${options.repo}`;
  const html = `https://github.com/${options.owner}/${options.repo}`;
  const exists = (sha: string, type: string) => {
    try {
      return git(['cat-file', '-t', sha]) === type;
    } catch {
      return false;
    }
  };
  const writeTree = (
    baseTree: string | undefined,
    entries: { path: string; sha: string | null; mode: string }[],
  ) => {
    const index = join(dir, `index-${Math.random().toString(36).slice(2)}`);
    const e = { GIT_INDEX_FILE: index };
    try {
      if (baseTree) git(['read-tree', baseTree], undefined, e);
      else git(['read-tree', '--empty'], undefined, e);
      // One `--index-info` batch (no work tree needed): mode 0 removes a path.
      const records = entries.map((entry) =>
        entry.sha === null
          ? `0 ${'0'.repeat(40)}\t${entry.path}\0`
          : `${entry.mode} ${entry.sha}\t${entry.path}\0`,
      );
      if (records.length > 0) git(['update-index', '-z', '--index-info'], records.join(''), e);
      return git(['write-tree'], undefined, e);
    } finally {
      rmSync(index, { force: true });
    }
  };
  const commitObject = (sha: string): Json => {
    const raw = git(['cat-file', 'commit', sha]);
    const [header = '', ...rest] = raw.split('\n\n');
    const tree = /^tree (\w+)/m.exec(header)?.[1] ?? '';
    const parents = [...header.matchAll(/^parent (\w+)/gm)].map((m) => m[1] as string);
    const person = (role: string) => {
      const m = new RegExp(`^${role} (.*) <(.*)> (\\d+)`, 'm').exec(header);
      return {
        name: m?.[1] ?? '',
        email: m?.[2] ?? '',
        date: new Date(Number(m?.[3]) * 1000).toISOString().replace(/\.000Z$/, 'Z'),
      };
    };
    return {
      sha,
      node_id: nodeId('C', Number.parseInt(sha.slice(0, 8), 16)),
      url: `${base}/git/commits/${sha}`,
      html_url: `${html}/commit/${sha}`,
      author: person('author'),
      committer: person('committer'),
      tree: { sha: tree, url: `${base}/git/trees/${tree}` },
      message: rest.join('\n\n').replace(/\n$/, ''),
      parents: parents.map((p) => ({
        sha: p,
        url: `${base}/git/commits/${p}`,
        html_url: `${html}/commit/${p}`,
      })),
      verification: UNSIGNED,
    };
  };
  const refObject = (ref: string, sha: string): Json => ({
    ref,
    node_id: nodeId('REF', Number.parseInt(sha.slice(0, 8), 16)),
    url: `${base}/git/${ref}`,
    object: { type: 'commit', sha, url: `${base}/git/commits/${sha}` },
  });
  const resolveRef = (ref: string) => {
    try {
      return git(['rev-parse', '--verify', '--quiet', `refs/${ref}`]);
    } catch {
      return undefined;
    }
  };
  const routes: Record<string, Handler> = {
    'GET /repos/{owner}/{repo}/git/ref/{ref}': (req) => {
      const ref = String(req.params.ref);
      const sha = resolveRef(ref);
      return sha ? ok(refObject(`refs/${ref}`, sha)) : notFound(DOCS);
    },
    'POST /repos/{owner}/{repo}/git/refs': (req) => {
      const { ref, sha } = req.body as { ref: string; sha: string };
      if (!ref.startsWith('refs/') || ref.split('/').length < 3) return invalid('ref must be refs/heads/…');
      if (!exists(sha, 'commit')) return invalid('Object does not exist');
      try {
        git(['update-ref', ref, sha, '0'.repeat(40)]);
      } catch {
        return invalid('Reference already exists');
      }
      return { status: 201, body: refObject(ref, sha), headers: { location: `${base}/git/${ref}` } };
    },
    'PATCH /repos/{owner}/{repo}/git/refs/{ref}': (req) => {
      const ref = String(req.params.ref);
      const { sha, force } = req.body as { sha: string; force?: boolean };
      const current = resolveRef(ref);
      if (!current) return invalid('Reference does not exist');
      if (!exists(sha, 'commit')) return invalid('Object does not exist');
      if (!force) {
        try {
          git(['merge-base', '--is-ancestor', current, sha]);
        } catch {
          return invalid('Update is not a fast forward');
        }
      }
      try {
        git(['update-ref', `refs/${ref}`, sha, current]);
      } catch {
        return invalid('Update is not a fast forward');
      }
      return ok(refObject(`refs/${ref}`, sha));
    },
    'POST /repos/{owner}/{repo}/git/blobs': (req) => {
      const { content, encoding } = req.body as { content: string; encoding?: string };
      const text = encoding === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8');
      const sha = execFileSync('git', ['hash-object', '-w', '--stdin'], {
        cwd: dir,
        env,
        input: text,
        encoding: 'utf8',
      }).trim();
      return {
        status: 201,
        body: { url: `${base}/git/blobs/${sha}`, sha },
        headers: { location: `${base}/git/blobs/${sha}` },
      };
    },
    'GET /repos/{owner}/{repo}/git/blobs/{file_sha}': (req) => {
      const sha = String(req.params.file_sha);
      if (!exists(sha, 'blob')) return notFound(DOCS);
      const content = execFileSync('git', ['cat-file', 'blob', sha], { cwd: dir, env });
      return ok({
        sha,
        node_id: nodeId('B', Number.parseInt(sha.slice(0, 8), 16)),
        url: `${base}/git/blobs/${sha}`,
        size: content.length,
        content: content.toString('base64').replace(/(.{60})/g, '$1\n'),
        encoding: 'base64',
      });
    },
    'POST /repos/{owner}/{repo}/git/trees': (req) => {
      const body = req.body as {
        base_tree?: string;
        tree: { path: string; mode: string; type: string; sha?: string | null; content?: string }[];
      };
      if (body.base_tree && !exists(body.base_tree, 'tree'))
        return invalid('base_tree is not a valid tree oid');
      const entries = body.tree.map((t) => {
        let sha = t.sha ?? null;
        if (t.content !== undefined) sha = git(['hash-object', '-w', '--stdin'], t.content);
        return { path: t.path, sha, mode: t.mode };
      });
      if (entries.some((e) => e.sha !== null && !exists(e.sha, 'blob')))
        return invalid('tree.sha is not a valid blob');
      const sha = writeTree(body.base_tree, entries);
      return { status: 201, body: treeObject(sha, false), headers: { location: `${base}/git/trees/${sha}` } };
    },
    'GET /repos/{owner}/{repo}/git/trees/{tree_sha}': (req) => {
      const sha = String(req.params.tree_sha);
      const tree = exists(sha, 'tree')
        ? sha
        : exists(sha, 'commit')
          ? git(['rev-parse', `${sha}^{tree}`])
          : undefined;
      return tree ? ok(treeObject(tree, req.query.recursive !== undefined)) : notFound(DOCS);
    },
    'POST /repos/{owner}/{repo}/git/commits': (req) => {
      const {
        message,
        tree,
        parents = [],
      } = req.body as { message: string; tree: string; parents?: string[] };
      if (!exists(tree, 'tree')) return invalid('Tree SHA does not exist');
      if (parents.some((p) => !exists(p, 'commit')))
        return invalid('Parent SHA does not exist or is not a commit object');
      const sha = git(['commit-tree', tree, ...parents.flatMap((p) => ['-p', p])], message);
      return { status: 201, body: commitObject(sha), headers: { location: `${base}/git/commits/${sha}` } };
    },
    'GET /repos/{owner}/{repo}/git/commits/{commit_sha}': (req) => {
      const sha = String(req.params.commit_sha);
      return exists(sha, 'commit') ? ok(commitObject(sha)) : notFound(DOCS);
    },
    'GET /repos/{owner}/{repo}/commits': (req) => {
      const from = String(req.query.sha ?? 'HEAD');
      let start: string;
      try {
        start = git(['rev-parse', '--verify', '--quiet', `${from}^{commit}`]);
      } catch {
        return notFound(DOCS);
      }
      const all = git(['rev-list', '--topo-order', start]).split('\n').filter(Boolean);
      return paginated(api.url, req, all, listedCommits);
    },
  };
  const listedCommits = (shas: string[]): Json[] => {
    if (shas.length === 0) return [];
    const out = git([
      'log',
      '--no-walk=unsorted',
      '--format=%H%x00%T%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B%x01',
      ...shas,
    ]);
    const user = userObject(api.url, 'octocat', 583231);
    const iso = (d: string) => new Date(d).toISOString().replace(/\.000Z$/, 'Z');
    return out
      .split('\x01')
      .map((r) => r.replace(/^\n/, ''))
      .filter(Boolean)
      .map((record) => {
        const [
          sha = '',
          tree = '',
          parents = '',
          an = '',
          ae = '',
          ad = '',
          cn = '',
          ce = '',
          cd = '',
          message = '',
        ] = record.split('\0');
        return {
          url: `${base}/commits/${sha}`,
          sha,
          node_id: nodeId('C', Number.parseInt(sha.slice(0, 8), 16)),
          html_url: `${html}/commit/${sha}`,
          comments_url: `${base}/commits/${sha}/comments`,
          commit: {
            url: `${base}/git/commits/${sha}`,
            author: { name: an, email: ae, date: iso(ad) },
            committer: { name: cn, email: ce, date: iso(cd) },
            message: message.replace(/\n$/, ''),
            comment_count: 0,
            tree: { sha: tree, url: `${base}/git/trees/${tree}` },
            verification: UNSIGNED,
          },
          author: user,
          committer: user,
          parents: parents
            .split(' ')
            .filter(Boolean)
            .map((p) => ({ sha: p, url: `${base}/commits/${p}`, html_url: `${html}/commit/${p}` })),
        };
      });
  };
  const treeObject = (sha: string, recursive: boolean): Json => {
    const out = git(['ls-tree', '-l', ...(recursive ? ['-r', '-t'] : []), sha]);
    const tree = out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [meta = '', path = ''] = line.split('\t');
        const [mode = '', type = '', oid = '', size = '-'] = meta.split(/\s+/);
        return {
          path,
          mode,
          type,
          sha: oid,
          ...(type === 'blob' ? { size: Number(size) } : {}),
          url: `${base}/git/${type === 'blob' ? 'blobs' : 'trees'}/${oid}`,
        };
      });
    return { sha, url: `${base}/git/trees/${sha}`, tree, truncated: false };
  };
  serveRepository(api, options, routes, () => `${DOCS}/blobs#create-a-blob`);
  return {
    dir,
    git: (args, input) => git(args, input),
    commit(message, files, parents = []) {
      const entries = Object.entries(files).map(([path, content]) => ({
        path,
        sha: git(['hash-object', '-w', '--stdin'], content),
        mode: '100644',
      }));
      const tree = writeTree(undefined, entries);
      return git(['commit-tree', tree, ...parents.flatMap((p) => ['-p', p])], message);
    },
    setBranch(branch, sha) {
      git(['update-ref', `refs/heads/${branch}`, sha]);
    },
    branch: (name) => resolveRef(`heads/${name}`),
    files(rev) {
      const out: Record<string, string> = {};
      for (const entry of git(['ls-tree', '-r', '-z', rev]).split('\0').filter(Boolean)) {
        const tab = entry.indexOf('\t');
        const [, , blob = ''] = entry.slice(0, tab).split(' ');
        const path = entry.slice(tab + 1);
        out[path] = execFileSync('git', ['cat-file', 'blob', blob], { cwd: dir, env, encoding: 'utf8' });
      }
      return out;
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const DOCS = 'https://docs.github.com/rest/git';

function invalid(message: string): ApiResponse {
  return unprocessable(message, DOCS);
}
