import { basename, extname } from 'node:path';
import { ShipkitError } from '../errors.js';
import { escapePointer, type Located, resolveRef, type SpecSet, unescapePointer } from './load.js';
import { allocateNames, camelCase, OWN_NAMES, pascalCase } from './names.js';

export type Obj = Record<string, unknown>;

/** A schema the output names: a component, or any other place a `$ref` points at. */
export interface NamedSchema {
  key: string;
  file: string;
  pointer: string;
  schema: unknown;
  /** The spec's own name for it (`full-repository`). */
  specName: string;
  name: string;
  /** Set when the schema has readOnly/writeOnly properties: the name of its request form. */
  requestName?: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  style: string;
  explode: boolean;
  schema: unknown;
  file: string;
  /** `content` instead of `schema`: serialized as JSON. */
  json: boolean;
}

export interface Body {
  mediaType: string;
  schema: unknown;
  file: string;
  required: boolean;
  example?: unknown;
  /** The media type's Encoding Objects by property name (form and multipart bodies). */
  encoding?: Obj;
}

export interface Response {
  status: string;
  mediaType?: string;
  schema?: unknown;
  file: string;
  example?: unknown;
}

export interface Operation {
  /** The operationId, or `METHOD path` when there is none. */
  id: string;
  name: string;
  method: string;
  path: string;
  pointer: string;
  summary?: string;
  deprecated: boolean;
  params: Parameter[];
  body?: Body;
  responses: Response[];
  /** Alternatives of scheme names; undefined: none declared. */
  security: string[][];
}

export interface SecurityScheme {
  name: string;
  type: 'apiKey' | 'basic' | 'bearer';
  in?: 'header' | 'query' | 'cookie';
  paramName?: string;
}

