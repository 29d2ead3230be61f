// What a PR comment command reads and marks besides comments and pull requests, served through the
// GitHub stand-in: reactions on comments (a repeated one answers 200, as GitHub does), files at a
// ref through the contents API (from a GitData repository), and workflow runs with their artifacts,
// whose zip download redirects (302) to a separate blob origin as GitHub's does.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GitData } from './git-data.js';
import { notFound, ok, paginated, serveRepository } from './github-answers.js';
import type { ApiResponse, GitHubApi } from './github-api.js';
import { ACTIONS_BOT, type Json, nodeId, repositoryObject, timestamp, userObject } from './github-objects.js';

export interface Reaction {
  commentId: number;
  content: string;
  login: string;
}

export interface WorkflowRunInit {
  headSha: string;
  headBranch: string;
  event?: string;
  /** Artifact name → zip bytes. */
  artifacts: Record<string, Buffer>;
}

export interface GitHubCommands {
  readonly reactions: Reaction[];
  /** Called when the workflow runs are listed (a test moves a branch there, mid-command). */
  onListRuns: (() => void) | undefined;
  addRun(run: WorkflowRunInit): number;
  close(): Promise<void>;
}

export async function githubCommands(
  api: GitHubApi,
  options: { owner: string; repo: string; git?: GitData; readOnly?: boolean; actor?: string },
): Promise<GitHubCommands> {
  const { owner, repo } = options;
  const base = `${api.url}/repos/${owner}/${repo}`;
  const html = `https://github.com/${owner}/${repo}`;
  const actor = options.actor ?? ACTIONS_BOT.login;
  const reactions: Reaction[] = [];
  const runs: (WorkflowRunInit & { id: number; created: string })[] = [];
  const blobs = new Map<number, Buffer>();
  const blobServer: Server = createServer((req, res) => {
    const id = Number(/^\/artifact\/(\d+)$/.exec(req.url ?? '')?.[1]);
    const zip = blobs.get(id);
    if (!zip || req.headers.authorization) {
      // GitHub's blob store takes the signed URL alone; a forwarded token would be a leak.
      res.writeHead(zip ? 400 : 404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/zip', 'content-length': zip.length }).end(zip);
  });
  await new Promise<void>((resolve) => blobServer.listen(0, '127.0.0.1', resolve));
  const blobUrl = `http://127.0.0.1:${(blobServer.address() as AddressInfo).port}`;
  const repository = repositoryObject({
    apiUrl: api.url,
    owner: userObject(api.url, owner, 1),
    name: repo,
    id: 7,
    defaultBranch: 'main',
    createdAt: timestamp(),
  });
  const artifactId = (runId: number, i: number) => runId * 100 + i;
  const artifactObject = (runId: number, name: string, i: number, zip: Buffer): Json => {
    const id = artifactId(runId, i);
    const now = timestamp();
    return {
      id,
      node_id: nodeId('MDg6QXJ0aWZhY3Q', id),
      name,
      size_in_bytes: zip.length,
      url: `${base}/actions/artifacts/${id}`,
      archive_download_url: `${base}/actions/artifacts/${id}/zip`,
      expired: false,
      created_at: now,
      expires_at: timestamp(new Date(Date.now() + 90 * 864e5)),
      updated_at: now,
      digest: null,
      workflow_run: { id: runId, repository_id: 7, head_repository_id: 7, head_branch: 'x', head_sha: 'x' },
    };
  };
  const runObject = (r: (typeof runs)[number]): Json => ({
    id: r.id,
    name: 'CI',
    node_id: nodeId('WFR', r.id),
    head_branch: r.headBranch,
    head_sha: r.headSha,
    path: '.github/workflows/ci.yml',
    display_title: 'CI',
    run_number: r.id,
    event: r.event ?? 'pull_request',
    status: 'completed',
    conclusion: 'success',
    workflow_id: 1,
    url: `${base}/actions/runs/${r.id}`,
    html_url: `${html}/actions/runs/${r.id}`,
    pull_requests: [],
    created_at: r.created,
    updated_at: r.created,
    jobs_url: `${base}/actions/runs/${r.id}/jobs`,
    logs_url: `${base}/actions/runs/${r.id}/logs`,
    check_suite_url: `${base}/check-suites/${r.id}`,
    artifacts_url: `${base}/actions/runs/${r.id}/artifacts`,
    cancel_url: `${base}/actions/runs/${r.id}/cancel`,
    rerun_url: `${base}/actions/runs/${r.id}/rerun`,
    workflow_url: `${base}/actions/workflows/1`,
    head_commit: null,
    repository,
    head_repository: repository,
  });
  serveRepository(
    api,
    { owner, repo, ...(options.readOnly ? { readOnly: true } : {}) },
    {
      'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions': (req) => {
        const content = String((req.body as { content: string }).content);
        const commentId = Number(req.params.comment_id);
        let index = reactions.findIndex(
          (x) => x.commentId === commentId && x.content === content && x.login === actor,
        );
        const existed = index >= 0;
        if (!existed) index = reactions.push({ commentId, content, login: actor }) - 1;
        const body = {
          id: 5000 + index,
          node_id: nodeId('REA', 5000 + index),
          user: userObject(api.url, actor, ACTIONS_BOT.id),
          content,
          created_at: timestamp(),
        };
        return { status: existed ? 200 : 201, body };
      },
      'GET /repos/{owner}/{repo}/contents/{path}': (req) => contents(req.params.path, req.query.ref),
      'GET /repos/{owner}/{repo}/actions/runs': (req) => {
        commands.onListRuns?.();
        const found = runs
          .filter((r) => req.query.head_sha === undefined || r.headSha === req.query.head_sha)
          .sort((a, b) => b.id - a.id)
          .map(runObject);
        return paginated(api.url, req, found, (page) => ({ total_count: found.length, workflow_runs: page }));
      },
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts': (req) => {
        const run = runs.find((r) => r.id === Number(req.params.run_id));
        if (!run) return notFound();
        const list = Object.entries(run.artifacts)
          .map(([name, zip], i) => artifactObject(run.id, name, i, zip))
          .filter((a) => req.query.name === undefined || a.name === req.query.name);
        return paginated(api.url, req, list, (page) => ({ total_count: list.length, artifacts: page }));
      },
      'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}': (req) => {
        const id = Number(req.params.artifact_id);
        return blobs.has(id)
          ? { status: 302, headers: { location: `${blobUrl}/artifact/${id}` } }
          : notFound();
      },
    },
  );

  function contents(path: unknown, ref: unknown): ApiResponse {
    const files = options.git?.files(String(ref ?? 'main')) ?? {};
    const text = files[String(path)];
    if (text === undefined) return notFound();
    const sha = options.git?.git(['rev-parse', `${String(ref ?? 'main')}:${String(path)}`]) ?? '';
    const url = `${base}/contents/${String(path)}?ref=${String(ref)}`;
    const htmlUrl = `${html}/blob/${String(ref)}/${String(path)}`;
    const gitUrl = `${base}/git/blobs/${sha}`;
    return ok({
      type: 'file',
      encoding: 'base64',
      size: Buffer.byteLength(text),
      name: String(path).split('/').pop(),
      path: String(path),
      content: Buffer.from(text).toString('base64'),
      sha,
      url,
      git_url: gitUrl,
      html_url: htmlUrl,
      download_url: `https://raw.githubusercontent.com/${owner}/${repo}/${String(ref)}/${String(path)}`,
      _links: { self: url, git: gitUrl, html: htmlUrl },
    });
  }

  let nextRun = 9001;
  const commands: GitHubCommands = {
    onListRuns: undefined,
    reactions,
    addRun(init) {
      const id = nextRun++;
      runs.push({ ...init, id, created: timestamp(new Date(Date.now() + id)) });
      for (const [i, zip] of Object.values(init.artifacts).entries()) blobs.set(artifactId(id, i), zip);
      return id;
    },
    close: async () => {
      blobServer.closeAllConnections();
      await new Promise<void>((resolve) => blobServer.close(() => resolve()));
    },
  };
  return commands;
}
