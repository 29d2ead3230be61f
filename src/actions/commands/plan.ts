import { ShipkitError } from '../../errors.js';
import { limitOf } from '../../fs/read.js';
import { readFileAt } from '../../github/contents.js';
import { parseBacklog } from '../../plan/backlog.js';
import { planSummary, preparePlan } from '../../plan/pipeline.js';
import { planProposal } from '../../plan/proposal.js';
import type { PlanArgs } from '../../command/commands/plan.js';
import { markdownText } from '../../render/markdown.js';
import type { CommandRun } from './types.js';

/** Where the plan files go in the proposed pull request (the plan action's `out` default). */
const OUT_DIR = 'sprint-plan';

/**
 * `/plan sprint N [start=] [duration=]`: the backlog of the default branch (plan.backlog read
 * through the API, or the repository's issues), planned by the plan core and proposed as one pull
 * request by the plan action's `propose` path. A re-run updates the same branch and pull request.
 */
export async function run(r: CommandRun<PlanArgs>): Promise<string> {
  const base = r.ctx.defaultBranch;
  if (!base) throw new ShipkitError('the event names no default branch (repository.default_branch)');
  const file = r.config.plan.backlog;
  let backlog: Parameters<typeof preparePlan>[0]['backlog'];
  if (file) {
    const text = await readFileAt(r.gh, r.repo, file, base, limitOf('backlog'));
    if (text === undefined) {
      throw new ShipkitError(`plan.backlog names ${file}, which is not on ${base}`, {
        hint: 'Commit the backlog to the default branch, or remove plan.backlog to plan from issues.',
      });
    }
    backlog = parseBacklog(text, file);
  } else {
    const { readIssueBacklog } = await import('../../github/plan-issues.js');
    backlog = await readIssueBacklog(r.gh, r.repo, r.config.plan, r.args.sprint);
  }
  const prepared = await preparePlan({
    backlog,
    config: r.config.plan,
    sprint: {
      number: r.args.sprint,
      ...(r.args.start ? { start: r.args.start } : {}),
      ...(r.args.duration ? { duration: r.args.duration } : {}),
    },
    cwd: r.ctx.workspace,
  });
  const proposal = planProposal(prepared.plan, prepared.files, OUT_DIR);
  const { gitDataApi } = await import('../../github/git-data.js');
  const { proposeChanges } = await import('../../github/propose.js');
  await r.beforeWrite();
  const pr = await proposeChanges(gitDataApi(r.gh, r.repo.owner, r.repo.repo), { base, ...proposal });
  const summary = planSummary(prepared.plan)
    .split('\n')
    .map((line) => `- ${markdownText(line)}`)
    .join('\n');
  return `${summary}\n\nThe plan is proposed in ${pr.url} (${pr.action}).`;
}
