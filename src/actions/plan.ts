import { join, posix } from 'node:path';
import { countInput, RANGES } from '../config/fields.js';
import { loadConfig } from '../config/load.js';
import { ShipkitError } from '../errors.js';
import { velocityList } from '../plan/capacity.js';
import { writePlanFiles } from '../plan/documents.js';
import { planSummary, preparePlan } from '../plan/pipeline.js';
import { scheduleJson } from '../plan/plan.js';
import type { ActionIO } from './runtime.js';

/**
 * `shipkit plan` in Actions: plans the sprint, writes the plan files, publishes plan.md to the job
 * summary and, with `sync: true`, keeps the milestone and task issues in step. The plan is fully
 * computed and validated before anything is written to GitHub.
 */
export async function run(io: ActionIO): Promise<void> {
  const ctx = io.context();
  const { config } = await loadConfig(io.input('config-file') || undefined, ctx.workspace);
  const apiKey = io.input('anthropic-api-key');
  const repository = ctx.repository;
  const propose = io.booleanInput('propose');
  const needsGitHub =
    io.booleanInput('issues') || io.booleanInput('sync') || propose || io.input('velocity') === 'milestones';
  if (needsGitHub && !repository)
    throw new ShipkitError('no repository in the run context (GITHUB_REPOSITORY)');
  const gh = needsGitHub ? await io.github() : undefined;
  const ref = repository ? { owner: repository.owner, repo: repository.repo } : undefined;
  const sprintNumber = number(io.input('sprint'), 'sprint');

  let backlog: Parameters<typeof preparePlan>[0]['backlog'];
  if (io.booleanInput('issues') && gh && ref) {
    const { readIssueBacklog } = await import('../github/plan-issues.js');
    backlog = await readIssueBacklog(gh, ref, config.plan, sprintNumber);
  } else {
    const file = io.input('backlog') || config.plan.backlog;
    if (!file) {
      throw new ShipkitError('no backlog', {
        hint: 'Set the `backlog` input (or `issues: true`, or plan.backlog).',
      });
    }
    backlog = file;
  }
  const velocity = await readVelocity(io.input('velocity'), gh, ref, config.plan);
  const prepared = await preparePlan({
    backlog,
    config: config.plan,
    sprint: {
      ...(sprintNumber !== undefined ? { number: sprintNumber } : {}),
      ...(io.input('start') ? { start: io.input('start') } : {}),
      ...(io.input('duration') ? { duration: io.input('duration') } : {}),
      ...(velocity ? { velocity } : {}),
    },
    ...(io.input('templates') ? { templates: io.input('templates') } : {}),
    ...(apiKey
      ? { assist: { apiKey, ...(io.input('model') ? { model: io.input('model') } : {}), warn: io.warn } }
      : {}),
    cwd: ctx.workspace,
  });
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
  if (io.booleanInput('sync') && gh && ref) {
    const { syncPlan } = await import('../github/plan-sync.js');
    const result = await syncPlan(gh, ref, plan, config.plan);
    io.setOutput('milestone-url', result.milestone.url);
    io.info(
      `milestone ${result.milestone.title} ${result.milestone.action}; issues ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`,
    );
  }
  if (propose && gh && ref) {
    const { gitDataApi } = await import('../github/git-data.js');
    const { proposeChanges } = await import('../github/propose.js');
    const base = io.input('base').trim() || ctx.defaultBranch || 'main';
    const files = new Map([...prepared.files].map(([name, text]) => [posix.join(outDir, name), text]));
    const title = `Sprint ${plan.sprint.number} plan`;
    const pr = await proposeChanges(gitDataApi(gh, ref.owner, ref.repo), {
      base,
      branch: `shipkit/plan/sprint-${plan.sprint.number}`,
      files,
      deletes: [],
      commitMessage: `docs(plan): ${title.toLowerCase()}\n\n${planSummary(plan)}`,
      title,
      body: `${planSummary(plan)}\n\nThe plan files under \`${outDir}/\`, proposed by shipkit. plan.md:\n\n${prepared.files.get('plan.md') ?? ''}`,
    });
    io.setOutput('pull-request-url', pr.url);
    io.info(`plan pull request ${pr.action}: ${pr.url}`);
  }
}

function number(raw: string, what: string): number | undefined {
  if (raw.trim() === '') return undefined;
  return countInput(raw, `input \`${what}\``, RANGES.sprint);
}

async function readVelocity(
  raw: string,
  gh: Awaited<ReturnType<ActionIO['github']>> | undefined,
  ref: { owner: string; repo: string } | undefined,
  config: Parameters<typeof preparePlan>[0]['config'],
): Promise<number[] | undefined> {
  const text = raw.trim();
  if (text === '') return undefined;
  if (text === 'milestones' && gh && ref) {
    const { readVelocity: fromMilestones } = await import('../github/plan-issues.js');
    return fromMilestones(gh, ref, config);
  }
  const velocity = velocityList(text);
  if (!velocity) {
    throw new ShipkitError(
      `input \`velocity\` must be numbers separated by commas or \`milestones\`, got ${JSON.stringify(raw)}`,
    );
  }
  return velocity;
}
