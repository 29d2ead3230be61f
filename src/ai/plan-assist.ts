import { stringify } from 'yaml';
import { z } from 'zod';
import { parseBacklog } from '../plan/backlog.js';
import { ID_PATTERN } from '../plan/backlog-schema.js';
import type { Plan } from '../plan/plan.js';
import { askForTool, type ClaudeOptions } from './structured.js';

/**
 * Claude drafts, the scheduler decides: proposed stories (with estimates and dependencies) for a
 * team to review, and risk narratives for the risks the scheduler derived. Nothing Claude writes is
 * a number in the plan, a template, or a command line: it is data, validated, then escaped.
 */

const story = z.strictObject({
  id: z.string().regex(ID_PATTERN).describe('Short id, e.g. auth-1.'),
  title: z.string().min(1).max(200).describe('What the story delivers.'),
  points: z.number().int().min(0).max(40).describe('Estimate in story points.'),
  depends_on: z.array(z.string()).max(20).default([]).describe('Ids of stories that must be done first.'),
  priority: z.enum(['P0', 'P1', 'P2', 'P3']).describe('P0 must … P3 nice to have.'),
  description: z.string().max(2000).optional().describe('Acceptance notes.'),
});

export const storiesSchema = z.strictObject({
  stories: z.array(story).min(1).max(100).describe('Proposed backlog items.'),
});

export const narrativesSchema = z.strictObject({
  narratives: z
    .array(
      z.strictObject({
        risk: z.number().int().min(1).describe('Number of the risk in the register (1-based).'),
        text: z
          .string()
          .min(1)
          .max(600)
          .describe('Two or three sentences: why it matters and what to watch.'),
      }),
    )
    .max(20),
});

export interface ThinItem {
  id: string;
  title: string;
  points?: number;
}

/**
 * Goals and a thin backlog → a proposed backlog file (YAML), checked by the same loader and graph
 * validation as a hand-written one, so a proposal with a cycle or a dangling reference is refused.
 */
export async function proposeStories(
  options: ClaudeOptions,
  goals: string[],
  thin: ThinItem[],
): Promise<string> {
  const answer = await askForTool(
    options,
    {
      name: 'propose_backlog',
      description: 'Propose backlog stories with estimates in story points and dependencies between them.',
      schema: storiesSchema,
    },
    'You help a software team split sprint goals into small stories. Estimate in story points (1, 2, 3, 5, 8). Only use dependency ids of stories you propose.',
    JSON.stringify({ goals, backlog: thin }),
  );
  const file = { items: answer.stories.map((s) => ({ ...s })) };
  const text = `# Proposed by Claude from the sprint goals: review before planning with it.\n${stringify(file)}`;
  const backlog = parseBacklog(text, 'proposed-backlog.yml');
  const { buildGraph } = await import('../plan/graph.js');
  buildGraph(backlog.items, 'proposed-backlog.yml');
  return text;
}

/** One narrative per risk the scheduler found; unknown risk numbers are dropped. */
export async function draftRiskNarratives(
  options: ClaudeOptions,
  plan: Plan,
): Promise<{ title: string; text: string }[]> {
  if (plan.risks.length === 0) return [];
  const answer = await askForTool(
    options,
    {
      name: 'risk_narratives',
      description: 'Write a short narrative for each risk of the sprint plan.',
      schema: narrativesSchema,
    },
    'You explain sprint risks to a team in plain words. Do not change or invent figures: use the ones given.',
    JSON.stringify({
      sprint: plan.sprint,
      risks: plan.risks.map((r, i) => ({ n: i + 1, severity: r.severity, text: r.text, items: r.items })),
    }),
  );
  return answer.narratives.flatMap((n) => {
    const risk = plan.risks[n.risk - 1];
    return risk ? [{ title: `Risk ${n.risk} (${risk.kind})`, text: n.text }] : [];
  });
}
