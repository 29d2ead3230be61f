// A composite action run the way GitHub's runner runs one, for the steps a test machine can run:
// expressions (`${{ … }}`) evaluated by GitHub's own evaluator (@actions/expressions) against the
// `inputs`, `github`, `steps`, `env` and `runner` contexts and the status functions; `run:` steps
// written to a script file and started as `bash --noprofile --norc -eo pipefail FILE` with their
// `env:`, GITHUB_ACTION_PATH and a fresh GITHUB_OUTPUT each, and what earlier steps added to
// GITHUB_PATH and GITHUB_ENV; step outputs, `if:` conditions, a failed
// step skipping the rest (unless their `if:` says otherwise), and the action's `outputs:` values.
// A `uses:` step of another action (actions/upload-artifact needs the Actions service) is not run:
// the test gets its evaluated `with:` through `uses` and says what it yields.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import { truthy as isTruthy } from '@actions/expressions/result';
import { parse } from 'yaml';
import { effectiveCommands, type WorkflowCommand } from './runner-commands.js';
import { parseFileCommand, prepareRun, ROOT, type RunActionOptions, spawnStep } from './runner.js';

export interface CompositeStepResult {
  id: string | undefined;
  name: string;
  /** `skipped` when its `if:` was false; `delegated` for a `uses:` step handed to the test. */
  outcome: 'success' | 'failure' | 'skipped' | 'delegated';
  exitCode?: number;
  with?: Record<string, string>;
  stdout: string;
  stderr: string;
}

export interface CompositeResult {
  exitCode: number;
  outputs: Record<string, string>;
  steps: CompositeStepResult[];
  /** Folders the steps added to GITHUB_PATH, in order. */
  path: string[];
  /** Workflow commands of every step's stdout and stderr, in order. */
  commands: WorkflowCommand[];
  errors: WorkflowCommand[];
}

interface Step {
  id?: string;
  name?: string;
  if?: string | boolean;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string | number | boolean>;
}

type Delegate = (w: Record<string, string>) => Record<string, string> | undefined;

const STATUS = ['success', 'failure', 'always', 'cancelled'] as const;