export interface Model {
  spec: SpecSet;
  title: string;
  version: string;
  servers: string[];
  named: Map<string, NamedSchema>;
  operations: Operation[];
  securitySchemes: SecurityScheme[];
  /** Constructs degraded on the way, with where they sit. */
  notes: string[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const SCHEMA_CHILD_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
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

export const keyOf = (file: string, pointer: string) => `${file}#${pointer}`;

/**
 * The discriminator values that select the schema `ref` points at: the mapping's entries that
 * resolve to it, or else its own name (OpenAPI's implicit mapping).
 */
export function discriminatorTags(model: Model, disc: Obj, ref: string, file: string): string[] {
  const target = resolveRef(model.spec, ref, file);
  if (!target) return [];
  const key = keyOf(target.file, target.pointer);
  const mapping = (disc.mapping ?? {}) as Obj;
  const tags: string[] = [];
  for (const tag of Object.keys(mapping).sort()) {
    const v = mapping[tag];
    if (typeof v !== 'string') continue;
    const to =
      v.includes('/') || v.includes('#')
        ? resolveRef(model.spec, v, file)
        : resolveRef(model.spec, `#/components/schemas/${v}`, model.spec.root.path);
    if (to && keyOf(to.file, to.pointer) === key) tags.push(tag);
  }
  if (tags.length > 0) return tags;
  const named = model.named.get(key);
  return named?.specName ? [named.specName] : [];
}

/**
 * The named schemas whose own tree has a node that `matches`, plus every named schema that reaches
 * one of them through `$ref`s. With `stopAtRef`, the siblings of a `$ref` are not walked (OpenAPI
 * 3.0 ignores them). Examples, enums, defaults and consts are data, never walked.
 */
export function schemasReaching(
  model: Model,
  matches: (node: Obj) => boolean,
  stopAtRef: boolean,
): Set<string> {
  const direct = new Set<string>();
  const reverse = new Map<string, Set<string>>();
  for (const n of model.named.values()) {
    let found = false;
    const walk = (node: unknown, depth: number) => {
      if (!node || typeof node !== 'object' || depth > 200) return;
      if (Array.isArray(node)) {
        for (const x of node) walk(x, depth + 1);
        return;
      }
      const o = node as Obj;
      if (typeof o.$ref === 'string') {
        const t = resolveRef(model.spec, o.$ref, n.file);
        if (t) {
          const k = keyOf(t.file, t.pointer);
          const parents = reverse.get(k) ?? new Set<string>();
          reverse.set(k, parents);
          parents.add(n.key);
        }
        if (stopAtRef) return;
      }
      if (matches(o)) found = true;
      for (const k in o) {
        if (k === 'example' || k === 'examples' || k === 'enum' || k === 'default' || k === 'const') continue;
        const v = o[k];
        if (v && typeof v === 'object') walk(v, depth + 1);
      }
    };
    walk(n.schema, 0);
    if (found) direct.add(n.key);
  }
  return withDependents(direct, reverse);
}

/** `direct` plus every schema that reaches one of them through `reverse` (child → parents) edges. */
function withDependents(direct: Set<string>, reverse: Map<string, Set<string>>): Set<string> {
  const out = new Set(direct);
  const queue = [...direct];
  while (queue.length > 0) {
    const k = queue.pop() as string;
    for (const parent of reverse.get(k) ?? []) {
      if (!out.has(parent)) {
        out.add(parent);
        queue.push(parent);
      }
    }
  }
  return out;
}

/** Walks the whole spec with every reference resolved: named schemas, operations, auth. */
export function buildModel(spec: SpecSet): Model {
  const root = spec.root;
  const doc = root.data as Obj;
  const named = new Map<string, Omit<NamedSchema, 'name'>>();
  const notes: string[] = [];

  const fail = (message: string, file: string, pointer: string, hint: string): never => {
    const f = spec.files.get(file);
    throw new ShipkitError(message, {
      hint,
      location: { file: spec.display(file), line: f?.lineOf(pointer) },
      details: [],
    });
  };

  const resolve = (ref: unknown, file: string, pointer: string): Located => {
    if (typeof ref !== 'string')
      fail('$ref must be a string', file, pointer, 'Write `$ref: "#/components/..."`.');
    const found = resolveRef(spec, ref as string, file);
    if (!found) {
      return fail(
        `$ref "${ref}" points at nothing (at ${pointer || '/'})`,
        file,
        pointer,
        'Fix the reference or add the missing definition.',
      );
    }
    return found;
  };

  /** Follows `$ref` chains of non-schema objects (parameters, responses…). */
  const deref = (node: unknown, file: string, pointer: string): Located => {
    let at: Located = { file, pointer, value: node };
    for (let hops = 0; hops < 64; hops++) {
      const v = at.value as Obj | null;
      if (!v || typeof v !== 'object' || typeof v.$ref !== 'string') return at;
      at = resolve(v.$ref, at.file, `${at.pointer}/$ref`);
    }
    return fail('$ref chain loops', file, pointer, 'Break the cycle of references.');
  };

  /** Finds where a node sits in its file (only to report an error). */
  const pointerOf = (file: string, target: unknown): string => {
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
    return find(spec.files.get(file)?.data, '') ?? '';
  };

  const walkSchema = (node: unknown, file: string) => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    const s = node as Obj;
    if (s.$ref !== undefined) {
      const found = typeof s.$ref === 'string' ? resolveRef(spec, s.$ref, file) : undefined;
      registerNamed(found ?? resolve(s.$ref, file, `${pointerOf(file, s)}/$ref`));
    }
    for (const k of SCHEMA_CHILD_MAPS) {
      const m = s[k];
      if (m && typeof m === 'object') for (const name in m as Obj) walkSchema((m as Obj)[name], file);
    }
    for (const k of SCHEMA_CHILD_LISTS) {
      const l = s[k];
      if (Array.isArray(l)) for (const x of l) walkSchema(x, file);
    }
    for (const k of SCHEMA_CHILDREN) {
      const c = s[k];
      if (Array.isArray(c)) for (const x of c) walkSchema(x, file);
      else if (c && typeof c === 'object') walkSchema(c, file);
    }
    const mapping = (s.discriminator as Obj | undefined)?.mapping as Obj | undefined;
    if (mapping) {
      for (const v of Object.values(mapping)) {
        if (typeof v === 'string' && (v.includes('#') || v.includes('/') || v.includes('.'))) {
          const target = resolveRef(spec, v, file);
          if (target) registerNamed(target);
        }
      }
    }
  };

  const registerNamed = (target: Located) => {
    const key = keyOf(target.file, target.pointer);
    if (named.has(key)) return;
    named.set(key, {
      key,
      file: target.file,
      pointer: target.pointer,
      schema: target.value,
      specName: specNameOf(target.file, target.pointer),
    });
    walkSchema(target.value, target.file);
  };

  // Component schemas of every file, then everything operations reach.
  for (const [path, file] of spec.files) {
    const schemas = ((file.data as Obj | null)?.components as Obj | undefined)?.schemas as Obj | undefined;
    if (!schemas || typeof schemas !== 'object') continue;
    for (const name of Object.keys(schemas)) {
      const pointer = `/components/schemas/${escapePointer(name)}`;
      registerNamed({ file: path, pointer, value: schemas[name] });
    }
  }

  const operations: Operation[] = [];
  const byId = new Map<string, Operation>();
  const paths = (doc.paths ?? {}) as Obj;
  const requirements = (value: unknown, file: string, pointer: string): string[][] | undefined => {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value) || value.some((r) => !r || typeof r !== 'object' || Array.isArray(r)))
      fail(
        '`security` must be a list of requirement objects',
        file,
        pointer,
        'Write `security: [{scheme: []}]` (`[]` for none).',
      );
    return (value as Obj[]).map((req) => Object.keys(req).sort());
  };
  const globalSecurity = requirements(doc.security, root.path, '/security');
  for (const path of Object.keys(paths)) {
    const itemPointer = `/paths/${escapePointer(path)}`;
    const item = deref(paths[path], root.path, itemPointer);
    const it = (item.value ?? {}) as Obj;
    const shared = (it.parameters as unknown[] | undefined) ?? [];
    for (const method of METHODS) {
      const op = it[method] as Obj | undefined;
      if (!op || typeof op !== 'object') continue;
      const pointer = `${item.pointer}/${method}`;
      const params = new Map<string, Parameter>();
      const addParams = (list: unknown[], base: string) => {
        for (let i = 0; i < list.length; i++) {
          const p = deref(list[i], item.file, `${base}/${i}`);
          const param = toParameter(p, fail);
          walkSchema(param.schema, p.file);
          params.set(`${param.in}:${param.name}`, param);
        }
      };
      addParams(shared, `${item.pointer}/parameters`);
      addParams((op.parameters as unknown[] | undefined) ?? [], `${pointer}/parameters`);
      for (const name of pathTemplateNames(path)) {
        if (!params.has(`path:${name}`)) {
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
          notes.push(
            `${method.toUpperCase()} ${path}: path parameter {${name}} is not declared; typed as string`,
          );
        }
      }
      let body: Body | undefined;
      // OpenAPI: a body on GET or HEAD has no defined meaning and is ignored (fetch refuses to send one).
      if (op.requestBody && (method === 'get' || method === 'head'))
        notes.push(`${method.toUpperCase()} ${path}: its requestBody is ignored (GET and HEAD send none)`);
      else if (op.requestBody) {
        const rb = deref(op.requestBody, item.file, `${pointer}/requestBody`);
        const rbv = rb.value as Obj;
        const picked = pickContent(rbv.content as Obj | undefined, true);
        if (picked) {
          walkSchema(picked.media.schema, rb.file);
          body = {
            mediaType: picked.type,
            schema: picked.media.schema ?? {},
            file: rb.file,
            required: rbv.required === true,
            example: exampleOf(picked.media),
            encoding: encodingOf(picked.media.encoding),
          };
        }
      }
      const responses: Response[] = [];
      const rs = (op.responses ?? {}) as Obj;
      for (const status of Object.keys(rs).sort()) {
        if (status.startsWith('x-')) continue;
        const r = deref(rs[status], item.file, `${pointer}/responses/${escapePointer(status)}`);
        const picked = pickContent((r.value as Obj | null)?.content as Obj | undefined, false);
        if (picked) walkSchema(picked.media.schema, r.file);
        responses.push({
          status,
          mediaType: picked?.type,
          schema: picked ? (picked.media.schema ?? {}) : undefined,
          file: r.file,
          example: picked ? exampleOf(picked.media) : undefined,
        });
      }
      if (op.callbacks) notes.push(`${method.toUpperCase()} ${path}: callbacks are not generated`);
      const id =
        typeof op.operationId === 'string' && op.operationId !== '' ? op.operationId : `${method} ${path}`;
      const security = requirements(op.security, item.file, `${pointer}/security`) ?? globalSecurity ?? [];
      const operation: Operation = {
        id,
        name: '',
        method: method.toUpperCase(),
        path,
        pointer,
        summary: typeof op.summary === 'string' ? op.summary : undefined,
        deprecated: op.deprecated === true,
        params: [...params.values()],
        body,
        responses,
        security,
      };
      const seen = byId.get(id);
      if (seen) {
        fail(
          `duplicate operationId "${id}" (also on ${seen.method} ${seen.path})`,
          item.file,
          `${pointer}/operationId`,
          'Every operationId must be unique: rename one of them.',
        );
      }
      byId.set(id, operation);
      operations.push(operation);
    }
  }

  // Names: from the spec's own names, sorted, never by declaration order.
  const rootFile = root.path;
  const names = allocateNames(
    [...named.values()].map((n) => ({
      key: n.key,
      preferred: pascalCase(n.specName),
      priority: n.file === rootFile && n.pointer.startsWith('/components/schemas/') ? 0 : 1,
    })),
  );
  const namedFinal = new Map<string, NamedSchema>();
  for (const n of named.values()) namedFinal.set(n.key, { ...n, name: names.get(n.key) as string });
  const opNames = allocateNames(
    operations.map((o) => ({ key: `${o.method} ${o.path}`, preferred: camelCase(o.id), priority: 0 })),
    OWN_NAMES,
  );
  for (const o of operations) o.name = opNames.get(`${o.method} ${o.path}`) as string;
  operations.sort((a, b) => (a.name < b.name ? -1 : 1));

  const schemes: SecurityScheme[] = [];
  const ss = ((doc.components as Obj | undefined)?.securitySchemes ?? {}) as Obj;
  for (const name of Object.keys(ss).sort()) {
    const at = deref(ss[name], root.path, `/components/securitySchemes/${escapePointer(name)}`);
    const s = at.value as Obj;
    if (!s || typeof s !== 'object')
      fail(`securityScheme ${name} is not an object`, at.file, at.pointer, 'Give it a `type:`.');
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
      notes.push(`securityScheme ${name}: http scheme "${s.scheme}" is sent as a raw Authorization value`);
      schemes.push({ name, type: 'bearer' });
    } else schemes.push({ name, type: 'bearer' });
  }
  const info = (doc.info ?? {}) as Obj;
  const serverList = doc.servers ?? [];
  if (!Array.isArray(serverList))
    fail('`servers` must be a list', root.path, '/servers', 'Write `servers: [{url: https://…}]`.');
  const servers = (serverList as (Obj | null)[]).map((s) => String(s?.url ?? '')).filter(Boolean);
  return {
    spec,
    title: String(info.title ?? 'API'),
    version: String(info.version ?? ''),
    servers,
    named: namedFinal,
    operations,
    securitySchemes: schemes,
    notes,
  };
}

function pathTemplateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
}

function exampleOf(media: Obj): unknown {
  if (media.example !== undefined) return media.example;
  const examples = media.examples as Obj | undefined;
  if (examples) {
    const first = Object.keys(examples).sort()[0];
    const ex = first === undefined ? undefined : (examples[first] as Obj | undefined);
    if (ex && typeof ex === 'object' && 'value' in ex) return ex.value;
  }
  return undefined;
}

const JSON_TYPE = /^application\/(.+\+)?json(;.*)?$|^\*\/\*$|^application\/x-ndjson/;

/** The media type the client uses: JSON first, then forms, then anything. */
function encodingOf(v: unknown): Obj | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0
    ? (v as Obj)
    : undefined;
}

function pickContent(content: Obj | undefined, request: boolean): { type: string; media: Obj } | undefined {
  if (!content || typeof content !== 'object') return undefined;
  const types = Object.keys(content).sort();
  if (types.length === 0) return undefined;
  const order = [
    (t: string) => t === 'application/json',
    (t: string) => JSON_TYPE.test(t) && t !== '*/*',
    (t: string) => request && t === 'application/x-www-form-urlencoded',
    (t: string) => request && t === 'multipart/form-data',
    (t: string) => t.startsWith('text/'),
    () => true,
  ];
  for (const test of order) {
    const t = types.find(test);
    if (t !== undefined) return { type: t, media: (content[t] ?? {}) as Obj };
  }
  return undefined;
}

