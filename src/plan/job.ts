import { posix } from 'node:path';
import type { Backlog } from './backlog.js';
import { type PlanRequest, type PreparedPlan, planSummary, preparePlan } from './pipeline.js';
import type { Plan, SprintOptions } from './plan.js';

/** Where the backlog comes from: a file (relative to cwd) or the repository's open issues. */
export type BacklogSource = { from: 'file'; file: string } | { from: 'issues' };

/**
 * One plan job, built once by a reader of action inputs (`actions/plan`) or of CLI flags
 * (`shipkit plan`) and run by `planJob`: the backlog and the velocity may come from GitHub, through
 * `PlanDeps`, and everything else is `preparePlan`'s.
 */
export interface PlanJobRequest extends Omit<PlanRequest, 'backlog' | 'sprint'> {
  backlog: BacklogSource;
  sprint: Omit<SprintOptions, 'velocity'>;
  /** Points closed in earlier sprints, or `milestones`: read from the closed sprint milestones. */
  velocity?: number[] | 'milestones' | undefined;
}

/** What the job reads from GitHub (src/github/plan-issues.ts at the edge). */
export interface PlanDeps {
  issueBacklog?: (sprint: number | undefined) => Promise<Backlog>;
  milestoneVelocity?: () => Promise<number[]>;
}

/** True when the request reads from GitHub: the shells make a client only then. */
export function planNeedsGitHub(req: Pick<PlanJobRequest, 'backlog' | 'velocity'>): boolean {
  return req.backlog.from === 'issues' || req.velocity === 'milestones';
}

/** Reads the backlog and the velocity, then plans and renders in memory (nothing is written). */
export async function planJob(req: PlanJobRequest, deps: PlanDeps = {}): Promise<PreparedPlan> {
  const { backlog: source, velocity: given, sprint, ...rest } = req;
  let backlog: string | Backlog;
  if (source.from === 'issues') {
    if (!deps.issueBacklog) throw new Error('planJob: a backlog from issues needs deps.issueBacklog');
    backlog = await deps.issueBacklog(sprint.number);
  } else backlog = source.file;
  let velocity = given === 'milestones' ? undefined : given;
  if (given === 'milestones') {
    if (!deps.milestoneVelocity)
      throw new Error('planJob: velocity from milestones needs deps.milestoneVelocity');
    velocity = await deps.milestoneVelocity();
  }
  return preparePlan({ ...rest, backlog, sprint: { ...sprint, ...(velocity ? { velocity } : {}) } });
}

/** The pull request that proposes the plan files under `outDir` (`propose: true`). */
export function planProposal(plan: Plan, files: ReadonlyMap<string, string>, outDir: string, base: string) {
  const title = `Sprint ${plan.sprint.number} plan`;
  const summary = planSummary(plan);
  return {
    base,
    branch: `shipkit/plan/sprint-${plan.sprint.number}`,
    files: new Map([...files].map(([name, text]) => [posix.join(outDir, name), text])),
    deletes: [],
    commitMessage: `docs(plan): ${title.toLowerCase()}\n\n${summary}`,
    title,
    body: `${summary}\n\nThe plan files under \`${outDir}/\`, proposed by shipkit. plan.md:\n\n${files.get('plan.md') ?? ''}`,
  };
}
