import type { PlanConfig } from '../config/sections/plan.js';
import type { Plan, Task } from './plan.js';

/**
 * What GitHub should look like after a plan: pure functions, so a re-run can compare and write
 * only what changed. Tasks are keyed by a hidden marker in the issue body.
 */

const MARKER = /<!-- shipkit:plan sprint=(\d+) (task|tracking)(?:=([^\s]+))? -->/;

/** What readMarker returns for the tracking issue: no task id can be it. */
export const TRACKING_KEY = '\0tracking';

export function taskMarker(sprint: number, id: string): string {
  return `<!-- shipkit:plan sprint=${sprint} task=${encodeURIComponent(id)} -->`;
}

export function trackingMarker(sprint: number): string {
  return `<!-- shipkit:plan sprint=${sprint} tracking -->`;
}

/** The task id (or `tracking`) a body's marker names, for the given sprint. */
export function readMarker(body: string | null | undefined, sprint: number): string | undefined {
  const m = MARKER.exec(body ?? '');
  if (!m || Number(m[1]) !== sprint) return undefined;
  return m[2] === 'tracking' ? TRACKING_KEY : decodeURIComponent(m[3] ?? '');
}

export function milestoneTitle(sprint: number): string {
  return `Sprint ${sprint}`;
}

export function milestoneDescription(plan: Plan): string {
  const s = plan.sprint;
  return `Sprint ${s.number}: ${s.start} – ${s.end}, ${plan.capacity.planned} ${plan.unit} planned (shipkit plan).\n<!-- shipkit:plan sprint=${s.number} start=${s.start} end=${s.end} -->`;
}

/** `start=… end=…` from a milestone description written by milestoneDescription. */
export function readMilestoneDates(
  description: string | null | undefined,
): { start: string; end: string } | undefined {
  const m = /start=(\d{4}-\d{2}-\d{2}) end=(\d{4}-\d{2}-\d{2})/.exec(description ?? '');
  return m ? { start: m[1] as string, end: m[2] as string } : undefined;
}

export interface DesiredIssue {
  key: string;
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
}

export function taskLabels(task: Task, config: PlanConfig, unit: string): string[] {
  const pointsLabel = unit === 'points' ? [`${config.labels.points}${task.effort}`] : [];
  return [
    ...new Set([
      ...task.labels.filter(
        (l) => !l.startsWith(config.labels.wave) && !l.startsWith(config.labels.priority),
      ),
      `${config.labels.wave}${task.wave + 1}`,
      ...pointsLabel,
      `${config.labels.priority}${task.priority}`,
    ]),
  ].sort();
}

/** The issue of a task from a backlog file; `numbers` gives the issues already known for task ids. */
export function desiredTaskIssue(
  plan: Plan,
  task: Task,
  config: PlanConfig,
  numbers: Map<string, number>,
): DesiredIssue {
  const deps = task.depends_on.map((id) => (numbers.has(id) ? `#${numbers.get(id)}` : id));
  const lines = [
    task.description ?? '',
    '',
    '| Sprint | Wave | Priority | Estimate | Owner | Planned |',
    '| --- | ---: | --- | ---: | --- | --- |',
    `| ${plan.sprint.number} | ${task.wave + 1} | ${task.priority} | ${task.effort} ${plan.unit} | ${task.owner ?? '—'} | ${task.start} – ${task.end} |`,
    '',
    deps.length > 0 ? `Depends on ${deps.join(', ')}` : 'No dependencies: it can start on day one.',
    task.critical ? '\nOn the critical path: a slip here moves the sprint end.' : '',
    '',
    taskMarker(plan.sprint.number, task.id),
  ];
  return {
    key: task.id,
    title: task.title,
    body: lines.join('\n').trim(),
    labels: taskLabels(task, config, plan.unit),
    assignees: task.owner ? [task.owner] : [],
  };
}

/** The sprint's tracking issue: a task list of every task issue, in timeline order. */
export function desiredTrackingIssue(
  plan: Plan,
  numbers: Map<string, number>,
  closed: Set<number>,
): DesiredIssue {
  const tasks = [...plan.tasks].sort((a, b) => a.start.localeCompare(b.start) || a.wave - b.wave);
  const list = tasks.flatMap((t) => {
    const n = numbers.get(t.id);
    return n === undefined ? [] : [`- [${closed.has(n) ? 'x' : ' '}] #${n}`];
  });
  return {
    key: TRACKING_KEY,
    title: `Sprint ${plan.sprint.number} plan`,
    body: [
      `Sprint ${plan.sprint.number}: ${plan.sprint.start} – ${plan.sprint.end}. Critical path ${plan.criticalPathDays} working days; ${plan.capacity.planned} ${plan.unit} planned${plan.capacity.available === null ? '' : ` of ${plan.capacity.available} available`}.`,
      '',
      ...list,
      '',
      trackingMarker(plan.sprint.number),
    ].join('\n'),
    labels: [],
    assignees: [],
  };
}

export interface ExistingIssue {
  number: number;
  title: string;
  body: string | null;
  labels: string[];
  assignees: string[];
  milestone: number | null;
}

/** True when the issue already is what the plan wants: no write needed. */
export function issueMatches(existing: ExistingIssue, want: DesiredIssue, milestone: number): boolean {
  const same = (a: string[], b: string[]) =>
    a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
  return (
    existing.title === want.title &&
    (existing.body ?? '').trim() === want.body.trim() &&
    same(existing.labels, want.labels) &&
    same(
      existing.assignees.map((a) => a.toLowerCase()),
      want.assignees.map((a) => a.toLowerCase()),
    ) &&
    existing.milestone === milestone
  );
}
