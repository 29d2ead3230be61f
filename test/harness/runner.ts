import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { effectiveCommands, type WorkflowCommand } from './runner-commands.js';

/** The repository root, where action.yml and dist/ live. */
export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Where the bundles are: ROOT/dist, or SHIPKIT_DIST when set (a private build made with
 * `node scripts/build.mjs --out DIR`, so work in progress can be tested without touching dist/).
 */
export function bundlePath(path: string): string {
  const dist = join(ROOT, 'dist');
  if (!process.env.SHIPKIT_DIST || !path.startsWith(`${dist}/`)) return path;
  return join(resolve(process.env.SHIPKIT_DIST), path.slice(dist.length + 1));
}

export type { WorkflowCommand } from './runner-commands.js';

export interface RunActionOptions {
  /** The action folder relative to the repository root: '.' for the umbrella, 'actions/config', … */
  action: string;
  inputs?: Record<string, string>;
  event?: { name: string; payload: Record<string, unknown> } | { name: string; path: string };
  /** Repository files: the step runs with GITHUB_WORKSPACE (and its cwd) here. */
  workspace?: string;
  /** Base URL of the GitHub API stand-in (GITHUB_API_URL); GraphQL is derived unless given. */
  apiUrl?: string;
  graphqlUrl?: string;
  /** The value `${{ github.token }}` has for input defaults. */
  token?: string;
  repository?: string;
  sha?: string;
  env?: Record<string, string>;
  /** The node binary (default: SHIPKIT_ACTION_NODE, else this one); GitHub runs node24 actions on Node 24. */
  node?: string;
}

export interface RunActionResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** Variables written to GITHUB_ENV. */
  env: Record<string, string>;
  /** The workflow commands the runner would act on, from stdout then stderr (test/harness/runner-commands.ts). */
  commands: WorkflowCommand[];
  errors: WorkflowCommand[];
  warnings: WorkflowCommand[];
  masks: string[];
  durationMs: number;
}

/**
 * Starts a bundled action the way GitHub's runner does: `node <runs.main>` in a child process with
 * INPUT_* variables (name upper-cased, spaces to underscores, hyphens kept; action.yml defaults
 * applied), the event payload in a file, and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_ENV
 * files it reads back afterwards.
 */
export async function runAction(options: RunActionOptions): Promise<RunActionResult> {
  const actionDir = resolve(ROOT, options.action);
  const action = parse(await readFile(join(actionDir, 'action.yml'), 'utf8'));
  if (!String(action.runs?.using).startsWith('node'))
    throw new Error(`${options.action} is not a JavaScript action`);
  const { files, workspace, env: base } = await prepareRun(options);
  const env: Record<string, string> = {
    ...base,
    ...inputEnv(action.inputs ?? {}, options.inputs ?? {}, options.token ?? ''),
    ...options.env,
  };
  const main = bundlePath(resolve(actionDir, action.runs.main));
  const started = performance.now();
  const node = options.node ?? process.env.SHIPKIT_ACTION_NODE ?? process.execPath;
  const { code, stdout, stderr } = await spawnStep(node, [main], env, workspace);
  const durationMs = performance.now() - started;
  const commands = [...effectiveCommands(stdout), ...effectiveCommands(stderr)];
  const outputs = parseFileCommand(await readFile(files.output, 'utf8'));
  // As with inputs: an output the action sets must be declared in its action.yml.
  const undeclared = Object.keys(outputs).filter((name) => !(name in (action.outputs ?? {})));
  if (undeclared.length > 0)
    throw new Error(
      `${options.action} set outputs its action.yml does not declare: ${undeclared.join(', ')}`,
    );
  return {
    exitCode: code,
    stdout,
    stderr,
    outputs,
    summary: await readFile(files.summary, 'utf8'),
    env: parseFileCommand(await readFile(files.env, 'utf8')),
    commands,
    errors: commands.filter((c) => c.command === 'error'),
    warnings: commands.filter((c) => c.command === 'warning'),
    masks: commands.filter((c) => c.command === 'add-mask').map((c) => c.message),
    durationMs,
  };
}

/** The runner's files (GITHUB_OUTPUT, …, in a temp dir), the event file and the job's environment. */
export async function prepareRun(options: Omit<RunActionOptions, 'action'>) {
  const temp = await mkdtemp(join(tmpdir(), 'shipkit-runner-'));
  const files = {
    output: join(temp, 'output'),
    summary: join(temp, 'step_summary'),
    env: join(temp, 'env'),
    path: join(temp, 'path'),
    state: join(temp, 'state'),
  };
  await Promise.all(Object.values(files).map((f) => writeFile(f, '')));
  let eventPath = join(temp, 'event.json');
  const event = options.event ?? { name: 'push', payload: {} };
  if ('path' in event) eventPath = event.path;
  else await writeFile(eventPath, JSON.stringify(event.payload));
  const workspace = options.workspace ?? temp;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? temp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: '__run',
    GITHUB_ACTOR: 'octocat',
    GITHUB_REPOSITORY: options.repository ?? 'Codertocat/Hello-World',
    GITHUB_SHA: options.sha ?? 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'test',
    GITHUB_JOB: 'test',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: options.apiUrl ?? 'http://127.0.0.1:9',
    ...(options.graphqlUrl ? { GITHUB_GRAPHQL_URL: options.graphqlUrl } : {}),
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_STATE: files.state,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: temp,
    // No 1 s spacing between writes against the loopback stand-in (src/github/client.ts).
    SHIPKIT_GITHUB_WRITE_INTERVAL_MS: '0',
  };
  return { temp, files, workspace, env };
}

interface InputSpec {
  default?: string;
  required?: boolean;
}

function inputEnv(spec: Record<string, InputSpec>, given: Record<string, string>, token: string) {
  const env: Record<string, string> = {};
  for (const name of Object.keys(given)) {
    if (!(name in spec)) throw new Error(`input "${name}" is not declared in action.yml`);
  }
  for (const [name, s] of Object.entries(spec)) {
    let value = given[name] ?? (s.default === undefined ? undefined : String(s.default));
    if (value === undefined) continue;
    value = value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expr: string) => {
      if (expr === 'github.token') return token;
      throw new Error(`input "${name}": the harness cannot evaluate \${{ ${expr} }}`);
    });
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  return env;
}

/** Runs a step's process (no stdin) and collects its exit code, stdout and stderr. */
export function spawnStep(command: string, args: string[], env: Record<string, string>, cwd: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolvePromise, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
  });
}

/** GITHUB_OUTPUT / GITHUB_ENV: `name=value` lines and `name<<DELIM … DELIM` blocks. */
export function parseFileCommand(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line) continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc?.[1] && heredoc[2]) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i] ?? '');
      if (i >= lines.length) throw new Error(`unterminated ${heredoc[1]}<<${heredoc[2]} in a file command`);
      result[heredoc[1]] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) throw new Error(`malformed file command line: ${line}`);
    result[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return result;
}
