import { resolve } from 'node:path';
import { countInput, RANGES } from '../config/fields.js';
import { loadConfig } from '../config/load.js';
import type { PlanConfig } from '../config/sections/plan.js';
import { ShipkitError } from '../errors.js';
import { velocityList } from '../plan/capacity.js';
import { writePlanFiles } from '../plan/documents.js';
import { type PlanDeps, type PlanJobRequest, planJob, planNeedsGitHub } from '../plan/job.js';
import { planSummary, type preparePlan } from '../plan/pipeline.js';
import { scheduleJson } from '../plan/plan.js';
import { jsonForLog } from '../render/log.js';
import { type CliIO, type CommandLine, commandOptions, parseVerbCommand, UsageError } from './args.js';
import { type CliGitHub, cliGitHub, GITHUB_OPTIONS } from './github.js';

const HELP = `Usage:
  shipkit plan --backlog <file> --sprint N --start YYYY-MM-DD --duration 3-weeks [--out <dir>] [--json]
      plans a sprint: waves, critical path, capacity, timeline, risks; with --out writes plan.md,
      plan.json, workflows/sprint-N.yml, verify-week.mjs and a test and doc template per task
    --config <file>       shipkit.yml (default .github/shipkit.yml): team, holidays, labels, templates
    --templates <dir>     .hbs files that replace the built-in templates
    --velocity 52,58,55   points closed in earlier sprints (default: from the backlog or config);
                          \`milestones\`: from the closed sprint milestones (--repo, GITHUB_TOKEN)
    --issues              read the backlog from GitHub issues (--repo owner/name, GITHUB_TOKEN)
    --sync                create or update the sprint's milestone and task issues (--repo, GITHUB_TOKEN)
    --assist              Claude drafts risk narratives and proposed-backlog.yml (ANTHROPIC_API_KEY;
                          --model to choose); every figure still comes from the scheduler
    --json                print the schedule as JSON
  shipkit plan status --repo owner/name --sprint N [--json]
      burndown of the sprint's milestone: points remaining per working day
  shipkit plan schema
      print the JSON Schema of a backlog file (schema/backlog.schema.json)`;

const OPTIONS = {
  ...commandOptions(
    ['backlog', 'sprint', 'start', 'duration', 'out', 'config', 'templates', 'velocity', 'model'],
    ['json', 'issues', 'sync', 'assist'],
  ),
  ...GITHUB_OPTIONS,
};

export async function run(args: string[], io: CliIO): Promise<number> {
  const command = parseVerbCommand(
    args,
    { name: 'shipkit plan', options: OPTIONS, help: HELP, verbs: ['status', 'schema'] },
    io,
  );
  if (!command) return 0;
  const { values, verb } = command;
  if (verb === 'schema') {
    const { backlogJsonSchema } = await import('../plan/backlog-schema.js');
    io.out(jsonForLog(backlogJsonSchema()));
    return 0;
  }
  const { config } = await loadConfig(str(values.config));
  if (verb === 'status') return status(values, config.plan, io);
  const file = str(values.backlog) ?? config.plan.backlog;
  if (!values.issues && !file)
    throw new UsageError('no backlog: pass --backlog <file> (or --issues)', { hint: HELP });
  const { velocity, ...sprint } = sprintOptions(values);
  const request: PlanJobRequest = {
    backlog: values.issues ? { from: 'issues' } : { from: 'file', file: file as string },
    config: config.plan,
    sprint,
    velocity,
    ...(str(values.templates) ? { templates: str(values.templates) } : {}),
    ...assistOption(values, io),
    render: str(values.out) !== undefined,
    cwd: process.cwd(),
  };
  const github = planNeedsGitHub(request) || values.sync ? await cliGitHub(values, io.err) : undefined;
  const prepared = await planJob(request, github ? gitHubSources(github, config.plan) : {});
  if (prepared.plan.assumption) io.err(`warning: ${prepared.plan.assumption}`);
  const out = str(values.out);
  if (out) {
    const written = await writePlanFiles(resolve(out), prepared.files);
    io.err(`wrote ${written.length} files to ${out}`);
  }
  if (values.sync && github) {
    const { syncPlan } = await import('../github/plan-sync.js');
    const result = await syncPlan(
      github.gh,
      { owner: github.owner, repo: github.repo },
      prepared.plan,
      config.plan,
    );
    io.err(
      `GitHub: milestone ${result.milestone.title} ${result.milestone.action}; issues ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`,
    );
  }
  if (values.json) io.out(jsonForLog(scheduleJson(prepared.plan)));
  else io.out(planSummary(prepared.plan));
  return 0;
}

/** The backlog and velocity readers of the repository `--repo` names. */
function gitHubSources({ gh, owner, repo }: CliGitHub, config: PlanConfig): PlanDeps {
  const plan = () => import('../github/plan-issues.js');
  return {
    issueBacklog: async (n) => (await plan()).readIssueBacklog(gh, { owner, repo }, config, n),
    milestoneVelocity: async () => (await plan()).readVelocity(gh, { owner, repo }, config),
  };
}

function assistOption(values: CommandLine['values'], io: CliIO) {
  if (!values.assist) return {};
  const apiKey = process.env.ANTHROPIC_API_KEY;
  if (!apiKey) {
    io.err('warning: --assist needs ANTHROPIC_API_KEY; planning without AI');
    return {};
  }
  const model = str(values.model);
  return { assist: { apiKey, ...(model ? { model } : {}), warn: (m: string) => io.err(`warning: ${m}`) } };
}

function str(v: CommandLine['values'][string]): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function sprintOptions(values: CommandLine['values']) {
  const raw = str(values.sprint);
  if (raw !== undefined) {
    try {
      countInput(raw, '--sprint', RANGES.sprint);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  const rawVelocity = str(values.velocity);
  const velocity: number[] | 'milestones' | undefined =
    rawVelocity === undefined || rawVelocity === 'milestones' ? rawVelocity : velocityList(rawVelocity);
  if (rawVelocity !== undefined && !velocity) {
    throw new UsageError(
      `--velocity must be numbers separated by commas or \`milestones\`, got "${rawVelocity}"`,
    );
  }
  return {
    ...(raw !== undefined ? { number: Number(raw) } : {}),
    ...(str(values.start) ? { start: str(values.start) } : {}),
    ...(str(values.duration) ? { duration: str(values.duration) } : {}),
    ...(velocity ? { velocity } : {}),
  };
}

async function status(
  values: CommandLine['values'],
  config: Parameters<typeof preparePlan>[0]['config'],
  io: CliIO,
): Promise<number> {
  const raw = str(values.sprint);
  if (!raw || !/^\d+$/.test(raw)) throw new UsageError('plan status needs --sprint N', { hint: HELP });
  const { gh, owner, repo } = await cliGitHub(values, io.err);
  const { readSprintStatus } = await import('../github/plan-status.js');
  const { burndownMarkdown } = await import('../plan/burndown.js');
  const result = await readSprintStatus(gh, { owner, repo }, Number(raw), config);
  if (!result) throw new ShipkitError(`no milestone "Sprint ${raw}" in ${owner}/${repo}`);
  if (values.json) io.out(jsonForLog(result));
  else io.out(burndownMarkdown(result));
  return 0;
}
