import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { checkTargets, type DriftReport } from '../../codegen/check.js';
import { ShipkitError } from '../../errors.js';
import { writeFileAtomic } from '../../fs/atomic.js';
import { limitOf } from '../../fs/read.js';
import type { GitHub } from '../../github/client.js';
import type { PullHead, Repo } from '../../github/command-calls.js';
import { commitFiles } from '../../github/commit-files.js';
import { gitDataApi } from '../../github/git-data.js';
import { type CommandRun, CommandStopped } from './types.js';

/** At most this many files are read from the pull request's tree for one run. */
const MAX_FILES = 500;
const SPEC = /\.(ya?ml|json)$/i;

/**
 * `/codegen`: regenerates the codegen section's clients (targets from the default branch's
 * shipkit.yml) from the pull request's specs at the captured head SHA, read through the API (the
 * spec's folder and the output folder, nothing is checked out or run), and pushes one commit onto
 * that SHA, by fast forward only. A fork's branch is not pushed to: the reply says why.
 */
export async function run(r: CommandRun): Promise<string> {
  const pull = r.pull;
  if (!pull) throw new ShipkitError('/codegen acts on a pull request');
  if (!pull.sameRepository) {
    throw new CommandStopped(
      `/codegen pushes a commit to the pull request's branch, and this branch is on a fork (${pull.repository ?? 'unknown'}), which this workflow's token cannot push to`,
      { hint: 'Run `shipkit codegen generate` on the branch and push the result.' },
    );
  }
  const report = await codegenDrift(r, pull);
  if (!report.stale)
    return `The generated clients are up to date with the specs at \`${pull.sha.slice(0, 7)}\`.`;
  await r.beforeWrite();
  const api = gitDataApi(r.gh, r.repo.owner, r.repo.repo);
  // The commit goes on the captured head, and the branch moves only by fast forward from it.
  const pinned = { ...api, branchSha: async (b: string) => (b === pull.ref ? pull.sha : api.branchSha(b)) };
  let commit: string;
  try {
    ({ commit } = await commitFiles(pinned, {
      branch: pull.ref,
      message:
        'chore(codegen): regenerate clients from the specs\n\nPushed by shipkit for a /codegen comment.',
      files: [...report.files].map(([path, content]) => ({ path, content })),
      deletes: report.deletes,
      onto: { kind: 'append', retries: 1 },
      contents: 'blobs',
    }));
  } catch (err) {
    if ((err as { status?: number }).status !== 422) throw err;
    throw new CommandStopped(
      `the branch ${pull.ref} moved while the clients were generated; nothing was pushed`,
      {
        hint: 'Comment /codegen again to run it on the new head.',
      },
    );
  }
  return `${report.markdown}\n\nPushed ${commit.slice(0, 7)} onto \`${pull.sha.slice(0, 7)}\`.`;
}

/**
 * What regenerating the clients (targets from the default branch's shipkit.yml) from the pull
 * request's specs at the captured head would change: the spec and output folders are read
 * through the API into a scratch folder, nothing is checked out or run, nothing is written.
 */
export async function codegenDrift(r: CommandRun, pull: PullHead): Promise<DriftReport> {
  const targets = r.config.codegen.targets;
  if (targets.length === 0) {
    throw new ShipkitError('no codegen targets configured', {
      hint: 'List them under `codegen: targets:` in .github/shipkit.yml on the default branch.',
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'shipkit-codegen-'));
  try {
    // The specs' folders (spec files only: $refs may point at neighbours) and the output folders.
    const specDirs = targets.map((t) => posix.dirname(clean(t.spec)));
    const outDirs = targets.map((t) => clean(t.out));
    const under = (folder: string, path: string) => folder === '.' || path.startsWith(`${folder}/`);
    await fetchTree(
      r.gh,
      r.repo,
      pull.sha,
      dir,
      (path) =>
        outDirs.some((f) => under(f, path)) || (SPEC.test(path) && specDirs.some((f) => under(f, path))),
    );
    return await checkTargets(targets, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function clean(path: string): string {
  return posix.normalize(path.replace(/\\/g, '/')).replace(/^\.\//, '').replace(/\/+$/, '');
}

/** The files of the tree at `sha` that `wanted` picks, written under `dir` (blobs through the API). */
async function fetchTree(
  gh: GitHub,
  repo: Repo,
  sha: string,
  dir: string,
  wanted: (path: string) => boolean,
) {
  const { data } = await gh.rest.git.getTree({ ...repo, tree_sha: sha, recursive: 'true' });
  if (data.truncated)
    throw new ShipkitError(`the tree of ${sha.slice(0, 7)} is too large to list through the API`);
  const files = data.tree.filter((e) => e.type === 'blob' && e.path && wanted(e.path));
  if (files.length > MAX_FILES) {
    throw new ShipkitError(
      `the spec and output folders hold ${files.length} files at ${sha.slice(0, 7)}, over ${MAX_FILES}`,
    );
  }
  for (const f of files) {
    const path = f.path as string;
    if (path.split('/').includes('..') || path.startsWith('/')) continue;
    if ((f.size ?? 0) > limitOf('spec')) throw new ShipkitError(`${path} at ${sha.slice(0, 7)} is too large`);
    const { data: blob } = await gh.rest.git.getBlob({ ...repo, file_sha: f.sha as string });
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    await writeFileAtomic(target, Buffer.from(blob.content, 'base64').toString('utf8'));
  }
}
