/**
 * Swagger 2.0 → the OpenAPI 3.0 shape the generator reads, in memory: definitions become
 * components.schemas, body and formData parameters a requestBody, `collectionFormat` a style.
 */
type Obj = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

export function fromSwagger2(doc: Obj, isRoot: boolean): Obj {
  const rewritten = rewriteRefs(doc) as Obj;
  const components: Obj = {};
  const defs = rewritten.definitions as Obj | undefined;
  if (defs) components.schemas = mapValues(defs, convertSchema);
  const rootParams = (rewritten.parameters ?? {}) as Obj;
  const params: Obj = {};
  for (const [name, p] of Object.entries(rootParams)) {
    const param = p as Obj;
    if (param.in !== 'body' && param.in !== 'formData') params[name] = convertParameter(param);
  }
  if (Object.keys(params).length > 0) components.parameters = params;
  const globalConsumes = (rewritten.consumes as string[] | undefined) ?? ['application/json'];
  const globalProduces = (rewritten.produces as string[] | undefined) ?? ['application/json'];
  if (rewritten.responses) {
    components.responses = mapValues(rewritten.responses as Obj, (r) =>
      convertResponse(r as Obj, globalProduces),
    );
  }
  if (rewritten.securityDefinitions) {
    components.securitySchemes = mapValues(rewritten.securityDefinitions as Obj, (s) =>
      convertSecurity(s as Obj),
    );
  }
  if (!isRoot && !rewritten.swagger) {
    const out: Obj = { ...rewritten };
    delete out.definitions;
    delete out.parameters;
    delete out.responses;
    return Object.keys(components).length > 0 ? { ...out, components } : out;
  }
  const paths: Obj = {};
  for (const [path, item] of Object.entries((rewritten.paths ?? {}) as Obj)) {
    const src = item as Obj;
    const dst: Obj = {};
    const shared = (src.parameters as Obj[] | undefined) ?? [];
    if (src.$ref) dst.$ref = src.$ref;
    const sharedPlain = shared.filter((p) => !isBodyLike(p, rootParams));
    if (sharedPlain.length > 0) dst.parameters = sharedPlain.map(convertParameter);
    for (const method of METHODS) {
      const op = src[method] as Obj | undefined;
      if (!op) continue;
      const consumes = (op.consumes as string[] | undefined) ?? globalConsumes;
      const produces = (op.produces as string[] | undefined) ?? globalProduces;
      const all = [
        ...shared.filter((p) => isBodyLike(p, rootParams)),
        ...((op.parameters as Obj[] | undefined) ?? []),
      ];
      const plain: Obj[] = [];
      let body: Obj | undefined;
      const form: Obj[] = [];
      for (const raw of all) {
        const p = derefParam(raw, rootParams);
        if (p.in === 'body') {
          const content: Obj = {};
          for (const type of consumes) content[type] = { schema: convertSchema(p.schema ?? {}) };
          body = { content, ...(p.required ? { required: true } : {}) };
        } else if (p.in === 'formData') form.push(p);
        else plain.push(raw === p ? convertParameter(p) : raw);
      }
      if (form.length > 0) {
        const properties: Obj = {};
        const required: string[] = [];
        for (const p of form) {
          properties[p.name as string] = paramSchema(p);
          if (p.required) required.push(p.name as string);
        }
        const multipart = form.some((p) => p.type === 'file') || consumes.includes('multipart/form-data');
        const type = multipart ? 'multipart/form-data' : 'application/x-www-form-urlencoded';
        body = {
          content: {
            [type]: { schema: { type: 'object', properties, ...(required.length ? { required } : {}) } },
          },
          ...(required.length ? { required: true } : {}),
        };
      }
      const next: Obj = { ...op };
      delete next.consumes;
      delete next.produces;
      delete next.schemes;
      delete next.parameters;
      if (plain.length > 0) next.parameters = plain;
      if (body) next.requestBody = body;
      next.responses = mapValues((op.responses ?? {}) as Obj, (r) => convertResponse(r as Obj, produces));
      dst[method] = next;
    }
    paths[path] = dst;
  }
  const out: Obj = {
    openapi: '3.0.3',
    info: rewritten.info ?? { title: 'API', version: '0' },
    paths,
    components,
  };
  if (rewritten.host || rewritten.basePath) {
    const scheme = ((rewritten.schemes as string[] | undefined) ?? ['https'])[0];
    out.servers = [{ url: `${scheme}://${rewritten.host ?? 'localhost'}${rewritten.basePath ?? ''}` }];
  }
  if (rewritten.security) out.security = rewritten.security;
  if (rewritten.tags) out.tags = rewritten.tags;
  return out;
}

