import type { PlanConfig } from '../config/sections/plan.js';
import type { Backlog } from '../plan/backlog.js';
import { type IssueLike, issuesToBacklog, labelNames } from '../plan/issue-backlog.js';
import type { GitHub } from './client.js';
import { milestoneIssues, type RepoRef } from './plan-sync.js';

/**
 * The backlog from GitHub: open issues (with the backlog label when one is configured), their
 * sub-issues for those that have any, and velocity from the closed `Sprint N` milestones.
 */
export async function readIssueBacklog(
  gh: GitHub,
  ref: RepoRef,
  config: PlanConfig,
  sprint?: number,
): Promise<Backlog> {
  const issues = (await gh.paginate(gh.rest.issues.listForRepo, {
    owner: ref.owner,
    repo: ref.repo,
    state: 'open',
    per_page: 100,
    ...(config.labels.backlog ? { labels: config.labels.backlog } : {}),
  })) as unknown as (IssueLike & { sub_issues_summary?: { total: number } })[];
  const subIssues = new Map<number, number[]>();
  for (const issue of issues) {
    if (!issue.sub_issues_summary?.total) continue;
    const subs = await gh.paginate(gh.rest.issues.listSubIssues, {
      owner: ref.owner,
      repo: ref.repo,
      issue_number: issue.number,
      per_page: 100,
    });
    subIssues.set(
      issue.number,
      subs.filter((s) => s.state === 'open').map((s) => s.number),
    );
  }
  return issuesToBacklog(issues, subIssues, config, sprint, `${ref.owner}/${ref.repo} issues`);
}

/** Points closed in each closed `Sprint N` milestone, oldest first (the last `count`). */
export async function readVelocity(
  gh: GitHub,
  ref: RepoRef,
  config: PlanConfig,
  count = 3,
): Promise<number[]> {
  const milestones = await gh.paginate(gh.rest.issues.listMilestones, {
    ...ref,
    state: 'closed',
    sort: 'due_on',
    direction: 'asc',
    per_page: 100,
  });
  const sprints = milestones.filter((m) => /^Sprint \d+$/.test(m.title)).slice(-count);
  const velocity: number[] = [];
  for (const m of sprints) {
    const issues = await milestoneIssues(gh, ref, m.number, 'closed');
    velocity.push(issues.reduce((s, i) => s + pointsOf(i.labels, config.labels.points), 0));
  }
  return velocity;
}

export function pointsOf(labels: (string | { name?: string | null })[], prefix: string): number {
  for (const name of labelNames(labels)) {
    if (name.toLowerCase().startsWith(prefix.toLowerCase())) {
      const n = Number(name.slice(prefix.length).trim());
      if (Number.isFinite(n)) return n;
    }
  }
  return 0;
}
