import { join } from 'node:path';
import { loadConfig } from '../config/load.js';
import { ShipkitError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { publishRelease } from '../github/release.js';
import { verifyChecks } from '../github/release-checks.js';
import { pushUpdates } from '../github/release-commit.js';
import { lookupPullRequests } from '../github/release-prs.js';
import { localGit } from '../process/git.js';
import { collectAssets } from '../release/assets.js';
import { releaseJob, releaseTag } from '../release/job.js';
import { writeUpdates } from '../release/version-files.js';
import type { ActionIO } from './runtime.js';

/**
 * `command: release`, on a pushed tag: notes and CHANGELOG from the commits since the previous
 * release, the bump checked, required checks verified, CHANGELOG and version files committed (or
 * proposed), then the GitHub release created or brought up to date with its assets. Every step
 * finds what an earlier run did, so re-running a failed job completes the release.
 */
export async function run(io: ActionIO): Promise<void> {
  const ctx = io.context();
  if (!ctx.repository) throw new ShipkitError('GITHUB_REPOSITORY is not set: run this in GitHub Actions');
  const { owner, repo } = ctx.repository;
  const cwd = ctx.workspace;
  const { config: all } = await loadConfig(io.input('config-file') || undefined, cwd);
  const config = all.release;
  const tag = releaseTag(io.input('tag'), ctx.ref);
  const base = io.input('default-branch').trim() || ctx.defaultBranch || '';
  const verify = io.booleanInput('verify-checks');
  const gh = await io.github();

  const job = await releaseJob(
    {
      cwd,
      tag,
      config,
      base,
      requireDefaultBranch: io.booleanInput('require-default-branch'),
      links: { serverUrl: ctx.serverUrl, owner, repo },
    },
    { git: localGit(cwd), lookupPrs: (shas) => lookupPullRequests(gh, owner, repo, shas), warn: io.warn },
  );
  const { prepared } = job;
  const { history, notes } = prepared;
  io.info(
    `${tag}: ${history.commitCount} commits since ${history.previous?.name ?? 'the first commit'}; bump ${prepared.bump} (required ${prepared.required})`,
  );

  // Everything that can fail on bad input fails here, before anything is published.
  const assets = await collectAssets(cwd, config.assets);

  if (verify) {
    const passed = await verifyChecks(gh, {
      owner,
      repo,
      sha: history.commit,
      required: config.required_checks,
      timeoutMs: config.checks_timeout,
      runId: process.env.GITHUB_RUN_ID,
      info: io.info,
    });
    io.info(passed.length > 0 ? `checks passed: ${passed.join(', ')}` : 'no check runs on the tagged commit');
  }

  const notesFile = io.input('notes-file').trim() || join(process.env.RUNNER_TEMP || cwd, 'release-notes.md');
  await writeFileAtomic(notesFile, prepared.markdown);
  await writeUpdates(cwd, prepared.updates);
  if (job.pushUpdates) {
    const pushed = await pushUpdates(gh, {
      owner,
      repo,
      base,
      tag,
      files: prepared.updates,
      ...job.pushUpdates,
      info: io.info,
    });
    if (pushed.pullRequest) io.info(`release files proposed in ${pushed.pullRequest}`);
  } else if (prepared.updates.length === 0) {
    io.info(`${config.changelog} and the version files already hold ${notes.version}`);
  }

  const published = await publishRelease(gh, {
    owner,
    repo,
    tag,
    name: tag,
    body: prepared.markdown,
    draft: config.draft,
    prerelease: job.prerelease,
    assets,
    warn: io.warn,
    info: io.info,
  });
  io.info(
    `release ${published.created ? 'created' : published.updated ? 'updated' : 'unchanged'}: ${published.url}; ` +
      `assets uploaded ${published.uploaded.length}, unchanged ${published.kept.length}`,
  );
  io.setOutput('release-url', published.url);
  io.setOutput('version', notes.version);
  io.setOutput('bump', prepared.bump);
  io.setOutput('notes-file', notesFile);
  io.setOutput('result', JSON.stringify(job.outcome));
  await io.summary(prepared.markdown);
}
