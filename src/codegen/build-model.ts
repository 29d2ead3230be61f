import { ShipkitError } from '../errors.js';
import { escapePointer, type Located, locatedKey, resolveRef, type SpecSet } from './load.js';
import type {
  Body,
  Model,
  NamedSchema,
  Obj,
  Operation,
  Parameter,
  Response,
  SecurityScheme,
} from './model.js';
import { SCHEMA_CHILD_MAPS } from './model.js';
import { allocateNames, camelCase, OWN_NAMES, pascalCase } from './names.js';
import {
  encodingOf,
  exampleOf,
  pathTemplateNames,
  pickContent,
  specNameOf,
  toParameter,
} from './spec-parts.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const SCHEMA_CHILD_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_CHILDREN = [
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
];

/**
 * Every key under which a schema holds schemas (or a discriminator's mapping to them), by the
 * order walkSchema follows them in: a schema's keys become a bit set in one look at them.
 */
const SCHEMA_KEY_ORDER = [...SCHEMA_CHILD_MAPS, ...SCHEMA_CHILD_LISTS, ...SCHEMA_CHILDREN, 'discriminator'];
const SCHEMA_KEY_BIT = new Map(SCHEMA_KEY_ORDER.map((k, i) => [k, i]));
const FIRST_LIST = SCHEMA_CHILD_MAPS.length;
const FIRST_CHILD = FIRST_LIST + SCHEMA_CHILD_LISTS.length;

/** Walks the whole spec with every reference resolved: named schemas, operations, auth. */
export function buildModel(spec: SpecSet): Model {
  const walk = new SpecWalk(spec);
  walk.componentSchemas();
  const doc = spec.root.data as Obj;
  const globalSecurity = walk.requirements(doc.security, spec.root.path, '/security');
  const paths = (doc.paths ?? {}) as Obj;
  for (const path of Object.keys(paths)) walk.pathItem(path, paths[path], globalSecurity);

  // Names: from the spec's own names, sorted, never by declaration order.
  const rootFile = spec.root.path;
  const names = allocateNames(
    [...walk.named.values()].map((n) => ({
      key: n.key,
      preferred: pascalCase(n.specName),
      priority: n.file === rootFile && n.pointer.startsWith('/components/schemas/') ? 0 : 1,
    })),
  );
  const namedFinal = new Map<string, NamedSchema>();
  for (const n of walk.named.values()) namedFinal.set(n.key, { ...n, name: names.get(n.key) as string });
  const operations = walk.operations;
  const opNames = allocateNames(
    operations.map((o) => ({ key: `${o.method} ${o.path}`, preferred: camelCase(o.id), priority: 0 })),
    OWN_NAMES,
  );
  for (const o of operations) o.name = opNames.get(`${o.method} ${o.path}`) as string;
  operations.sort((a, b) => (a.name < b.name ? -1 : 1));

  const securitySchemes = walk.securitySchemes();
  const info = (doc.info ?? {}) as Obj;
  const serverList = doc.servers ?? [];
  if (!Array.isArray(serverList))
    walk.fail('`servers` must be a list', rootFile, '/servers', 'Write `servers: [{url: https://…}]`.');
  const servers = (serverList as (Obj | null)[]).map((s) => String(s?.url ?? '')).filter(Boolean);
  return {
    spec,
    title: String(info.title ?? 'API'),
    version: String(info.version ?? ''),
    servers,
    named: namedFinal,
    operations,
    securitySchemes,
    notes: walk.notes,
  };
}

/** One walk over a spec: what it has found so far, and how it reports what is wrong. */
class SpecWalk {
  readonly named = new Map<string, Omit<NamedSchema, 'name'>>();
  readonly notes: string[] = [];
  readonly operations: Operation[] = [];
  private readonly byId = new Map<string, Operation>();
  private readonly walked = new Map<string, Set<Obj>>();

  constructor(private readonly spec: SpecSet) {}

  readonly fail = (message: string, file: string, pointer: string, hint: string): never => {
    const f = this.spec.files.get(file);
    throw new ShipkitError(message, {
      hint,
      location: { file: this.spec.display(file), line: f?.lineOf(pointer) },
      details: [],
    });
  };

  resolve(ref: unknown, file: string, pointer: string): Located {
    if (typeof ref !== 'string')
      this.fail('$ref must be a string', file, pointer, 'Write `$ref: "#/components/..."`.');
    const found = resolveRef(this.spec, ref as string, file);
    if (!found) {
      return this.fail(
        `$ref "${ref}" points at nothing (at ${pointer || '/'})`,
        file,
        pointer,
        'Fix the reference or add the missing definition.',
      );
    }
    return found;
  }

  /** Follows `$ref` chains of non-schema objects (parameters, responses…). */
  deref(node: unknown, file: string, pointer: string): Located {
    let at: Located = { file, pointer, value: node };
    for (let hops = 0; hops < 64; hops++) {
      const v = at.value as Obj | null;
      if (!v || typeof v !== 'object' || typeof v.$ref !== 'string') return at;
      at = this.resolve(v.$ref, at.file, `${at.pointer}/$ref`);
    }
    return this.fail('$ref chain loops', file, pointer, 'Break the cycle of references.');
  }

