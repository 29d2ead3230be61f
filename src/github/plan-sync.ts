import type { PlanConfig } from '../config/sections/plan.js';
import { type IssueLike, labelNames } from '../plan/issue-backlog.js';
import type { Plan, Task } from '../plan/plan.js';
import {
  type DesiredIssue,
  desiredTaskIssue,
  desiredTrackingIssue,
  type ExistingIssue,
  issueMatches,
  milestoneDescription,
  milestoneTitle,
  readMarker,
} from '../plan/sync.js';
import type { GitHub } from './client.js';
import { createOnce } from './create-once.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface SyncResult {
  milestone: { number: number; title: string; action: 'created' | 'updated' | 'unchanged'; url: string };
  created: number;
  updated: number;
  unchanged: number;
  /** Issue number per task id. */
  issues: Record<string, number>;
  tracking: number;
}

/**
 * Keeps GitHub in step with a valid plan: the sprint's milestone (due on the last day), an issue per
 * task keyed by a hidden marker (created, or updated only when it differs), and a tracking issue
 * whose task list links them. Costs one call per changed item plus listing; only call it with a
 * plan that planSprint accepted, so nothing is written for an invalid plan.
 */
export async function syncPlan(
  gh: GitHub,
  ref: RepoRef,
  plan: Plan,
  config: PlanConfig,
): Promise<SyncResult> {
  const milestone = await upsertMilestone(gh, ref, plan);
  const existing = new Map<string, ExistingIssue>();
  const byNumber = new Map<number, ExistingIssue>();
  const closed = new Set<number>();
  if (milestone.action !== 'created') {
    for (const issue of await milestoneIssues(gh, ref, milestone.number, 'all')) {
      const e = existingIssue(issue);
      byNumber.set(issue.number, e);
      if (issue.state === 'closed') closed.add(issue.number);
      const key = readMarker(issue.body, plan.sprint.number);
      if (key !== undefined && !existing.has(key)) existing.set(key, e);
    }
  }
  const numbers = new Map<string, number>();
  for (const t of plan.tasks) {
    if (t.issue !== null) numbers.set(t.id, t.issue);
    else {
      const e = existing.get(t.id);
      if (e) numbers.set(t.id, e.number);
    }
  }
  const counts = { created: 0, updated: 0, unchanged: 0 };
  // Dependencies first, so a new issue's "Depends on #N" can name its dependencies' numbers.
  const byWave = [...plan.tasks].sort((a, b) => a.wave - b.wave);
  for (const task of byWave) {
    const n = await upsertTask(
      gh,
      ref,
      plan,
      task,
      config,
      numbers,
      existing,
      byNumber,
      milestone.number,
      counts,
    );
    numbers.set(task.id, n);
  }
  const tracking = desiredTrackingIssue(plan, numbers, closed);
  const trackingNumber = await upsertIssue(
    gh,
    ref,
    existing.get(tracking.key),
    tracking,
    { number: milestone.number, sprint: plan.sprint.number },
    counts,
  );
  return { milestone, ...counts, issues: Object.fromEntries(numbers), tracking: trackingNumber };
}

async function upsertTask(
  gh: GitHub,
  ref: RepoRef,
  plan: Plan,
  task: Task,
  config: PlanConfig,
  numbers: Map<string, number>,
  existing: Map<string, ExistingIssue>,
  byNumber: Map<number, ExistingIssue>,
  milestone: number,
  counts: Record<'created' | 'updated' | 'unchanged', number>,
): Promise<number> {
  const want = desiredTaskIssue(plan, task, config, numbers);
  const where = { number: milestone, sprint: plan.sprint.number };
  if (task.issue === null) return upsertIssue(gh, ref, existing.get(task.id), want, where, counts);
  // A task that is already an issue keeps its title and body; the plan sets labels, owner, milestone.
  let current = byNumber.get(task.issue);
  if (!current) {
    const { data } = await gh.rest.issues.get({ ...ref, issue_number: task.issue });
    current = existingIssue(data);
  }
  return upsertIssue(
    gh,
    ref,
    current,
    { ...want, title: current.title, body: current.body ?? '' },
    where,
    counts,
  );
}

/** What sync compares of an issue the REST API returned. */
function existingIssue(
  issue: Pick<IssueLike, 'number' | 'title' | 'body' | 'labels' | 'assignees'> & {
    milestone?: { number: number } | null;
  },
): ExistingIssue {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body ?? null,
    labels: labelNames(issue.labels),
    assignees: (issue.assignees ?? []).map((a) => a.login),
    milestone: issue.milestone?.number ?? null,
  };
}

async function upsertIssue(
  gh: GitHub,
  ref: RepoRef,
  current: ExistingIssue | undefined,
  want: DesiredIssue,
  where: { number: number; sprint: number },
  counts: Record<'created' | 'updated' | 'unchanged', number>,
): Promise<number> {
  const milestone = where.number;
  if (!current) {
    // A create whose answer is lost is found again by its marker, never made twice.
    const number = await createOnce(
      async () => {
        const { data } = await gh.rest.issues.create({
          ...ref,
          title: want.title,
          body: want.body,
          labels: want.labels,
          assignees: want.assignees,
          milestone,
        });
        return data.number;
      },
      async () =>
        (await milestoneIssues(gh, ref, milestone, 'all')).find(
          (i) => readMarker(i.body, where.sprint) === want.key,
        )?.number,
    );
    counts.created++;
    return number;
  }
  if (issueMatches(current, want, milestone)) {
    counts.unchanged++;
    return current.number;
  }
  await gh.rest.issues.update({
    ...ref,
    issue_number: current.number,
    title: want.title,
    body: want.body,
    labels: want.labels,
    assignees: want.assignees,
    milestone,
  });
  counts.updated++;
  return current.number;
}

async function upsertMilestone(gh: GitHub, ref: RepoRef, plan: Plan): Promise<SyncResult['milestone']> {
  const title = milestoneTitle(plan.sprint.number);
  const description = milestoneDescription(plan);
  const due_on = `${plan.sprint.end}T23:59:59Z`;
  const found = await findSprintMilestone(gh, ref, plan.sprint.number);
  if (!found) {
    const data = await createOnce(
      async () => (await gh.rest.issues.createMilestone({ ...ref, title, description, due_on })).data,
      () => findSprintMilestone(gh, ref, plan.sprint.number),
    );
    return { number: data.number, title, action: 'created', url: data.html_url };
  }
  if (found.description === description && found.due_on?.slice(0, 10) === plan.sprint.end) {
    return { number: found.number, title, action: 'unchanged', url: found.html_url };
  }
  const { data } = await gh.rest.issues.updateMilestone({
    ...ref,
    milestone_number: found.number,
    description,
    due_on,
  });
  return { number: data.number, title, action: 'updated', url: data.html_url };
}

/** The `Sprint N` milestone, open or closed; undefined when the repository has none. */
export async function findSprintMilestone(gh: GitHub, ref: RepoRef, sprint: number) {
  const all = await gh.paginate(gh.rest.issues.listMilestones, { ...ref, state: 'all', per_page: 100 });
  return all.find((m) => m.title === milestoneTitle(sprint));
}

/** The issues of a milestone (its pull requests left out). */
export async function milestoneIssues(gh: GitHub, ref: RepoRef, milestone: number, state: 'all' | 'closed') {
  const issues = await gh.paginate(gh.rest.issues.listForRepo, {
    ...ref,
    milestone: String(milestone),
    state,
    per_page: 100,
  });
  return issues.filter((i) => !i.pull_request);
}
