import type { GitHub } from './client.js';
import type { DataBranch } from './data-branch.js';
import { readActivity } from './report-activity.js';
import { readDeployments, readReleases } from './report-deployments.js';
import { readDataHistory } from './report-history.js';
import { readTests } from './report-runs.js';
import type { ApiWindow, ReportRepo } from './report-section.js';
import { readSecurity } from './report-security.js';
import { readVelocity } from './report-velocity.js';

export interface CollectOptions {
  window: ApiWindow & { week?: string };
  /** The data branch holding gate/perf history and past snapshots; none: no trends. */
  dataBranch?: string;
  /** Used when the repository does not say (an empty repository). */
  defaultBranch?: string;
  blockingLabel: string;
  pointsPrefix: string;
  warn: (message: string) => void;
}

/**
 * Every section the GitHub API holds for the window, each read in as few calls as it allows and
 * each n/a on its own when its endpoint refuses or fails: the report core's inputs (ReportInputs).
 */
export async function collectFromGitHub(gh: GitHub, ref: ReportRepo, o: CollectOptions) {
  const w = o.window;
  const [activity, security, releases, deployments, velocity] = await Promise.all([
    readActivity(gh, ref, w, o.blockingLabel),
    readSecurity(gh, ref),
    readReleases(gh, ref, w),
    readDeployments(gh, ref, w),
    readVelocity(gh, ref, w, o.pointsPrefix),
  ]);
  const branch = activity.defaultBranch ?? o.defaultBranch ?? 'main';
  const [tests, history] = await Promise.all([
    readTests(gh, ref, w, branch),
    o.dataBranch
      ? readDataHistory(
          gh,
          { ...ref, branch: o.dataBranch } satisfies DataBranch,
          w,
          {
            window: activity.commits,
            before: activity.before,
            ...(activity.commitsUnread ? { unread: activity.commitsUnread } : {}),
          },
          o.warn,
        )
      : undefined,
  ]);
  return {
    defaultBranch: branch,
    activity: activity.activity,
    pullRequestChecks: activity.pullRequestChecks,
    blockingIssues: activity.blockingIssues,
    releases,
    tests,
    security,
    deployments,
    velocity,
    ...(history ? { history } : {}),
  };
}