  /** Finds where a node sits in its file (only to report an error). */
  private pointerOf(file: string, target: unknown): string {
    const seen = new Set<unknown>();
    const find = (node: unknown, at: string): string | undefined => {
      if (node === target) return at;
      if (!node || typeof node !== 'object' || seen.has(node)) return undefined;
      seen.add(node);
      for (const k of Object.keys(node)) {
        const r = find((node as Obj)[k], `${at}/${escapePointer(k)}`);
        if (r !== undefined) return r;
      }
      return undefined;
    };
    return find(this.spec.files.get(file)?.data, '') ?? '';
  }

  walkSchema(node: unknown, file: string): void {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    const s = node as Obj;
    if (s.$ref !== undefined) {
      const found = typeof s.$ref === 'string' ? resolveRef(this.spec, s.$ref, file) : undefined;
      this.registerNamed(found ?? this.resolve(s.$ref, file, `${this.pointerOf(file, s)}/$ref`));
    }
    // Most schemas are leaves (`{type, description}`): one look at their own keys instead of
    // twenty lookups of keys they do not have, and nothing to remember.
    let present = 0;
    for (const k in s) {
      const bit = SCHEMA_KEY_BIT.get(k);
      if (bit !== undefined) present |= 1 << bit;
    }
    if (present === 0) return;
    // A schema walked once (from this file) has registered all it reaches: shared parameters and
    // responses are met again by every operation that uses them.
    let walked = this.walked.get(file);
    if (!walked) {
      walked = new Set();
      this.walked.set(file, walked);
    }
    if (walked.has(s)) return;
    walked.add(s);
    // Maps, then lists, then single children, then the discriminator, each in SCHEMA_KEY_ORDER.
    for (let bit = 0; bit < FIRST_CHILD + SCHEMA_CHILDREN.length; bit++) {
      if ((present & (1 << bit)) === 0) continue;
      const c = s[SCHEMA_KEY_ORDER[bit] as string];
      if (bit < FIRST_LIST) {
        if (c && typeof c === 'object') for (const name in c as Obj) this.walkSchema((c as Obj)[name], file);
      } else if (bit < FIRST_CHILD) {
        if (Array.isArray(c)) for (const x of c) this.walkSchema(x, file);
      } else if (Array.isArray(c)) for (const x of c) this.walkSchema(x, file);
      else if (c && typeof c === 'object') this.walkSchema(c, file);
    }
    const mapping = (s.discriminator as Obj | undefined)?.mapping as Obj | undefined;
    if (mapping) {
      for (const v of Object.values(mapping)) {
        if (typeof v === 'string' && (v.includes('#') || v.includes('/') || v.includes('.'))) {
          const target = resolveRef(this.spec, v, file);
          if (target) this.registerNamed(target);
        }
      }
    }
  }

  registerNamed(target: Located): void {
    const key = locatedKey(target);
    if (this.named.has(key)) return;
    this.named.set(key, {
      key,
      file: target.file,
      pointer: target.pointer,
      schema: target.value,
      specName: specNameOf(target.file, target.pointer),
    });
    this.walkSchema(target.value, target.file);
  }

  /** Component schemas of every file (before what operations reach). */
  componentSchemas(): void {
    for (const [path, file] of this.spec.files) {
      const schemas = ((file.data as Obj | null)?.components as Obj | undefined)?.schemas as Obj | undefined;
      if (!schemas || typeof schemas !== 'object') continue;
      for (const name of Object.keys(schemas)) {
        const pointer = `/components/schemas/${escapePointer(name)}`;
        this.registerNamed({ file: path, pointer, value: schemas[name] });
      }
    }
  }