/** Runs actions/<name> (a composite action) with `options.inputs`; `uses` answers its `uses:` steps by action name. */
export async function runComposite(
  options: RunActionOptions & { uses?: Record<string, Delegate> },
): Promise<CompositeResult> {
  const actionDir = resolve(ROOT, options.action);
  const action = parse(await readFile(join(actionDir, 'action.yml'), 'utf8'));
  if (action.runs?.using !== 'composite') throw new Error(`${options.action} is not a composite action`);
  const { env: base, workspace, temp } = await prepareRun(options);
  const token = options.token ?? '';
  const github = {
    token,
    action_path: actionDir,
    workspace,
    repository: base.GITHUB_REPOSITORY,
    event_name: base.GITHUB_EVENT_NAME,
  };
  const inputs: Record<string, string> = {};
  for (const name of Object.keys(options.inputs ?? {})) {
    if (!(name in (action.inputs ?? {}))) throw new Error(`input "${name}" is not declared in action.yml`);
  }
  for (const [name, spec] of Object.entries<{ default?: unknown }>(action.inputs ?? {})) {
    const given = options.inputs?.[name];
    inputs[name] =
      given ?? (spec.default === undefined ? '' : template(String(spec.default), { github }, false));
  }
  const steps: Record<string, { outputs: Record<string, string>; outcome: string }> = {};
  const results: CompositeStepResult[] = [];
  let failed = false;
  for (const [i, step] of (action.runs.steps as Step[]).entries()) {
    const ctx = { inputs, github, steps, env: { ...options.env }, runner: { os: 'Linux', temp } };
    const name = step.name ?? step.run?.split('\n')[0] ?? step.uses ?? `step ${i + 1}`;
    const condition = step.if === undefined ? 'success()' : String(step.if);
    if (!truthy(condition, ctx, failed)) {
      results.push({ id: step.id, name, outcome: 'skipped', stdout: '', stderr: '' });
      if (step.id) steps[step.id] = { outputs: {}, outcome: 'skipped' };
      continue;
    }
    if (step.uses) {
      const w = Object.fromEntries(
        Object.entries(step.with ?? {}).map(([k, v]) => [k, template(String(v), ctx, failed)]),
      );
      const key = step.uses.replace(/@.*$/, '');
      const delegate = options.uses?.[key];
      if (!delegate) throw new Error(`${options.action}: no stand-in for \`uses: ${step.uses}\``);
      const outputs = delegate(w) ?? {};
      results.push({ id: step.id, name, outcome: 'delegated', with: w, stdout: '', stderr: '' });
      if (step.id) steps[step.id] = { outputs, outcome: 'success' };
      continue;
    }
    if (step.shell !== 'bash') throw new Error(`${options.action}: step ${name} has shell ${step.shell}`);
    const dir = await mkdtemp(join(temp, 'step-'));
    const script = join(dir, 'script.sh');
    const output = join(dir, 'output');
    await writeFile(script, template(String(step.run), ctx, failed));
    await writeFile(output, '');
    const stepEnv = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([k, v]) => [k, template(String(v), ctx, failed)]),
    );
    // what earlier steps added through GITHUB_PATH (the newest first) and GITHUB_ENV
    const added = (await readFile(base.GITHUB_PATH as string, 'utf8')).split('\n').filter(Boolean).reverse();
    const exported = parseFileCommand(await readFile(base.GITHUB_ENV as string, 'utf8'));
    const env = {
      ...base,
      ...options.env,
      ...exported,
      PATH: [...added, options.env?.PATH ?? base.PATH].join(':'),
      ...stepEnv,
      GITHUB_ACTION_PATH: actionDir,
      GITHUB_OUTPUT: output,
    };
    const r = await spawnStep('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], env, workspace);
    const outputs = parseFileCommand(await readFile(output, 'utf8'));
    const outcome = r.code === 0 ? 'success' : 'failure';
    if (outcome === 'failure') failed = true;
    results.push({ id: step.id, name, outcome, exitCode: r.code, stdout: r.stdout, stderr: r.stderr });
    if (step.id) steps[step.id] = { outputs, outcome };
  }
  const ctx = { inputs, github, steps, env: {}, runner: { os: 'Linux', temp } };
  const outputs = Object.fromEntries(
    Object.entries<{ value: string }>(action.outputs ?? {}).map(([k, o]) => [
      k,
      template(o.value, ctx, failed),
    ]),
  );
  const commands = results.flatMap((s) => [...effectiveCommands(s.stdout), ...effectiveCommands(s.stderr)]);
  return {
    exitCode: failed ? 1 : 0,
    outputs,
    path: (await readFile(base.GITHUB_PATH as string, 'utf8')).split('\n').filter(Boolean),
    steps: results,
    commands,
    errors: commands.filter((c) => c.command === 'error'),
  };
}

/** Evaluates one expression (without `${{ }}`) against plain-object contexts. */
function evaluate(expr: string, contexts: Record<string, unknown>, failed: boolean): data.ExpressionData {
  const lexed = new Lexer(expr).lex();
  const functions = STATUS.map((name) => ({ name, minArgs: 0, maxArgs: 0 }));
  const parsed = new Parser(lexed.tokens, Object.keys(contexts), functions).parse();
  const impl = new Map(
    STATUS.map((name) => [
      name,
      {
        name,
        minArgs: 0,
        maxArgs: 0,
        call: () =>
          new data.BooleanData(
            name === 'always' ? true : name === 'cancelled' ? false : name === 'failure' ? failed : !failed,
          ),
      },
    ]),
  );
  const context = JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary;
  return new Evaluator(parsed, context, impl).evaluate();
}

/**
 * An `if:`: a bare expression or one `${{ }}`. As on GitHub, one that calls no status function
 * runs only while no step has failed: it is read as `success() && (…)`.
 */
function truthy(condition: string, contexts: Record<string, unknown>, failed: boolean): boolean {
  const bare = condition.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const status = new RegExp(`\\b(${STATUS.join('|')})\\s*\\(`).test(bare);
  return isTruthy(evaluate(status ? bare : `success() && (${bare})`, contexts, failed));
}

/** A string with `${{ … }}` parts replaced by their values as strings. */
function template(text: string, contexts: Record<string, unknown>, failed: boolean): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expr: string) =>
    evaluate(expr, contexts, failed).coerceString(),
  );
}
