import { blockComment, stringLiteral } from '../render/emit.js';
import { locatedKey, resolveRef } from './load.js';
import { type Model, type NamedSchema, type Obj, type Operation, reachSets } from './model.js';
import { propertyKey } from './names.js';
import { CLIENT_RUNTIME } from './runtime.js';
import type { Mode, TypeOptions } from './types.js';

type Shape = 'i' | { o?: Record<string, Shape>; a?: Shape; l?: Shape; u?: Shape[]; m?: 1; r?: string };

/** client.ts: the runtime, the operation table, `createClient` with one typed method per operation. */
export function renderClient(model: Model, options: TypeOptions, header: string): string {
  const shapes = new Int64Shapes(model);
  const out: string[] = [
    header,
    "import type * as T from './types.js';",
    '',
    "export type { Operations } from './types.js';",
    '',
  ];
  const base = model.servers[0] ?? '';
  out.push(`const DEFAULT_BASE_URL = ${stringLiteral(base)};`);
  out.push(`const INT64_AS_BIGINT = ${options.int64 === 'bigint'};`);
  out.push('');
  out.push("/** Credentials by security scheme name (from the spec's securitySchemes). */");
  const creds = model.securitySchemes.map((s) => {
    const what = s.type === 'basic' ? '{ username: string; password: string } | Secret' : 'Secret';
    const doc =
      s.type === 'apiKey'
        ? `API key sent in ${s.in} ${stringLiteral(s.paramName)}`
        : s.type === 'basic'
          ? 'HTTP basic'
          : 'bearer token';
    return `  /** ${blockComment(doc)} */\n  ${propertyKey(s.name)}?: ${what};`;
  });
  out.push(
    creds.length > 0
      ? `export interface Credentials {\n${creds.join('\n')}\n}`
      : 'export type Credentials = Record<string, never>;',
  );
  out.push('');
  const schemes = model.securitySchemes.map((s) => {
    const spec =
      s.type === 'apiKey'
        ? `['apiKey', ${stringLiteral(s.in)}, ${stringLiteral(s.paramName)}]`
        : `['${s.type}']`;
    return `  ${propertyKey(s.name)}: ${spec},`;
  });
  out.push(
    `const SCHEMES: Record<string, SchemeSpec> = {${schemes.length > 0 ? `\n${schemes.join('\n')}\n` : ''}};`,
  );
  out.push('');
  const requests = options.int64 === 'string';
  const known = new Set(model.securitySchemes.map((s) => s.name));
  const ops = model.operations.map((op): [string, unknown] => [op.name, opSpec(op, shapes, known, requests)]);
  out.push(jsonTable('SHAPES', 'Shape', shapes.table()));
  out.push('');
  out.push(CLIENT_RUNTIME.trim());
  out.push('');
  out.push(jsonTable('OPERATIONS', 'OpSpec', ops));
  out.push('');
  // Through `infer`, not `T.Operations[K]['input']`: tsc checks that indexed access on a generic K
  // against the keys of every operation at once (a fifth of its time on GitHub's client).
  out.push('type In<K extends keyof T.Operations> = T.Operations[K] extends { input: infer I } ? I : never;');
  out.push(
    'type Output<K extends keyof T.Operations> = T.Operations[K] extends { output: infer O } ? O : never;',
  );
  out.push('type Out<K extends keyof T.Operations> = Promise<Output<K>>;');
  out.push('');
  out.push(
    '/** One method per operation (documented on `Operations`); input optional when nothing in it is required. */',
  );
  out.push('export type ApiClient = {');
  out.push('  [K in keyof T.Operations]: Record<string, never> extends In<K>');
  out.push('    ? (input?: In<K>, init?: RequestOptions) => Out<K>');
  out.push('    : (input: In<K>, init?: RequestOptions) => Out<K>;');
  out.push('};');
  out.push('');
  out.push('/** A client with one method per operation. Errors: ApiError (see isApiError). */');
  out.push('export function createClient(options: ClientOptions = {}): ApiClient {');
  out.push('  const call = createCaller(options);');
  out.push(
    '  const client: Record<string, (input?: Input, init?: RequestOptions) => Promise<unknown>> = {};',
  );
  out.push(
    '  for (const [id, op] of Object.entries(OPERATIONS)) client[id] = (input = {}, init) => call(op, input, init);',
  );
  out.push('  return client as unknown as ApiClient;');
  out.push('}');
  out.push('');
  out.push(
    "/** A parsed 2xx JSON body of 'operation' as the client returns it: int64 fields as string or bigint. mocks.ts answers through it. */",
  );
  out.push(
    'export function decodeResponse<K extends keyof T.Operations>(operation: K, body: unknown): Output<K> {',
  );
  out.push(
    '  return decodeInt64(body, OPERATIONS[operation as string]?.int64, INT64_AS_BIGINT) as Output<K>;',
  );
  out.push('}');
  return `${out.join('\n')}\n`;
}

