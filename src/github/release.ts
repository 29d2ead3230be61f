import { ShipkitError } from '../errors.js';
import type { AssetFile } from '../release/assets.js';
import type { GitHub } from './client.js';
import { createOnce, isGone } from './create-once.js';

export interface ReleaseRequest {
  owner: string;
  repo: string;
  tag: string;
  name: string;
  body: string;
  draft: boolean;
  prerelease: boolean;
  /** Files to attach: their name on GitHub, bytes and sha256. */
  assets: AssetFile[];
  warn: (m: string) => void;
  info: (m: string) => void;
}

export interface PublishedRelease {
  id: number;
  url: string;
  created: boolean;
  updated: boolean;
  uploaded: string[];
  kept: string[];
  /** Assets on the release that no glob matched (left alone). */
  others: string[];
}

interface ReleaseData {
  id: number;
  html_url: string;
  upload_url: string;
  tag_name: string;
  name: string | null;
  body?: string | null;
  draft: boolean;
  prerelease: boolean;
  assets: { id: number; name: string; state: string; digest?: string | null; size: number }[];
}

/**
 * Creates the release for the tag, or brings the one that exists up to date; then reconciles the
 * assets by name and digest: unchanged ones stay, changed or half-uploaded ones are replaced.
 * Run twice, it changes nothing the second time.
 */
export async function publishRelease(gh: GitHub, req: ReleaseRequest): Promise<PublishedRelease> {
  const { owner, repo } = req;
  let release = await findRelease(gh, owner, repo, req.tag);
  const fields = { name: req.name, body: req.body, draft: req.draft, prerelease: req.prerelease };
  let created = false;
  let updated = false;
  if (!release) {
    // A create whose answer is lost is found again (drafts included), never made twice.
    release = await createOnce(
      async () =>
        (await gh.rest.repos.createRelease({ owner, repo, tag_name: req.tag, ...fields }))
          .data as ReleaseData,
      () => findRelease(gh, owner, repo, req.tag),
    );
    created = true;
  } else if (
    release.name !== fields.name ||
    (release.body ?? '') !== fields.body ||
    release.draft !== fields.draft ||
    release.prerelease !== fields.prerelease
  ) {
    const { data } = await gh.rest.repos.updateRelease({ owner, repo, release_id: release.id, ...fields });
    release = data as ReleaseData;
    updated = true;
  }
  const uploaded: string[] = [];
  const kept: string[] = [];
  for (const asset of req.assets) {
    const existing = release.assets.find((a) => a.name === asset.name);
    if (existing && existing.state === 'uploaded' && sameDigest(existing, asset)) {
      kept.push(asset.name);
      continue;
    }
    if (existing) {
      req.info(
        existing.state === 'uploaded'
          ? `replacing ${asset.name}: its content changed`
          : `replacing ${asset.name}: an earlier upload did not finish (state ${existing.state})`,
      );
      await deleteAsset(gh, owner, repo, existing.id);
    }
    const releaseId = release.id;
    await createOnce(
      () => upload(gh, release.upload_url, asset),
      async () => {
        // The upload may have landed (adopt it) or stopped half-way (clear it for the next attempt).
        const { data } = await gh.rest.repos.getRelease({ owner, repo, release_id: releaseId });
        const now = (data as ReleaseData).assets.find((a) => a.name === asset.name);
        if (now?.state === 'uploaded' && sameDigest(now, asset)) return true;
        if (now) await deleteAsset(gh, owner, repo, now.id);
        return undefined;
      },
    );
    uploaded.push(asset.name);
  }
  const wanted = new Set(req.assets.map((a) => a.name));
  const others = release.assets.filter((a) => !wanted.has(a.name)).map((a) => a.name);
  if (others.length > 0) {
    req.warn(
      `release ${req.tag} also has assets shipkit did not upload: ${others.join(', ')}; they are left as they are (delete them on GitHub if they should go)`,
    );
  }
  return { id: release.id, url: release.html_url, created, updated, uploaded, kept, others };
}

/** The release of a tag, drafts included (GET /releases/tags/{tag} does not return drafts). */
async function findRelease(
  gh: GitHub,
  owner: string,
  repo: string,
  tag: string,
): Promise<ReleaseData | undefined> {
  try {
    const { data } = await gh.rest.repos.getReleaseByTag({ owner, repo, tag });
    return data as ReleaseData;
  } catch (err) {
    if ((err as { status?: number }).status !== 404) throw err;
  }
  const { data } = await gh.rest.repos.listReleases({ owner, repo, per_page: 100 });
  return (data as ReleaseData[]).find((r) => r.tag_name === tag && r.draft);
}

/** Deletes an asset; one already gone (a repeat after a lost answer) is fine. */
async function deleteAsset(gh: GitHub, owner: string, repo: string, id: number): Promise<void> {
  try {
    await gh.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: id });
  } catch (err) {
    if (!isGone(err)) throw err;
  }
}

function sameDigest(existing: { digest?: string | null; size: number }, asset: AssetFile): boolean {
  if (existing.digest) return existing.digest === `sha256:${asset.sha256}`;
  // Releases made before GitHub recorded digests: the size is all there is to compare.
  return existing.size === asset.data.length;
}

/** Uploads to the release's own `upload_url` (uploads.github.com on github.com), never the API host. */
async function upload(gh: GitHub, uploadUrl: string, asset: AssetFile): Promise<true> {
  if (!uploadUrl) throw new ShipkitError('the release has no upload_url; cannot upload assets');
  await gh.request({
    method: 'POST',
    url: uploadUrl,
    name: asset.name,
    data: asset.data as unknown as string,
    headers: { 'content-type': asset.contentType, 'content-length': asset.data.length },
  });
  return true;
}
