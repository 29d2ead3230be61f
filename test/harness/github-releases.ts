// Releases and their assets for the GitHub API stand-in, plus a loopback "uploads.github.com": a
// second server on its own origin that forwards each upload to the stand-in (which validates it
// against the REST description). Releases answer with `upload_url` on that origin, as GitHub does.
import { createHash } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DOCS, notFound, ok, paginated, serveRepository, validationFailed } from './github-answers.js';
import type { ApiRequest, GitHubApi } from './github-api.js';
import { type Json, nodeId, timestamp, userObject } from './github-objects.js';

export interface ReleaseAsset extends Json {
  id: number;
  name: string;
  state: 'uploaded' | 'open';
  digest: string | null;
  size: number;
  /** The uploaded bytes (not part of GitHub's object; left out of answers). */
  content?: Buffer;
}

export interface Release extends Json {
  id: number;
  tag_name: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  assets: ReleaseAsset[];
}

export interface GitHubReleases {
  readonly releases: Release[];
  /** Origin of the uploads server (what `upload_url` points at). */
  readonly uploadsUrl: string;
  /** Seeds a release as if an earlier run (or a person) made it. */
  addRelease(init: { tag: string; name?: string; body?: string; draft?: boolean }): Release;
  /** Seeds an asset: `state: 'open'` is an upload that never finished. */
  addAsset(
    release: Release,
    init: { name: string; content: string; state?: 'uploaded' | 'open' },
  ): ReleaseAsset;
  close(): Promise<void>;
}

const DIGEST_HEADER = 'x-stand-in-sha256';

export async function githubReleases(
  api: GitHubApi,
  options: { owner: string; repo: string },
): Promise<GitHubReleases> {
  const uploads = await startUploads(api.url);
  const state = new ReleaseState(api, options, uploads.url, () => uploads.close());
  state.register();
  return state;
}

class ReleaseState implements GitHubReleases {
  readonly releases: Release[] = [];
  private nextId = 3_000_000_001;
  private nextAssetId = 4_000_000_001;

  constructor(
    private readonly api: GitHubApi,
    private readonly options: { owner: string; repo: string },
    readonly uploadsUrl: string,
    readonly close: () => Promise<void>,
  ) {}

  private get repoPath(): string {
    return `/repos/${this.options.owner}/${this.options.repo}`;
  }

  register(): void {
    const find = (req: ApiRequest) => this.releases.find((r) => r.id === req.params.release_id);
    serveRepository(this.api, this.options, {
      'GET /repos/{owner}/{repo}/releases': (req) =>
        paginated(this.api.url, req, this.releases.slice().reverse(), (page) =>
          page.map((r) => this.view(r)),
        ),
      'GET /repos/{owner}/{repo}/releases/tags/{tag}': (req) => {
        const r = this.releases.find((x) => x.tag_name === req.params.tag && !x.draft);
        return r ? ok(this.view(r)) : notFound();
      },
      'GET /repos/{owner}/{repo}/releases/{release_id}': (req) => {
        const r = find(req);
        return r ? ok(this.view(r)) : notFound();
      },
      'POST /repos/{owner}/{repo}/releases': (req) => {
        const b = req.body as Json;
        if (this.releases.some((r) => r.tag_name === b.tag_name && !r.draft)) {
          return validationFailed(
            { resource: 'Release', code: 'already_exists', field: 'tag_name' },
            'https://docs.github.com/rest/releases/releases#create-a-release',
          );
        }
        const r = this.addRelease({
          tag: String(b.tag_name),
          name: b.name as string | undefined,
          body: b.body as string | undefined,
          draft: b.draft === true,
        });
        r.prerelease = b.prerelease === true;
        return { status: 201, body: this.view(r), headers: { location: String(r.url) } };
      },
      'PATCH /repos/{owner}/{repo}/releases/{release_id}': (req) => {
        const r = find(req);
        if (!r) return notFound();
        const b = req.body as Json;
        for (const key of ['name', 'body', 'draft', 'prerelease', 'tag_name'] as const) {
          if (b[key] !== undefined) (r as Json)[key] = b[key];
        }
        if (!r.draft) r.published_at ??= timestamp();
        return ok(this.view(r));
      },
      'DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}': (req) => {
        for (const r of this.releases) {
          const i = r.assets.findIndex((a) => a.id === req.params.asset_id);
          if (i >= 0) {
            r.assets.splice(i, 1);
            return { status: 204 };
          }
        }
        return notFound();
      },
      'POST /repos/{owner}/{repo}/releases/{release_id}/assets': (req) => {
        const r = find(req);
        if (!r) return notFound();
        const name = String(req.query.name ?? '');
        if (!req.headers[DIGEST_HEADER]) return notFound(DOCS, 'Not Found (uploads go to upload_url)');
        if (r.assets.some((a) => a.name === name)) {
          return validationFailed(
            { resource: 'ReleaseAsset', code: 'already_exists', field: 'name' },
            'https://docs.github.com/rest/releases/assets#upload-a-release-asset',
          );
        }
        const raw = Buffer.from(String(req.body ?? ''), 'utf8');
        const asset = this.asset(r, name, raw, 'uploaded', `sha256:${String(req.headers[DIGEST_HEADER])}`);
        asset.content_type = String(req.headers['content-type'] ?? 'application/octet-stream');
        return { status: 201, body: this.assetView(asset) };
      },
    });
  }

