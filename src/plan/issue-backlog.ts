import type { PlanConfig } from '../config/sections/plan.js';
import { ShipkitError } from '../errors.js';
import type { Backlog, Item } from './backlog.js';
import { parsePriority } from './backlog-schema.js';

/** The fields of a GitHub issue the plan reads (a subset of the REST `issue` object). */
export interface IssueLike {
  number: number;
  title: string;
  body?: string | null;
  state: string;
  html_url: string;
  labels: (string | { name?: string | null })[];
  assignees?: { login: string }[] | null;
  milestone?: { title: string } | null;
  pull_request?: unknown;
}

const DEPENDS = /\b(?:depends\s+on|blocked\s+by)\s*:?\s*((?:#\d+[\s,]*(?:and\s+)?)+)/gi;
const TASK_REF = /^\s*[-*]\s+\[[ xX]\]\s+#(\d+)\b/gm;

/** `depends on #3, #4` / `blocked by #5`: the issue numbers it waits for. */
export function dependencyRefs(body: string): number[] {
  const refs = new Set<number>();
  for (const m of body.matchAll(DEPENDS))
    for (const n of (m[1] ?? '').matchAll(/#(\d+)/g)) refs.add(Number(n[1]));
  return [...refs];
}

/** `- [ ] #12` lines: the issues a task list breaks this one into (it is done when they are). */
export function taskListRefs(body: string): number[] {
  return [...new Set([...body.matchAll(TASK_REF)].map((m) => Number(m[1])))];
}

/** The names of an issue's labels (the REST API gives strings or label objects). */
export function labelNames(labels: IssueLike['labels']): string[] {
  return labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean);
}

/**
 * Open issues as a backlog: points, priority and area from labels, the owner from the first
 * assignee, dependencies from "depends on #N" / "blocked by #N", task lists and sub-issues.
 * An issue still in the previous sprint's milestone is carried over.
 */
export function issuesToBacklog(
  issues: IssueLike[],
  subIssues: Map<number, number[]>,
  config: PlanConfig,
  sprint: number | undefined,
  source: string,
): Backlog {
  const problems: ShipkitError[] = [];
  const open = issues.filter((i) => !i.pull_request && i.state === 'open');
  const numbers = new Set(open.map((i) => i.number));
  const { points, priority, area } = config.labels;
  const items: Item[] = open.map((issue) => {
    const labels = labelNames(issue.labels);
    const value = (prefix: string) =>
      labels
        .find((l) => l.toLowerCase().startsWith(prefix.toLowerCase()))
        ?.slice(prefix.length)
        .trim();
    const pts = value(points);
    if (pts === undefined || !/^\d+(\.\d+)?$/.test(pts)) {
      problems.push(
        new ShipkitError(`issue #${issue.number} has no estimate`, {
          location: { file: issue.html_url },
          hint: `Label it \`${points}3\` (any number of points).`,
        }),
      );
    }
    const prio = value(priority) ?? labels.find((l) => /^p[0-3]$/i.test(l));
    const body = issue.body ?? '';
    const deps = [...dependencyRefs(body), ...taskListRefs(body), ...(subIssues.get(issue.number) ?? [])];
    return {
      id: `#${issue.number}`,
      title: issue.title,
      effort: Number(pts ?? 0),
      depends_on: [...new Set(deps)].map((n) => `#${n}`),
      owner: issue.assignees?.[0]?.login,
      priority: (prio && parsePriority(prio)) || 'P2',
      labels: labels.filter((l) => !l.startsWith(points) && !l.startsWith(config.labels.wave)),
      area: value(area),
      description: undefined,
      closed: false,
      carried_over: sprint !== undefined && issue.milestone?.title === `Sprint ${sprint - 1}`,
      paths: [],
      source: { file: issue.html_url },
      issue: issue.number,
    };
  });
  for (const item of items) {
    for (const ref of item.depends_on) {
      if (!numbers.has(Number(ref.slice(1)))) {
        problems.push(
          new ShipkitError(`issue ${item.id} depends on ${ref}, which is closed or not an open issue here`, {
            location: item.source,
            hint: `Remove "depends on ${ref}" if the work is done, or reopen ${ref}.`,
          }),
        );
      }
    }
  }
  if (problems.length > 0) {
    throw new ShipkitError(`${source}: the issue backlog is invalid (${problems.length} problem(s))`, {
      details: problems,
    });
  }
  return { unit: 'points', items, sprint: undefined, file: source };
}
