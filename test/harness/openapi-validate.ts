// Validates requests and responses of one operation against the description (Ajv, compiled lazily).
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Route, RouteMatch } from './openapi-routes.js';
import {
  deref,
  type JsonSchema,
  type OpenApiDocument,
  type ParameterObject,
  type RequestBodyObject,
  type ResponseObject,
} from './openapi-spec.js';

// ajv and ajv-formats are CommonJS; under NodeNext their default export is the module object.
const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;
type AjvInstance = InstanceType<typeof Ajv>;

/** `$id` under which the description's `components` are registered, so `#/components/...` resolves. */
const COMPONENTS_ID = 'https://shipkit.test/github-openapi.json';
/** Formats the description uses that ajv-formats does not know; accepted as is. */
const EXTRA_FORMATS = ['repo.nwo', 'timestamp'];

export interface RequestInput {
  query: URLSearchParams;
  body: unknown;
  hasBody: boolean;
}

export interface RequestCheck {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  errors: string[];
}

interface ParameterSet {
  schemas: Map<string, JsonSchema>;
  validate: ValidateFunction;
}

interface OperationValidators {
  path: ParameterSet;
  query: ParameterSet;
  body?: ValidateFunction | null;
  responses: Map<number, ResponseCheck>;
}

type ResponseCheck =
  | { kind: 'json'; validate: ValidateFunction }
  | { kind: 'empty' }
  | { kind: 'unchecked' }
  | { kind: 'undescribed' };

export class OpenApiValidator {
  private readonly ajv: AjvInstance;
  private readonly operations = new Map<string, OperationValidators>();

  constructor(private readonly doc: OpenApiDocument) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    for (const name of EXTRA_FORMATS) this.ajv.addFormat(name, true);
    this.ajv.addSchema({ $id: COMPONENTS_ID, components: doc.components });
  }

  checkRequest(route: RouteMatch, input: RequestInput): RequestCheck {
    const ops = this.validators(route);
    const params = coerceAll(this.doc, ops.path.schemas, (name) => {
      const value = route.params[name];
      return value === undefined ? [] : [value];
    });
    const query = coerceAll(this.doc, ops.query.schemas, (name) => [
      ...input.query.getAll(name),
      ...input.query.getAll(`${name}[]`),
    ]);
    const errors = [
      ...runValidator(ops.path.validate, params, 'path'),
      ...unknownQueryNames(input.query, ops.query.schemas),
      ...runValidator(ops.query.validate, query, 'query'),
      ...this.checkBody(route, ops, input),
    ];
    return { params, query, errors };
  }

  /** Violations of a handler's answer; an undescribed error status (>= 400) must look like basic-error. */
  checkResponse(route: Route, status: number, body: unknown): string[] {
    const ops = this.validators(route);
    let check = ops.responses.get(status);
    if (!check) {
      check = this.compileResponse(route, status);
      ops.responses.set(status, check);
    }
    const label = `response ${status}`;
    const empty = body === undefined || body === null || body === '';
    switch (check.kind) {
      case 'undescribed':
        return [`${label} is not described for ${route.key}`];
      case 'empty':
        return empty ? [] : [`${label} must not have a body`];
      case 'unchecked':
        return [];
      case 'json':
        return empty
          ? [`${label} must have a JSON body`]
          : runValidator(check.validate, body, `${label} body`);
    }
  }

  private validators(route: Route): OperationValidators {
    let ops = this.operations.get(route.key);
    if (!ops) {
      const parameters = this.parameters(route);
      ops = {
        path: this.compileParameters(parameters.filter((p) => p.in === 'path')),
        query: this.compileParameters(parameters.filter((p) => p.in === 'query')),
        responses: new Map(),
      };
      this.operations.set(route.key, ops);
    }
    return ops;
  }

  /** Path-item and operation parameters (the operation's win), `$ref`s resolved. */
  private parameters(route: Route): ParameterObject[] {
    const item = this.doc.paths[route.template] ?? {};
    const all = [...(item.parameters ?? []), ...(route.operation.parameters ?? [])].map((p) =>
      deref<ParameterObject>(this.doc, p),
    );
    const byId = new Map(all.map((p) => [`${p.in}:${p.name}`, p]));
    return [...byId.values()];
  }

  private compileParameters(parameters: ParameterObject[]): ParameterSet {
    const schemas = new Map(parameters.map((p) => [p.name, p.schema ?? {}]));
    const schema = {
      type: 'object',
      properties: Object.fromEntries(schemas),
      required: parameters.filter((p) => p.required || p.in === 'path').map((p) => p.name),
    };
    return { schemas, validate: this.compile(schema) };
  }

  private checkBody(route: Route, ops: OperationValidators, input: RequestInput): string[] {
    const requestBody = route.operation.requestBody
      ? deref<RequestBodyObject>(this.doc, route.operation.requestBody)
      : undefined;
    if (!requestBody) return input.hasBody ? [`${route.key} takes no request body`] : [];
    if (!input.hasBody) return requestBody.required ? ['a request body is required'] : [];
    if (ops.body === undefined) {
      const schema = requestBody.content['application/json']?.schema;
      ops.body = schema ? this.compile(schema) : null;
    }
    return ops.body ? runValidator(ops.body, input.body, 'body') : [];
  }

  private compileResponse(route: Route, status: number): ResponseCheck {
    const { responses } = route.operation;
    const described = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
    if (!described) {
      if (status < 400) return { kind: 'undescribed' };
      return { kind: 'json', validate: this.compile({ $ref: '#/components/schemas/basic-error' }) };
    }
    const response = deref<ResponseObject>(this.doc, described);
    const content = Object.entries(response.content ?? {});
    if (content.length === 0) return { kind: 'empty' };
    const json = content.find(([type]) => /\bjson\b/.test(type))?.[1]?.schema;
    return json ? { kind: 'json', validate: this.compile(json) } : { kind: 'unchecked' };
  }

  private compile(schema: JsonSchema): ValidateFunction {
    return this.ajv.compile(absolutizeRefs(schema) as JsonSchema);
  }
}

