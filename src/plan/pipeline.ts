import { resolve } from 'node:path';
import type { PlanConfig } from '../config/sections/plan.js';
import { ShipkitError } from '../errors.js';
import { readText } from '../fs/read.js';
import { type Backlog, parseBacklog } from './backlog.js';
import { type DocumentOptions, renderPlanFiles } from './documents.js';
import { type Plan, planSprint, type SprintOptions } from './plan.js';
import { loadTemplates } from './templates.js';

export interface PlanRequest {
  /** Backlog file (relative to cwd), or a backlog read elsewhere (GitHub issues). */
  backlog: string | Backlog;
  config: PlanConfig;
  sprint: SprintOptions;
  /** Directory of .hbs overrides (relative to cwd). */
  templates?: string;
  cwd: string;
  documents?: DocumentOptions;
  /** false: plan only (templates are still loaded and checked, no file is rendered). */
  render?: boolean;
  /** Claude drafts risk narratives and proposes stories; without it (or on failure) no AI is used. */
  assist?: { apiKey: string; baseURL?: string; model?: string; warn: (message: string) => void };
}

export interface PreparedPlan {
  plan: Plan;
  /** Rendered files by path relative to the output directory. */
  files: Map<string, string>;
}

export async function readBacklogFile(file: string, cwd: string): Promise<Backlog> {
  const text = readText(resolve(cwd, file), {
    kind: 'backlog',
    what: 'the backlog',
    file,
    hint: 'Pass --backlog path/to/backlog.yml (or set plan.backlog in shipkit.yml).',
  });
  return parseBacklog(text, file);
}

/** read → model → decide → render, all in memory: a bad input fails before anything is written. */
export async function preparePlan(request: PlanRequest): Promise<PreparedPlan> {
  const backlog =
    typeof request.backlog === 'string'
      ? await readBacklogFile(request.backlog, request.cwd)
      : request.backlog;
  const plan = planSprint(backlog, request.config, request.sprint);
  const dir = request.templates ?? request.config.templates;
  const templates = await loadTemplates(dir ? resolve(request.cwd, dir) : undefined);
  if (request.render === false) return { plan, files: new Map() };
  const drafts = request.assist ? await assist(request.assist, plan, backlog) : {};
  const files = renderPlanFiles(plan, templates, {
    paths: request.config.paths,
    ...request.documents,
    ...(drafts.narratives ? { narratives: drafts.narratives } : {}),
  });
  if (drafts.proposed) files.set('proposed-backlog.yml', drafts.proposed);
  return { plan, files };
}

/** Claude's drafts; a failure is a warning, never a failed plan (every figure is the scheduler's). */
async function assist(
  options: NonNullable<PlanRequest['assist']>,
  plan: Plan,
  backlog: Backlog,
): Promise<{ narratives?: { title: string; text: string }[]; proposed?: string }> {
  const { draftRiskNarratives, proposeStories } = await import('../ai/plan-assist.js');
  const { warn, ...claude } = options;
  const out: { narratives?: { title: string; text: string }[]; proposed?: string } = {};
  try {
    out.narratives = await draftRiskNarratives(claude, plan);
  } catch (err) {
    if (!(err instanceof ShipkitError)) throw err;
    warn(`risk narratives left out: ${err.message}`);
  }
  try {
    const goals = plan.goals.map((g) => g.title);
    const thin = backlog.items
      .filter((i) => !i.closed)
      .map((i) => ({ id: i.id, title: i.title, points: i.effort }));
    out.proposed = await proposeStories(claude, goals, thin);
  } catch (err) {
    if (!(err instanceof ShipkitError)) throw err;
    warn(`proposed stories left out: ${err.message}`);
  }
  return out;
}

/** A short text summary of a plan for a terminal or a log. */
export function planSummary(plan: Plan): string {
  const c = plan.capacity;
  const lines = [
    `Sprint ${plan.sprint.number}: ${plan.sprint.start} – ${plan.sprint.end} (${plan.sprint.workingDays} working days)`,
    `${plan.tasks.length} tasks in ${plan.waves.length} waves; critical path ${plan.criticalPath.join(' → ')} (${plan.criticalPathDays} working days)`,
    `timeline: ${plan.timelineDays} of ${plan.sprint.workingDays} working days (${plan.slack < 0 ? `${-plan.slack} over` : `${plan.slack} of slack`})`,
    c.available === null
      ? `capacity: ${c.committed} ${c.unit} committed; not checked (no team, no velocity)`
      : `capacity: ${c.committed} ${c.unit} committed, ${c.available} available (${[c.team === null ? 'no team' : `team ${c.team}`, ...(c.velocity === null ? [] : [`velocity ${c.velocity}`])].join(', ')})${plan.overcommitted ? ` — over-committed; cut ${c.cut.join(', ') || 'nothing below P0 fits'}` : ''}`,
  ];
  for (const r of plan.risks) lines.push(`risk (${r.severity}): ${r.text}`);
  return lines.join('\n');
}
