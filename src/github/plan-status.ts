import type { PlanConfig } from '../config/sections/plan.js';
import { type Burndown, burndown, type SprintIssue } from '../plan/burndown.js';
import { readMarker, readMilestoneDates, TRACKING_KEY } from '../plan/sync.js';
import type { GitHub } from './client.js';
import { pointsOf } from './plan-issues.js';
import { findSprintMilestone, milestoneIssues, type RepoRef } from './plan-sync.js';

/**
 * The burndown of sprint N from its milestone's issues: points from the points label, progress
 * from when each issue was closed. Undefined when the repository has no such milestone.
 */
export async function readSprintStatus(
  gh: GitHub,
  ref: RepoRef,
  sprint: number,
  config: PlanConfig,
  today = new Date().toISOString().slice(0, 10),
): Promise<Burndown | undefined> {
  const milestone = await findSprintMilestone(gh, ref, sprint);
  if (!milestone) return undefined;
  const issues = await milestoneIssues(gh, ref, milestone.number, 'all');
  const tasks: SprintIssue[] = issues
    .filter((i) => readMarker(i.body, sprint) !== TRACKING_KEY)
    .map((i) => ({
      number: i.number,
      task: readMarker(i.body, sprint) ?? `#${i.number}`,
      title: i.title,
      points: pointsOf(i.labels, config.labels.points),
      closed: i.state === 'closed' && i.closed_at ? i.closed_at.slice(0, 10) : null,
    }));
  const dates = readMilestoneDates(milestone.description) ?? {
    start: milestone.created_at.slice(0, 10),
    end: (milestone.due_on ?? today).slice(0, 10),
  };
  return burndown(sprint, dates.start, dates.end, tasks, today, config.working_days);
}
