import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { GitHub } from './client.js';
import { createOnce } from './create-once.js';
import type { DataBranch } from './data-branch.js';
import { gitDataApi } from './git-data.js';

/**
 * One issue per report week, updated in place on a re-run. GitHub has no unique key for issues, so
 * the data branch is the lock: a run claims the week by moving the branch (fast forward only, the
 * one compare-and-swap GitHub offers) to a commit that adds `report/issues/<week>.json`; the run that
 * landed it creates the issue and records its number there; a run that lost waits for the number
 * and updates that issue instead. A claim older than `staleMs` with no number (its run died) is taken over.
 */

export const REPORT_LABEL = 'shipkit-report';

export function weekMarker(key: string): string {
  return `<!-- shipkit:report week=${key} -->`;
}

export interface WeeklyIssueOptions {
  /** The week (`2026-W49`) or window key; in the marker and the claim's path. */
  key: string;
  title: string;
  body: string;
  /** This run's id (GITHUB_RUN_ID-attempt). */
  runId: string;
  staleMs?: number;
  /** How long a run that lost the claim waits for the winner's issue number. */
  waitMs?: number;
  pollMs?: number;
  now?: () => number;
}

export interface WeeklyIssue {
  number: number;
  url: string;
  action: 'created' | 'updated';
}

/** The week's claim on the data branch (`report/issues/<week>.json`): written and read through this schema. */
const claimSchema = z.object({
  issue: z.number().int().positive().optional(),
  claimedBy: z.string(),
  at: z.string(),
});
type Claim = z.infer<typeof claimSchema>;

const claimPath = (key: string) => `report/issues/${key}.json`;

export async function publishWeeklyIssue(
  gh: GitHub,
  ref: { owner: string; repo: string },
  b: DataBranch,
  o: WeeklyIssueOptions,
): Promise<WeeklyIssue> {
  const git = gitDataApi(gh, b.owner, b.repo);
  const now = o.now ?? Date.now;
  const deadline = now() + (o.waitMs ?? 90_000);
  const body = `${weekMarker(o.key)}\n${o.body}`;
  for (;;) {
    const tip = await git.branchSha(b.branch);
    const claim = tip ? await readClaim(gh, b, tip, o.key) : undefined;
    if (claim?.issue !== undefined) {
      const { data } = await gh.rest.issues.update({
        ...ref,
        issue_number: claim.issue,
        title: o.title,
        body,
      });
      return { number: data.number, url: data.html_url, action: 'updated' };
    }
    const mine = claim?.claimedBy === o.runId;
    const fresh = claim !== undefined && now() - Date.parse(claim.at) < (o.staleMs ?? 600_000);
    if (claim && !mine && fresh) {
      if (now() > deadline) {
        throw new Error(
          `${b.branch}:${claimPath(o.key)}: run ${claim.claimedBy} claimed the week's issue at ${claim.at} and has not recorded it yet; re-run this job later`,
        );
      }
      await sleep(o.pollMs ?? 2000);
      continue;
    }
    if (!(await takeClaim(gh, b, tip, o.key, { claimedBy: o.runId, at: new Date(now()).toISOString() })))
      continue;
    const issue = await createOrAdopt(gh, ref, o.key, o.title, body);
    await recordClaim(gh, b, o.key, {
      claimedBy: o.runId,
      at: new Date(now()).toISOString(),
      issue: issue.number,
    });
    return issue;
  }
}

async function readClaim(gh: GitHub, b: DataBranch, tip: string, key: string): Promise<Claim | undefined> {
  try {
    const { data } = await gh.rest.repos.getContent({
      owner: b.owner,
      repo: b.repo,
      path: claimPath(key),
      ref: tip,
    });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
    const parsed = claimSchema.safeParse(JSON.parse(Buffer.from(data.content, 'base64').toString('utf8')));
    return parsed.success ? parsed.data : undefined; // a damaged claim is no claim
  } catch (err) {
    if ((err as { status?: number }).status === 404) return undefined;
    if (err instanceof SyntaxError) return undefined; // a damaged claim is no claim
    throw err;
  }
}

const claimText = (c: Claim) => `${JSON.stringify(claimSchema.parse(c))}\n`;

/** Moves the branch from `tip` to a commit holding our claim; false when another writer moved it first. */
async function takeClaim(gh: GitHub, b: DataBranch, tip: string | undefined, key: string, claim: Claim) {
  const git = gitDataApi(gh, b.owner, b.repo);
  const baseTree = tip ? await git.commitTree(tip) : undefined;
  const tree = await git.createTree(baseTree, [{ path: claimPath(key), content: claimText(claim) }]);
  const commit = await git.createCommit(`claim the weekly report issue of ${key}`, tree, tip ? [tip] : []);
  try {
    if (tip) await git.moveBranch(b.branch, commit, false);
    else await git.createBranch(b.branch, commit);
    return true;
  } catch (err) {
    const s = (err as { status?: number }).status;
    if (s === 422 || s === 409) return false; // not a fast forward / the branch appeared: someone else moved it
    if (s !== undefined && s < 500) throw err;
    return (await git.branchSha(b.branch)) === commit;
  }
}

/** Records the issue number beside the claim (appended: other data may have landed meanwhile). */
async function recordClaim(gh: GitHub, b: DataBranch, key: string, claim: Claim) {
  const { writeDataFiles } = await import('./data-branch.js');
  await writeDataFiles(
    gh,
    b,
    [{ path: claimPath(key), content: claimText(claim) }],
    `weekly report issue of ${key}: #${claim.issue}`,
  );
}

/** Creates the week's issue, or adopts one a dead claimant made (found by its marker). */
async function createOrAdopt(
  gh: GitHub,
  ref: { owner: string; repo: string },
  key: string,
  title: string,
  body: string,
): Promise<WeeklyIssue> {
  const find = async (): Promise<WeeklyIssue | undefined> => {
    const { data } = await gh.rest.issues.listForRepo({
      ...ref,
      labels: REPORT_LABEL,
      state: 'all',
      per_page: 100,
    });
    const found = data.find((i) => !i.pull_request && (i.body ?? '').startsWith(weekMarker(key)));
    if (!found) return undefined;
    await gh.rest.issues.update({ ...ref, issue_number: found.number, title, body });
    return { number: found.number, url: found.html_url, action: 'updated' };
  };
  const existing = await find();
  if (existing) return existing;
  return createOnce(async () => {
    const { data } = await gh.rest.issues.create({ ...ref, title, body, labels: [REPORT_LABEL] });
    return { number: data.number, url: data.html_url, action: 'created' as const };
  }, find);
}
