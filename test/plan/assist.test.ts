import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftRiskNarratives, proposeStories } from '../../src/ai/plan-assist.js';
import { parseBacklog } from '../../src/plan/backlog.js';
import { renderPlanFiles } from '../../src/plan/documents.js';
import { loadTemplates } from '../../src/plan/templates.js';
import { apiError, type ClaudeServer, message, startClaudeServer, toolUse } from './claude-server.js';
import { exampleText, plan, problems } from './helpers.js';

let claude: ClaudeServer;
const options = () => ({ apiKey: 'sk-ant-test', baseURL: claude.url, maxRetries: 2 });
beforeEach(async () => {
  claude = await startClaudeServer();
});
afterEach(async () => {
  expect(claude.problems).toEqual([]);
  await claude.close();
});

const STORIES = {
  stories: [
    { id: 'login-form', title: 'Login form', points: 3, priority: 'P0', depends_on: [] },
    { id: 'session-api', title: 'Session API', points: 5, priority: 'P0', depends_on: ['login-form'] },
  ],
};

async function failure(p: Promise<unknown>): Promise<string[]> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  return problems(() => {
    throw err;
  });
}

describe('proposed stories', () => {
  it('turns goals and a thin backlog into a backlog file the loader accepts', async () => {
    claude.reply(toolUse('propose_backlog', STORIES));
    const text = await proposeStories(options(), ['Users can sign in'], [{ id: 'auth', title: 'Auth' }]);
    expect(parseBacklog(text, 'p.yml').items.map((i) => [i.id, i.effort, i.depends_on])).toEqual([
      ['login-form', 3, []],
      ['session-api', 5, ['login-form']],
    ]);
    const sent = claude.requests[0]?.body as { tool_choice: unknown; messages: { content: string }[] };
    expect(sent.tool_choice).toEqual({ type: 'tool', name: 'propose_backlog' });
    expect(JSON.parse(sent.messages[0]?.content ?? '{}')).toEqual({
      goals: ['Users can sign in'],
      backlog: [{ id: 'auth', title: 'Auth' }],
    });
  });

  it('refuses malformed output, and a proposal whose dependencies make a cycle', async () => {
    claude.reply(
      toolUse('propose_backlog', { stories: [{ id: 'x', title: 'x', points: 'lots', priority: 'P0' }] }),
    );
    expect(await failure(proposeStories(options(), ['g'], []))).toEqual([
      "Claude's propose_backlog answer is malformed: stories.0.points: Invalid input: expected number, received string (1 problem(s)). Nothing from it was used.",
      "Claude's propose_backlog answer is malformed: stories.0.points: Invalid input: expected number, received string (1 problem(s))",
    ]);
    claude.reply(
      toolUse('propose_backlog', {
        stories: [
          { id: 'a', title: 'a', points: 1, priority: 'P0', depends_on: ['b'] },
          { id: 'b', title: 'b', points: 1, priority: 'P0', depends_on: ['a'] },
        ],
      }),
    );
    expect((await failure(proposeStories(options(), ['g'], [])))[0]).toMatch(/dependency cycle: b → a → b/);
  });

  it('reports a refusal and prose instead of the tool', async () => {
    claude.reply(message([], 'refusal'));
    expect((await failure(proposeStories(options(), ['g'], [])))[0]).toBe(
      'Claude declined to answer. The plan is complete without AI.',
    );
    claude.reply(message([{ type: 'text', text: 'Here are some stories…' }], 'end_turn'));
    expect((await failure(proposeStories(options(), ['g'], [])))[0]).toBe(
      'Claude did not answer with propose_backlog (stop reason end_turn)',
    );
  });

  it('waits out a rate limit (429 with retry-after) and retries server errors, then gives up', async () => {
    claude.reply(
      apiError(429, 'rate_limit_error', { 'retry-after': '1' }),
      toolUse('propose_backlog', STORIES),
    );
    await expect(proposeStories(options(), ['g'], [])).resolves.toContain('session-api');
    expect(claude.requests).toHaveLength(2);
    const fast = { 'retry-after-ms': '10' };
    claude.reply(
      apiError(500, 'api_error', fast),
      apiError(529, 'overloaded_error', fast),
      apiError(503, 'api_error', fast),
    );
    expect((await failure(proposeStories(options(), ['g'], [])))[0]).toMatch(
      /^Claude API error 503 after retries: .*The plan is complete without AI; try again later for the drafts\.$/,
    );
    expect(claude.requests).toHaveLength(5);
  });
});

describe('risk narratives', () => {
  it('are rendered as escaped text in plan.md, and never change a figure', async () => {
    const p = plan(exampleText, { number: undefined, start: undefined });
    claude.reply(
      toolUse('risk_narratives', {
        narratives: [
          {
            risk: 1,
            text: 'Velocity says 55. {{constructor.constructor "alert(1)"}} <img src=x onerror=alert(1)>',
          },
          { risk: 42, text: 'no such risk' },
        ],
      }),
    );
    const narratives = await draftRiskNarratives(options(), p);
    expect(narratives).toEqual([
      { title: 'Risk 1 (critical-path)', text: expect.stringContaining('Velocity says 55.') },
    ]);
    const md = renderPlanFiles(p, await loadTemplates(), { narratives }).get('plan.md') as string;
    expect(md).toContain(
      '- **Risk 1 (critical-path)**: Velocity says 55. {{constructor.constructor "alert(1)"}} \\<img src=x onerror=alert(1)\\>',
    );
    const without = renderPlanFiles(p, await loadTemplates()).get('plan.md') as string;
    const figures = (s: string) => s.split('## ⚠️ Risk register')[0];
    expect(figures(md)).toBe(figures(without));
  });
});