/** Points local `#/components/...` refs of an inline schema at the registered components. */
function absolutizeRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(absolutizeRefs);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) =>
      key === '$ref' && typeof value === 'string' && value.startsWith('#/')
        ? [key, `${COMPONENTS_ID}${value}`]
        : [key, absolutizeRefs(value)],
    ),
  );
}

function coerceAll(
  doc: OpenApiDocument,
  schemas: Map<string, JsonSchema>,
  rawValues: (name: string) => string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, schema] of schemas) {
    const raw = rawValues(name);
    if (raw.length > 0) out[name] = coerce(doc, raw, schema);
  }
  return out;
}

/** URL values are strings: turn them into what the parameter's schema expects, when they fit. */
function coerce(doc: OpenApiDocument, raw: string[], schema: JsonSchema): unknown {
  const types = schemaTypes(doc, schema);
  if (types.has('array') && (raw.length > 1 || !types.has('string'))) {
    const items = deref<JsonSchema>(doc, (schema.items as JsonSchema | undefined) ?? {});
    const itemTypes = schemaTypes(doc, items);
    return raw.flatMap((value) => value.split(',')).map((value) => coerceScalar(value, itemTypes));
  }
  return coerceScalar(raw.at(-1) ?? '', types);
}

function coerceScalar(value: string, types: Set<string>): unknown {
  if ((types.has('integer') || types.has('number')) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (types.has('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function schemaTypes(doc: OpenApiDocument, schema: JsonSchema): Set<string> {
  const resolved = deref<JsonSchema>(doc, schema);
  const types = new Set<string>([resolved.type].flat().filter((t): t is string => typeof t === 'string'));
  for (const key of ['oneOf', 'anyOf', 'allOf']) {
    const members = resolved[key];
    if (!Array.isArray(members)) continue;
    for (const member of members) for (const t of schemaTypes(doc, member as JsonSchema)) types.add(t);
  }
  return types;
}

function unknownQueryNames(query: URLSearchParams, known: Map<string, JsonSchema>): string[] {
  const names = new Set([...query.keys()].map((name) => name.replace(/\[\]$/, '')));
  return [...names].filter((name) => !known.has(name)).map((name) => `query.${name} is not a parameter`);
}

function runValidator(validate: ValidateFunction, data: unknown, label: string): string[] {
  if (validate(data)) return [];
  const messages = (validate.errors ?? []).map((error) => describeError(error, label));
  return [...new Set(messages)];
}

function describeError(error: ErrorObject, label: string): string {
  const where = `${label}${pointerToPath(error.instancePath)}`;
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties')
    return `${where} must not have property "${params.additionalProperty}"`;
  if (error.keyword === 'enum') return `${where} must be one of ${JSON.stringify(params.allowedValues)}`;
  return `${where} ${error.message ?? `fails ${error.keyword}`}`;
}

/** `/0/user/login` → `[0].user.login`. */
function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('');
}