  addRelease(init: { tag: string; name?: string; body?: string; draft?: boolean }): Release {
    const id = this.nextId++;
    const url = `${this.api.url}${this.repoPath}/releases/${id}`;
    const html = `https://github.com/${this.options.owner}/${this.options.repo}/releases/tag/${init.tag}`;
    const now = timestamp();
    const r: Release = {
      id,
      url,
      html_url: init.draft
        ? `https://github.com/${this.options.owner}/${this.options.repo}/releases/tag/untagged-${id}`
        : html,
      assets_url: `${url}/assets`,
      upload_url: `${this.uploadsUrl}${this.repoPath}/releases/${id}/assets{?name,label}`,
      tarball_url: `${this.api.url}${this.repoPath}/tarball/${init.tag}`,
      zipball_url: `${this.api.url}${this.repoPath}/zipball/${init.tag}`,
      node_id: nodeId('RE', id),
      tag_name: init.tag,
      target_commitish: 'main',
      name: init.name ?? init.tag,
      body: init.body ?? null,
      draft: init.draft ?? false,
      prerelease: false,
      created_at: now,
      published_at: init.draft ? null : now,
      author: userObject(this.api.url, 'github-actions[bot]', 41898282),
      assets: [],
    };
    this.releases.push(r);
    return r;
  }

  addAsset(
    release: Release,
    init: { name: string; content: string; state?: 'uploaded' | 'open' },
  ): ReleaseAsset {
    const raw = Buffer.from(init.content, 'utf8');
    const state = init.state ?? 'uploaded';
    const digest = state === 'uploaded' ? `sha256:${createHash('sha256').update(raw).digest('hex')}` : null;
    return this.asset(
      release,
      init.name,
      state === 'open' ? raw.subarray(0, raw.length >> 1) : raw,
      state,
      digest,
    );
  }

  private asset(
    r: Release,
    name: string,
    raw: Buffer,
    state: 'uploaded' | 'open',
    digest: string | null,
  ): ReleaseAsset {
    const id = this.nextAssetId++;
    const now = timestamp();
    const a: ReleaseAsset = {
      id,
      url: `${this.api.url}${this.repoPath}/releases/assets/${id}`,
      browser_download_url: `https://github.com/${this.options.owner}/${this.options.repo}/releases/download/${r.tag_name}/${encodeURIComponent(name)}`,
      node_id: nodeId('RA', id),
      name,
      label: null,
      state,
      digest,
      content_type: 'application/octet-stream',
      size: raw.length,
      download_count: 0,
      created_at: now,
      updated_at: now,
      uploader: userObject(this.api.url, 'github-actions[bot]', 41898282),
      content: raw,
    };
    r.assets.push(a);
    return a;
  }

  private assetView(a: ReleaseAsset): Json {
    const { content: _c, ...rest } = a;
    return rest;
  }

  private view(r: Release): Json {
    return { ...r, assets: r.assets.map((a) => this.assetView(a)) };
  }
}

/** The uploads origin: forwards every request to the API stand-in with the sha256 of the raw bytes. */
async function startUploads(apiUrl: string): Promise<{ url: string; close: () => Promise<void> }> {
  const target = new URL(apiUrl);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const headers = {
        ...req.headers,
        host: target.host,
        [DIGEST_HEADER]: createHash('sha256').update(raw).digest('hex'),
      };
      const forward = request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: `${target.pathname.replace(/\/$/, '')}${req.url}`,
          headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.writeHead(502).end());
      forward.end(raw);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
