import { locatedKey, resolveRef, type SpecSet } from './load.js';

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

/** A property of an object schema, as the emitters walk them: by name, sorted. */
export interface PropertyOf {
  name: string;
  schema: unknown;
  /** An object schema (others are `true`, `{}` or malformed). */
  object: Obj | undefined;
  required: boolean;
}

/** The properties of an object schema, sorted by name, without those `skip` leaves out. */
export function propertiesOf(s: Obj, skip: (p: Obj) => boolean): PropertyOf[] {
  const props = (s.properties ?? {}) as Obj;
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  const out: PropertyOf[] = [];
  for (const name of Object.keys(props).sort()) {
    const schema = props[name];
    const object = schema && typeof schema === 'object' ? (schema as Obj) : undefined;
    if (object && skip(object)) continue;
    out.push({ name, schema, object, required: required.has(name) });
  }
  return out;
}

export { keyOf } from './load.js';

/**
 * The discriminator values that select the schema `ref` points at: the mapping's entries that
 * resolve to it, or else its own name (OpenAPI's implicit mapping).
 */
export function discriminatorTags(model: Model, disc: Obj, ref: string, file: string): string[] {
  const target = resolveRef(model.spec, ref, file);
  if (!target) return [];
  const key = locatedKey(target);
  const mapping = (disc.mapping ?? {}) as Obj;
  const tags: string[] = [];
  for (const tag of Object.keys(mapping).sort()) {
    const v = mapping[tag];
    if (typeof v !== 'string') continue;
    const to =
      v.includes('/') || v.includes('#')
        ? resolveRef(model.spec, v, file)
        : resolveRef(model.spec, `#/components/schemas/${v}`, model.spec.root.path);
    if (to && locatedKey(to) === key) tags.push(tag);
  }
  if (tags.length > 0) return tags;
  const named = model.named.get(key);
  return named?.specName ? [named.specName] : [];
}

/** What `reachSets` finds: named schemas by key. */
export interface ReachSets {
  /** Schemas that reach a readOnly or writeOnly property (through their own tree or refs): they get a request form. */
  readWriteOnly: Set<string>;
  /** Schemas that reach an int64 integer, siblings of a `$ref` not walked (OpenAPI 3.0 ignores them). */
  int64: Set<string>;
}

/** Schema keywords whose value maps names to schemas. */
export const SCHEMA_CHILD_MAPS = [
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
];
const SCHEMA_MAPS = new Set(SCHEMA_CHILD_MAPS);

const reachMemo = new WeakMap<Model, ReachSets>();

/** `schemasReaching` for the two questions the emitters ask, in one walk, once per model. */
export function reachSets(model: Model): ReachSets {
  let sets = reachMemo.get(model);
  if (!sets) {
    const [readWriteOnly, int64] = schemasReaching(model, [
      { matches: hasReadOrWriteOnlyProperty, stopAtRef: false },
      { matches: isInt64, stopAtRef: true },
    ]) as [Set<string>, Set<string>];
    sets = { readWriteOnly, int64 };
    reachMemo.set(model, sets);
  }
  return sets;
}

function hasReadOrWriteOnlyProperty(o: Obj): boolean {
  const props = o.properties as Obj | undefined;
  if (!props || typeof props !== 'object') return false;
  for (const k in props) {
    const p = props[k] as Obj | null;
    if (p && typeof p === 'object' && (p.readOnly === true || p.writeOnly === true)) return true;
  }
  return false;
}

function isInt64(o: Obj): boolean {
  return (
    o.format === 'int64' && (o.type === 'integer' || (Array.isArray(o.type) && o.type.includes('integer')))
  );
}

/**
 * For each query: the named schemas whose own tree has a node that `matches`, plus every named
 * schema that reaches one of them through `$ref`s. With `stopAtRef`, the siblings of a `$ref` are
 * not walked (OpenAPI 3.0 ignores them). Examples, enums, defaults and consts are data, never
 * walked. All queries share one walk over the named schemas.
 */
export function schemasReaching(
  model: Model,
  queries: readonly { matches: (node: Obj) => boolean; stopAtRef: boolean }[],
): Set<string>[] {
  const direct = queries.map(() => new Set<string>());
  const reverse = queries.map(() => new Map<string, Set<string>>());
  for (const n of model.named.values()) {
    const found = queries.map(() => false);
    // `underRef`: inside the siblings of a `$ref`, which the stopAtRef queries do not see.
    // `map`: a map of schemas by name (`properties`, `$defs`, …), whose keys are never keywords.
    const walk = (node: unknown, depth: number, underRef: boolean, map: boolean) => {
      if (!node || typeof node !== 'object' || depth > 200) return;
      if (Array.isArray(node)) {
        for (const x of node) walk(x, depth + 1, underRef, false);
        return;
      }
      const o = node as Obj;
      if (map) {
        for (const k in o) {
          const v = o[k];
          if (v && typeof v === 'object') walk(v, depth + 1, underRef, false);
        }
        return;
      }
      const isRef = typeof o.$ref === 'string';
      if (isRef) {
        const t = resolveRef(model.spec, o.$ref as string, n.file);
        if (t) {
          const k = locatedKey(t);
          for (let q = 0; q < queries.length; q++) {
            if (underRef && (queries[q] as { stopAtRef: boolean }).stopAtRef) continue;
            const r = reverse[q] as Map<string, Set<string>>;
            const parents = r.get(k) ?? new Set<string>();
            r.set(k, parents);
            parents.add(n.key);
          }
        }
      }
      const hidden = underRef || isRef;
      let open = false;
      for (let q = 0; q < queries.length; q++) {
        const query = queries[q] as { matches: (node: Obj) => boolean; stopAtRef: boolean };
        if (hidden && query.stopAtRef) continue;
        open = true;
        if (!found[q] && query.matches(o)) found[q] = true;
      }
      if (!open) return;
      for (const k in o) {
        if (k === 'example' || k === 'examples' || k === 'enum' || k === 'default' || k === 'const') continue;
        const v = o[k];
        if (v && typeof v === 'object') walk(v, depth + 1, hidden, SCHEMA_MAPS.has(k));
      }
    };
    walk(n.schema, 0, false, false);
    for (let q = 0; q < queries.length; q++) if (found[q]) (direct[q] as Set<string>).add(n.key);
  }
  return queries.map((_, q) =>
    withDependents(direct[q] as Set<string>, reverse[q] as Map<string, Set<string>>),
  );
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