  requirements(value: unknown, file: string, pointer: string): string[][] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value) || value.some((r) => !r || typeof r !== 'object' || Array.isArray(r)))
      this.fail(
        '`security` must be a list of requirement objects',
        file,
        pointer,
        'Write `security: [{scheme: []}]` (`[]` for none).',
      );
    return (value as Obj[]).map((req) => Object.keys(req).sort());
  }

  /** Every operation of one path item. */
  pathItem(path: string, node: unknown, globalSecurity: string[][] | undefined): void {
    const item = this.deref(node, this.spec.root.path, `/paths/${escapePointer(path)}`);
    const it = (item.value ?? {}) as Obj;
    for (const method of METHODS) {
      const op = it[method] as Obj | undefined;
      if (!op || typeof op !== 'object') continue;
      const operation = this.operation(path, method, op, item, globalSecurity);
      const seen = this.byId.get(operation.id);
      if (seen) {
        this.fail(
          `duplicate operationId "${operation.id}" (also on ${seen.method} ${seen.path})`,
          item.file,
          `${operation.pointer}/operationId`,
          'Every operationId must be unique: rename one of them.',
        );
      }
      this.byId.set(operation.id, operation);
      this.operations.push(operation);
    }
  }

  private operation(
    path: string,
    method: string,
    op: Obj,
    item: Located,
    globalSecurity: string[][] | undefined,
  ): Operation {
    const pointer = `${item.pointer}/${method}`;
    const shared = ((item.value ?? {}) as Obj).parameters as unknown[] | undefined;
    const params = this.parameters(path, method, item, [
      [shared ?? [], `${item.pointer}/parameters`],
      [(op.parameters as unknown[] | undefined) ?? [], `${pointer}/parameters`],
    ]);
    const body = this.body(path, method, op, item, pointer);
    const responses = this.responses(op, item, pointer);
    if (op.callbacks) this.notes.push(`${method.toUpperCase()} ${path}: callbacks are not generated`);
    const id =
      typeof op.operationId === 'string' && op.operationId !== '' ? op.operationId : `${method} ${path}`;
    return {
      id,
      name: '',
      method: method.toUpperCase(),
      path,
      pointer,
      summary: typeof op.summary === 'string' ? op.summary : undefined,
      deprecated: op.deprecated === true,
      params,
      body,
      responses,
      security: this.requirements(op.security, item.file, `${pointer}/security`) ?? globalSecurity ?? [],
    };
  }

  /** The path item's parameters, then the operation's (which win), then undeclared path ones. */
  private parameters(path: string, method: string, item: Located, lists: [unknown[], string][]): Parameter[] {
    const params = new Map<string, Parameter>();
    for (const [list, base] of lists) {
      for (let i = 0; i < list.length; i++) {
        const p = this.deref(list[i], item.file, `${base}/${i}`);
        const param = toParameter(p, this.fail);
        this.walkSchema(param.schema, p.file);
        params.set(`${param.in}:${param.name}`, param);
      }
    }
    for (const name of pathTemplateNames(path)) {
      if (params.has(`path:${name}`)) continue;
      params.set(`path:${name}`, {
        name,
        in: 'path',
        required: true,
        style: 'simple',
        explode: false,
        schema: { type: 'string' },
        file: item.file,
        json: false,
      });
      this.notes.push(
        `${method.toUpperCase()} ${path}: path parameter {${name}} is not declared; typed as string`,
      );
    }
    return [...params.values()];
  }

  private body(path: string, method: string, op: Obj, item: Located, pointer: string): Body | undefined {
    if (!op.requestBody) return undefined;
    // OpenAPI: a body on GET or HEAD has no defined meaning and is ignored (fetch refuses to send one).
    if (method === 'get' || method === 'head') {
      this.notes.push(`${method.toUpperCase()} ${path}: its requestBody is ignored (GET and HEAD send none)`);
      return undefined;
    }
    const rb = this.deref(op.requestBody, item.file, `${pointer}/requestBody`);
    const rbv = rb.value as Obj;
    const picked = pickContent(rbv.content as Obj | undefined, true);
    if (!picked) return undefined;
    this.walkSchema(picked.media.schema, rb.file);
    return {
      mediaType: picked.type,
      schema: picked.media.schema ?? {},
      file: rb.file,
      required: rbv.required === true,
      example: exampleOf(picked.media),
      encoding: encodingOf(picked.media.encoding),
    };
  }

  private responses(op: Obj, item: Located, pointer: string): Response[] {
    const responses: Response[] = [];
    const rs = (op.responses ?? {}) as Obj;
    for (const status of Object.keys(rs).sort()) {
      if (status.startsWith('x-')) continue;
      const r = this.deref(rs[status], item.file, `${pointer}/responses/${escapePointer(status)}`);
      const picked = pickContent((r.value as Obj | null)?.content as Obj | undefined, false);
      if (picked) this.walkSchema(picked.media.schema, r.file);
      responses.push({
        status,
        mediaType: picked?.type,
        schema: picked ? (picked.media.schema ?? {}) : undefined,
        file: r.file,
        example: picked ? exampleOf(picked.media) : undefined,
      });
    }
    return responses;
  }

  securitySchemes(): SecurityScheme[] {
    const schemes: SecurityScheme[] = [];
    const root = this.spec.root;
    const ss = (((root.data as Obj).components as Obj | undefined)?.securitySchemes ?? {}) as Obj;
    for (const name of Object.keys(ss).sort()) {
      const at = this.deref(ss[name], root.path, `/components/securitySchemes/${escapePointer(name)}`);
      const s = at.value as Obj;
      if (!s || typeof s !== 'object')
        this.fail(`securityScheme ${name} is not an object`, at.file, at.pointer, 'Give it a `type:`.');
      if (s.type === 'apiKey') {
        schemes.push({
          name,
          type: 'apiKey',
          in: (s.in as 'header') ?? 'header',
          paramName: String(s.name ?? name),
        });
      } else if (s.type === 'http' && String(s.scheme).toLowerCase() === 'basic')
        schemes.push({ name, type: 'basic' });
      else if (s.type === 'http' && String(s.scheme).toLowerCase() !== 'bearer') {
        this.notes.push(
          `securityScheme ${name}: http scheme "${s.scheme}" is sent as a raw Authorization value`,
        );
        schemes.push({ name, type: 'bearer' });
      } else schemes.push({ name, type: 'bearer' });
    }
    return schemes;
  }
}