/**
 * A data table of the client as JSON text, one entry a line, read once at load. tsc checks a
 * string for free, where checking the same table as an object literal against its type was a
 * quarter of tsc's time on GitHub's client (1,223 operations). Backticks and dollar signs, which
 * JSON allows only inside strings, are written as \u escapes so the raw template stays closed.
 */
function jsonTable(name: string, type: string, entries: readonly [string, unknown][]): string {
  const lines = entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const text = lines.length > 0 ? `{\n${lines.join(',\n')}\n}` : '{}';
  const raw = text.replace(/`/g, '\\u0060').replace(/\$/g, '\\u0024');
  return `const ${name}: Record<string, ${type}> = JSON.parse(String.raw\`${raw}\`);`;
}

/**
 * One operation's entry. `requests` (int64: string): the shapes of its JSON body and JSON-encoded
 * parameters too, so the runtime writes their int64 strings as JSON numbers (bigints need none).
 * `known`: the names of the spec's security schemes (made once for all operations).
 */
function opSpec(
  op: Operation,
  shapes: Int64Shapes,
  known: ReadonlySet<string>,
  requests: boolean,
): Record<string, unknown> {
  const params = op.params
    .slice()
    .sort((a, b) => (a.in + a.name < b.in + b.name ? -1 : 1))
    .map((p) => {
      const shape = requests && p.json ? shapes.of(p.schema, p.file, 0, 'request') : undefined;
      const tail = shape ? [true, shape] : p.json ? [true] : [];
      return [p.in, p.name, p.style, p.explode, ...tail];
    });
  const spec: Record<string, unknown> = { id: op.name, method: op.method, path: op.path, params };
  if (op.body) spec.body = op.body.mediaType;
  const encoding = op.body ? fieldEncodings(op.body.mediaType, op.body.encoding) : undefined;
  if (encoding) spec.encoding = encoding;
  const sec = op.security.filter((req) => req.every((n) => known.has(n)));
  if (sec.length > 0) spec.security = sec;
  const ok = op.responses.filter((r) => /^2/.test(r.status) && r.mediaType && /json/.test(r.mediaType));
  const s = ok
    .map((r) => shapes.of(r.schema, r.file, 0, 'response'))
    .filter((x): x is Shape => x !== undefined);
  if (s.length > 0) spec.int64 = s.length === 1 ? s[0] : { u: s };
  // The same test as the runtime's encodeBody: these bodies are written by toJson.
  if (requests && op.body && /json/.test(op.body.mediaType)) {
    const b = shapes.of(op.body.schema, op.body.file, 0, 'request');
    if (b) spec.bodyInt64 = b;
  }
  return spec;
}

/**
 * A form or multipart body's Encoding Objects as the runtime's FieldSpec: [style, explode,
 * contentType]. As OpenAPI 3.1 says, a field with style or explode is written in that style (form
 * by default, explode by default only for form); other fields keep their contentType.
 */
function fieldEncodings(mediaType: string, encoding: Obj | undefined): Record<string, unknown[]> | undefined {
  if (!encoding || !/^(application\/x-www-form-urlencoded|multipart\/form-data)$/.test(mediaType))
    return undefined;
  const out: Record<string, unknown[]> = {};
  for (const name of Object.keys(encoding).sort()) {
    const e = encoding[name] as Obj | undefined;
    if (!e || typeof e !== 'object') continue;
    const styled = typeof e.style === 'string' || typeof e.explode === 'boolean';
    const style = typeof e.style === 'string' ? e.style : 'form';
    const spec: unknown[] = [
      styled ? style : '',
      typeof e.explode === 'boolean' ? e.explode : style === 'form',
    ];
    if (typeof e.contentType === 'string' && mediaType === 'multipart/form-data') spec.push(e.contentType);
    if (styled || spec.length > 2) out[name] = spec;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Where 64-bit integers sit in bodies, so the runtime keeps them exact: in responses (decoded to
 * string or bigint) and, in their request form (readOnly properties left out, as in the
 * `<Name>Request` types), in JSON request bodies and parameters (written as JSON numbers). A named
 * schema is one entry of the table, `{ r: name }`; its request form, when it has one, is the entry
 * named like its request type. `m: 1` marks oneOf/anyOf alternatives that do not all agree: there a
 * request value that is not an integer literal may belong to another alternative and is left as is.
 */
class Int64Shapes {
  private readonly reach: Set<string>;
  private readonly used = new Set<string>();
  /** Named schemas referenced but not yet in the table. */
  private readonly queue: [key: string, mode: Mode][] = [];
  private readonly model: Model;

  constructor(model: Model) {
    this.model = model;
    this.reach = reachSets(model).int64;
  }

  of(schema: unknown, file: string, depth: number, mode: Mode): Shape | undefined {
    if (!schema || typeof schema !== 'object' || depth > 50) return undefined;
    const s = schema as Obj;
    if (typeof s.$ref === 'string') {
      const t = resolveRef(this.model.spec, s.$ref, file);
      if (!t) return undefined;
      const key = locatedKey(t);
      if (!this.reach.has(key)) return undefined;
      const n = this.model.named.get(key) as NamedSchema;
      // Without a request form the schema reaches no readOnly property: both forms are one entry.
      const form: Mode = mode === 'request' && n.requestName !== undefined ? 'request' : 'response';
      this.use(key, form);
      return { r: form === 'request' ? (n.requestName as string) : n.name };
    }
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (types.includes('integer') && s.format === 'int64')
      return types.includes('string') ? { u: ['i'], m: 1 } : 'i';
    const parts: Shape[] = [];
    if (Array.isArray(s.allOf))
      for (const m of s.allOf) {
        const x = this.of(m, file, depth + 1, mode);
        if (x) parts.push(x);
      }
    for (const k of ['oneOf', 'anyOf']) {
      const list = s[k];
      if (!Array.isArray(list)) continue;
      const alts = list
        .filter((m) => !(m && typeof m === 'object' && (m as Obj).type === 'null'))
        .map((m) => this.of(m, file, depth + 1, mode));
      const found = alts.filter((x): x is Shape => x !== undefined);
      if (found.length === 0) continue;
      const same = (x: Shape) => JSON.stringify(x) === JSON.stringify(found[0]);
      const agree = found.length === alts.length && (found.length === 1 || found.every(same));
      parts.push(agree ? (found[0] as Shape) : { u: found, m: 1 });
    }
    if (s.items) {
      const x = this.of(s.items, file, depth + 1, mode);
      if (x) parts.push({ l: x });
    }
    const a =
      s.additionalProperties && typeof s.additionalProperties === 'object'
        ? this.of(s.additionalProperties, file, depth + 1, mode)
        : undefined;
    // Most properties hold no int64: only the names that do (or all, beside additionalProperties)
    // are kept, then sorted.
    const found: [string, Shape][] = [];
    const props = (s.properties ?? {}) as Obj;
    for (const name in props) {
      const p = props[name] as Obj | undefined;
      const skip = mode === 'request' && !!p && typeof p === 'object' && p.readOnly === true;
      const x = skip ? undefined : this.of(p, file, depth + 1, mode);
      // Beside additionalProperties, a declared property without int64 is named, so it is not taken for one.
      if (x || a) found.push([name, x ?? {}]);
    }
    if (found.length > 0 || a) {
      const o: Record<string, Shape> = {};
      for (const [name, x] of found.length > 1 ? found.sort((l, r) => (l[0] < r[0] ? -1 : 1)) : found)
        o[name] = x;
      parts.push({ ...(found.length > 0 ? { o } : {}), ...(a ? { a } : {}) });
    }
    if (parts.length === 0) return undefined;
    return parts.length === 1 ? parts[0] : { u: parts };
  }

  private use(key: string, mode: Mode): void {
    const id = `${mode} ${key}`;
    if (this.used.has(id)) return;
    this.used.add(id);
    this.queue.push([key, mode]);
  }

  /** The named shapes used so far (and those they use), by name, sorted. */
  table(): [string, Shape][] {
    const done = new Map<string, Shape>();
    for (let next = this.queue.pop(); next !== undefined; next = this.queue.pop()) {
      const [key, mode] = next;
      const n = this.model.named.get(key) as NamedSchema;
      const name = mode === 'request' ? (n.requestName as string) : n.name;
      done.set(name, this.of(n.schema, n.file, 0, mode) ?? {});
    }
    return [...done.keys()].sort().map((k) => [k, done.get(k) as Shape]);
  }
}