function toParameter(p: Located, fail: (m: string, f: string, p: string, h: string) => never): Parameter {
  const v = p.value as Obj;
  if (!v || typeof v !== 'object')
    fail('parameter is not an object', p.file, p.pointer, 'Write `{name: …, in: query, schema: …}`.');
  const where = v.in;
  if (where !== 'path' && where !== 'query' && where !== 'header' && where !== 'cookie') {
    fail(
      `parameter "${String(v.name)}" has in: ${JSON.stringify(where)}`,
      p.file,
      `${p.pointer}/in`,
      'Use path, query, header or cookie.',
    );
  }
  if (typeof v.name !== 'string') fail('parameter has no name', p.file, p.pointer, 'Add `name:`.');
  let schema = v.schema;
  let json = false;
  if (schema === undefined && v.content) {
    const picked = pickContent(v.content as Obj, false);
    schema = picked?.media.schema;
    json = true;
  }
  const inw = where as Parameter['in'];
  const style =
    typeof v.style === 'string' ? v.style : inw === 'query' || inw === 'cookie' ? 'form' : 'simple';
  const explode = typeof v.explode === 'boolean' ? v.explode : style === 'form';
  return {
    name: v.name as string,
    in: inw,
    required: inw === 'path' || v.required === true,
    style,
    explode,
    schema: schema ?? {},
    file: p.file,
    json,
  };
}

/** The spec's own name of a schema at a location: a component's key, a file's base name. */
function specNameOf(file: string, pointer: string): string {
  const segs = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointer);
  if (segs.length === 0) return basename(file, extname(file));
  const last = segs[segs.length - 1] as string;
  if (
    segs.length >= 2 &&
    ['schemas', 'definitions', '$defs', 'properties'].includes(segs[segs.length - 2] as string)
  ) {
    return segs.length === 3 && segs[0] === 'components'
      ? last
      : segs
          .filter((s) => !['components', 'schemas', 'properties', 'content', 'schema'].includes(s))
          .join('-');
  }
  return (
    segs
      .filter((s) => !['components', 'schemas', 'properties', 'content', 'schema', 'paths'].includes(s))
      .join('-') || last
  );
}