function isBodyLike(p: Obj, rootParams: Obj): boolean {
  const d = derefParam(p, rootParams);
  return d.in === 'body' || d.in === 'formData';
}

function derefParam(p: Obj, rootParams: Obj): Obj {
  const ref = p.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/components/parameters/')) {
    const target = rootParams[ref.slice('#/components/parameters/'.length)] as Obj | undefined;
    if (target && (target.in === 'body' || target.in === 'formData')) return target;
  }
  return p;
}

function rewriteRefs(node: unknown): unknown {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map(rewriteRefs);
  const out: Obj = {};
  for (const [k, v] of Object.entries(node as Obj)) {
    if (k === '$ref' && typeof v === 'string') {
      out[k] = v
        .replace('#/definitions/', '#/components/schemas/')
        .replace('#/parameters/', '#/components/parameters/')
        .replace('#/responses/', '#/components/responses/');
    } else out[k] = rewriteRefs(v);
  }
  return out;
}

function mapValues(o: Obj, f: (v: unknown) => unknown): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) out[k] = f(v);
  return out;
}

/** Swagger 2 schemas are JSON Schema draft 4 with `x-nullable` and `type: file`. */
function convertSchema(s: unknown): unknown {
  if (s === null || typeof s !== 'object' || Array.isArray(s)) return s;
  const src = s as Obj;
  const out: Obj = {};
  for (const [k, v] of Object.entries(src)) {
    if (k === 'x-nullable') out.nullable = v;
    else if (k === 'type' && v === 'file') {
      out.type = 'string';
      out.format = 'binary';
    } else if (k === 'properties' || k === 'definitions') out[k] = mapValues(v as Obj, convertSchema);
    else if (k === 'items' || k === 'additionalProperties') out[k] = convertSchema(v);
    else if (k === 'allOf' || k === 'anyOf' || k === 'oneOf') out[k] = (v as unknown[]).map(convertSchema);
    else if (k === 'discriminator' && typeof v === 'string') out[k] = { propertyName: v };
    else out[k] = v;
  }
  return out;
}

const SCHEMA_KEYS = [
  'type',
  'format',
  'items',
  'enum',
  'default',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'multipleOf',
];

function paramSchema(p: Obj): unknown {
  const schema: Obj = {};
  for (const k of SCHEMA_KEYS) if (p[k] !== undefined) schema[k] = p[k];
  if (p['x-nullable']) schema.nullable = true;
  return convertSchema(schema);
}

function convertParameter(p: Obj): Obj {
  if (typeof p.$ref === 'string') return p;
  const out: Obj = { name: p.name, in: p.in };
  if (p.required) out.required = true;
  if (p.description) out.description = p.description;
  out.schema = paramSchema(p);
  const cf = p.collectionFormat;
  if (p.type === 'array') {
    if (cf === 'multi') {
      out.style = 'form';
      out.explode = true;
    } else if (cf === 'ssv') out.style = 'spaceDelimited';
    else if (cf === 'pipes') out.style = 'pipeDelimited';
    else {
      out.style = p.in === 'query' || p.in === 'cookie' ? 'form' : 'simple';
      out.explode = false;
    }
  }
  return out;
}

function convertResponse(r: Obj, produces: string[]): Obj {
  if (typeof r.$ref === 'string') return r;
  const out: Obj = { description: r.description ?? '' };
  if (r.schema) {
    const content: Obj = {};
    for (const type of produces) content[type] = { schema: convertSchema(r.schema) };
    out.content = content;
  }
  if (r.examples) {
    const content = (out.content ?? {}) as Obj;
    for (const [type, ex] of Object.entries(r.examples as Obj)) {
      const c = content[type] as Obj | undefined;
      if (c) c.example = ex;
    }
  }
  if (r.headers) out.headers = mapValues(r.headers as Obj, (h) => ({ schema: paramSchema(h as Obj) }));
  return out;
}

function convertSecurity(s: Obj): Obj {
  if (s.type === 'basic') return { type: 'http', scheme: 'basic' };
  if (s.type === 'apiKey') return { type: 'apiKey', name: s.name, in: s.in };
  if (s.type === 'oauth2') return { type: 'oauth2', flows: {} };
  return s;
}
