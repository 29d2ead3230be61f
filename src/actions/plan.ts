import { join } from 'node:path';
import { countInput, RANGES } from '../config/fields.js';
import { loadConfig } from '../config/load.js';
import { ShipkitError } from '../errors.js';
import { velocityList } from '../plan/capacity.js';
import { writePlanFiles } from '../plan/documents.js';
import { type PlanJobRequest, planJob, planNeedsGitHub, planProposal } from '../plan/job.js';
import { planSummary } from '../plan/pipeline.js';
import { scheduleJson } from '../plan/plan.js';
import type { ActionIO } from './runtime.js';

/**
 * `shipkit plan` in Actions: plans the sprint, writes the plan files, publishes plan.md to the job
 * summary and, with `sync: true`, keeps the milestone and task issues in step. The plan is fully
 * computed and validated before anything is written to GitHub.
 */
export async function run(io: ActionIO): Promise<void> {
  const ctx = io.context();
  const request = await planRequest(io);
  const { config } = request;
  const sync = io.booleanInput('sync');
  const propose = io.booleanInput('propose');
  const repository = ctx.repository;
  const needsGitHub = planNeedsGitHub(request) || sync || propose;
  if (needsGitHub && !repository)
    throw new ShipkitError('no repository in the run context (GITHUB_REPOSITORY)');
  const gh = needsGitHub ? await io.github() : undefined;
  const ref = repository && { owner: repository.owner, repo: repository.repo };
  const prepared = await planJob(
    request,
    gh && ref
      ? {
          issueBacklog: async (sprint) =>
            (await import('../github/plan-issues.js')).readIssueBacklog(gh, ref, config, sprint),
          milestoneVelocity: async () =>
            (await import('../github/plan-issues.js')).readVelocity(gh, ref, config),
        }
      : {},
  );
  if (prepared.plan.assumption) io.warn(`The plan assumes: ${prepared.plan.assumption}`);
  const outDir = io.input('out') || 'sprint-plan';
  const out = join(ctx.workspace, outDir);
  await writePlanFiles(out, prepared.files);
  const { plan } = prepared;
  io.setOutput('schedule', JSON.stringify(scheduleJson(plan)));
  io.setOutput('plan-file', join(out, 'plan.md'));
  io.setOutput('overcommitted', String(plan.overcommitted));
  io.setOutput('critical-path-days', String(plan.criticalPathDays));
  io.info(planSummary(plan));
  await io.summary(prepared.files.get('plan.md') ?? '');
  if (sync && gh && ref) {
    const { syncPlan } = await import('../github/plan-sync.js');
    const result = await syncPlan(gh, ref, plan, config);
    io.setOutput('milestone-url', result.milestone.url);
    io.info(
      `milestone ${result.milestone.title} ${result.milestone.action}; issues ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`,
    );
  }
  if (propose && gh && ref) {
    const { gitDataApi } = await import('../github/git-data.js');
    const { proposeChanges } = await import('../github/propose.js');
    const base = io.input('base').trim() || ctx.defaultBranch || 'main';
    const pr = await proposeChanges(
      gitDataApi(gh, ref.owner, ref.repo),
      planProposal(plan, prepared.files, outDir, base),
    );
    io.setOutput('pull-request-url', pr.url);
    io.info(`plan pull request ${pr.action}: ${pr.url}`);
  }
}

/** The plan request the action's inputs describe. */
async function planRequest(io: ActionIO): Promise<PlanJobRequest> {
  const ctx = io.context();
  const { config } = await loadConfig(io.input('config-file') || undefined, ctx.workspace);
  const sprintNumber = number(io.input('sprint'), 'sprint');
  const file = io.input('backlog') || config.plan.backlog;
  const issues = io.booleanInput('issues');
  if (!issues && !file) {
    throw new ShipkitError('no backlog', {
      hint: 'Set the `backlog` input (or `issues: true`, or plan.backlog).',
    });
  }
  const apiKey = io.input('anthropic-api-key');
  const optional = (input: string) => (io.input(input) ? { [input]: io.input(input) } : {});
  return {
    backlog: issues ? { from: 'issues' } : { from: 'file', file: file as string },
    config: config.plan,
    sprint: {
      ...(sprintNumber !== undefined ? { number: sprintNumber } : {}),
      ...optional('start'),
      ...optional('duration'),
    },
    velocity: readVelocity(io.input('velocity')),
    ...optional('templates'),
    ...(apiKey ? { assist: { apiKey, ...optional('model'), warn: io.warn } } : {}),
    cwd: ctx.workspace,
  };
}

function number(raw: string, what: string): number | undefined {
  if (raw.trim() === '') return undefined;
  return countInput(raw, `input \`${what}\``, RANGES.sprint);
}

function readVelocity(raw: string): number[] | 'milestones' | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  if (text === 'milestones') return text;
  const velocity = velocityList(text);
  if (!velocity) {
    throw new ShipkitError(
      `input \`velocity\` must be numbers separated by commas or \`milestones\`, got ${JSON.stringify(raw)}`,
    );
  }
  return velocity;
}
