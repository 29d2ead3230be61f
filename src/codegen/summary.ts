import * as crypto from 'node:crypto';
import { markdownCell, markdownCode } from '../render/emit.js';
import type { Model, Obj } from './model.js';
import type { ApiSummary } from './summary-schema.js';
import type { TypeRenderer } from './types.js';

export type { ApiSummary } from './summary-schema.js';

// crypto.hash (Node >= 20.12; read from the namespace, so an older Node loads this file too) hashes
// a string in one call, without making a Hash object for each of the thousands of type texts
// (Graph: 5,178).
const oneShot = crypto.hash as typeof crypto.hash | undefined;
const sha12: (s: string) => string = oneShot
  ? (s) => oneShot('sha256', s, 'hex').slice(0, 12)
  : (s) => crypto.createHash('sha256').update(s).digest('hex').slice(0, 12);

export function summarize(model: Model, types: TypeRenderer): ApiSummary {
  // The same type text recurs thousands of times (`string`, shared parameters): hashed once each.
  const hashes = new Map<string, string>();
  const h = (s: string) => {
    let x = hashes.get(s);
    if (x === undefined) {
      x = sha12(s);
      hashes.set(s, x);
    }
    return x;
  };
  const operations: ApiSummary['operations'] = {};
  for (const op of model.operations) {
    const params: Record<string, string> = {};
    for (const p of [...op.params].sort((a, b) => (a.in + a.name < b.in + b.name ? -1 : 1))) {
      params[`${p.in}:${p.name}`] =
        `${p.required ? 'required' : 'optional'} ${h(types.render(p.schema, p.file, '', 'request'))}`;
    }
    const ok = op.responses.filter((r) => /^2/.test(r.status));
    const body = (r: (typeof ok)[number]) => types.bodyType(r.mediaType, r.schema, r.file, '', 'response');
    // One response (most operations): its text as rendered, whose hash key is known already.
    const output = ok.length === 1 ? body(ok[0] as (typeof ok)[number]) : ok.map(body).join(' | ');
    operations[op.name] = {
      method: op.method,
      path: op.path,
      params,
      ...(op.body
        ? {
            body: `${op.body.required ? 'required' : 'optional'} ${h(types.bodyType(op.body.mediaType, op.body.schema, op.body.file, '', 'request'))}`,
          }
        : {}),
      output: h(output),
    };
  }
  const schemas: ApiSummary['schemas'] = {};
  for (const n of [...model.named.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const s = n.schema as Obj | null;
    const entry: ApiSummary['schemas'][string] = { type: h(types.render(n.schema, n.file, '', 'response')) };
    if (s && typeof s === 'object' && s.properties && typeof s.properties === 'object') {
      const req = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
      const props: Record<string, string> = {};
      for (const k of Object.keys(s.properties as Obj).sort()) {
        props[k] =
          `${req.has(k) ? 'required' : 'optional'} ${h(types.render((s.properties as Obj)[k], n.file, '', 'response'))}`;
      }
      entry.props = props;
    }
    schemas[n.name] = entry;
  }
  return { operations, schemas };
}

export interface ApiChange {
  kind: 'operation' | 'parameter' | 'body' | 'response' | 'schema' | 'property';
  what: string;
  change: 'added' | 'removed' | 'changed';
  breaking: boolean;
  detail: string;
}

/** What changed between two summaries, and which changes break a client. */
export function diffSummaries(before: ApiSummary, after: ApiSummary): ApiChange[] {
  const out: ApiChange[] = [];
  for (const name of union(before.operations, after.operations)) {
    const a = before.operations[name];
    const b = after.operations[name];
    if (!a && b)
      out.push({
        kind: 'operation',
        what: name,
        change: 'added',
        breaking: false,
        detail: `${b.method} ${b.path}`,
      });
    else if (a && !b)
      out.push({
        kind: 'operation',
        what: name,
        change: 'removed',
        breaking: true,
        detail: `${a.method} ${a.path}`,
      });
    else if (a && b) diffOperation(name, a, b, out);
  }
  for (const name of union(before.schemas, after.schemas)) {
    const a = before.schemas[name];
    const b = after.schemas[name];
    if (!a && b) out.push({ kind: 'schema', what: name, change: 'added', breaking: false, detail: '' });
    else if (a && !b)
      out.push({
        kind: 'schema',
        what: name,
        change: 'removed',
        breaking: true,
        detail: 'code that imports it no longer compiles',
      });
    else if (a && b && a.type !== b.type) diffSchema(name, a, b, out);
  }
  return out;
}

type OperationEntry = ApiSummary['operations'][string];
type SchemaEntry = ApiSummary['schemas'][string];

/** `required <type>` or `optional <type>`: a field (parameter or property) as the summary holds it. */
function field(text: string | undefined): { required: boolean; type: string | undefined } {
  const [presence, type] = text?.split(' ') ?? [];
  return { required: presence === 'required', type };
}

/** A parameter or property that is new: breaking when callers must now give it. */
function fieldAdded(kind: 'parameter' | 'property', what: string, now: string): ApiChange {
  return {
    kind,
    what,
    change: 'added',
    breaking: now.startsWith('required'),
    detail: now.split(' ')[0] as string,
  };
}

function diffOperation(name: string, a: OperationEntry, b: OperationEntry, out: ApiChange[]): void {
  if (a.method !== b.method || a.path !== b.path) {
    out.push({
      kind: 'operation',
      what: name,
      change: 'changed',
      breaking: true,
      detail: `${a.method} ${a.path} → ${b.method} ${b.path}`,
    });
  }
  for (const p of union(a.params, b.params)) {
    const x = a.params[p];
    const y = b.params[p];
    const what = `${name} ${p}`;
    if (!x && y) out.push(fieldAdded('parameter', what, y));
    else if (x && !y)
      out.push({
        kind: 'parameter',
        what,
        change: 'removed',
        breaking: true,
        detail: 'callers that pass it no longer compile',
      });
    else if (x !== y) {
      const nowRequired = y?.startsWith('required') && x?.startsWith('optional');
      const typeChanged = field(x).type !== field(y).type;
      out.push({
        kind: 'parameter',
        what,
        change: 'changed',
        breaking: Boolean(nowRequired || typeChanged),
        detail: nowRequired ? 'now required' : typeChanged ? 'type changed' : 'now optional',
      });
    }
  }
  if (a.body !== b.body) {
    out.push({
      kind: 'body',
      what: name,
      change: !a.body ? 'added' : !b.body ? 'removed' : 'changed',
      breaking: Boolean(b.body?.startsWith('required') || (a.body && b.body)),
      detail: 'request body',
    });
  }
  if (a.output !== b.output)
    out.push({
      kind: 'response',
      what: name,
      change: 'changed',
      breaking: true,
      detail: 'response type changed',
    });
}

function diffSchema(name: string, a: SchemaEntry, b: SchemaEntry, out: ApiChange[]): void {
  if (!a.props || !b.props) {
    out.push({ kind: 'schema', what: name, change: 'changed', breaking: true, detail: 'type changed' });
    return;
  }
  for (const p of union(a.props, b.props)) {
    const x = a.props[p];
    const y = b.props[p];
    const what = `${name}.${p}`;
    if (!x && y) out.push(fieldAdded('property', what, y));
    else if (x && !y) out.push({ kind: 'property', what, change: 'removed', breaking: true, detail: '' });
    else if (x !== y) {
      const typeChanged = field(x).type !== field(y).type;
      const nowRequired = field(y).required;
      out.push({
        kind: 'property',
        what,
        change: 'changed',
        breaking: typeChanged || Boolean(y?.startsWith('required')),
        detail: typeChanged ? 'type changed' : nowRequired ? 'now required' : 'now optional',
      });
    }
  }
}

function union(a: object, b: object): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

/** Markdown: counts, then breaking changes first. */
export function renderChanges(target: string, changes: ApiChange[]): string {
  if (changes.length === 0) return `**${target}**: the API is unchanged (only the generated text differs).\n`;
  const count = (k: ApiChange['kind'], c: ApiChange['change']) =>
    changes.filter((x) => x.kind === k && x.change === c).length;
  const breaking = changes.filter((c) => c.breaking);
  const lines = [
    `**${target}**: ${count('operation', 'added')} operations added, ${count('operation', 'removed')} removed; ` +
      `${changes.filter((c) => c.kind === 'parameter').length} parameter changes; ` +
      `${changes.filter((c) => c.kind === 'schema' || c.kind === 'property').length} schema changes; ` +
      `**${breaking.length} breaking** for clients.`,
    '',
    '| | change | where | detail |',
    '|---|---|---|---|',
  ];
  const sorted = [...changes].sort((x, y) => Number(y.breaking) - Number(x.breaking));
  for (const c of sorted.slice(0, 200)) {
    lines.push(
      `| ${c.breaking ? '⚠️ breaking' : ''} | ${c.kind} ${c.change} | ${markdownCode(c.what)} | ${markdownCell(c.detail)} |`,
    );
  }
  if (sorted.length > 200) lines.push(`| | … | ${sorted.length - 200} more | |`);
  return `${lines.join('\n')}\n`;
}
