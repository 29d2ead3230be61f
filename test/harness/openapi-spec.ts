// Loads the vendored GitHub REST description (test/fixtures/github, see SOURCE.md) once per process.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export type JsonSchema = Record<string, unknown>;
export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';
export const HTTP_METHODS: readonly HttpMethod[] = ['get', 'post', 'patch', 'put', 'delete'];

export interface Ref {
  $ref: string;
}

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

export interface MediaTypeObject {
  schema?: JsonSchema;
}

export interface RequestBodyObject {
  required?: boolean;
  content: Record<string, MediaTypeObject>;
}

export interface ResponseObject {
  content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId: string;
  parameters?: (ParameterObject | Ref)[];
  requestBody?: RequestBodyObject | Ref;
  responses: Record<string, ResponseObject | Ref>;
}

export type PathItemObject = Partial<Record<HttpMethod, OperationObject>> & {
  parameters?: (ParameterObject | Ref)[];
};

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, PathItemObject>;
  components: Record<string, Record<string, unknown>>;
}

const FIXTURE = new URL('../fixtures/github/api.github.com.json.gz', import.meta.url);
let cached: OpenApiDocument | undefined;

/** The vendored description, with OpenAPI 3.0 `nullable` adapted where Ajv reads it differently. */
export function loadGitHubDescription(): OpenApiDocument {
  if (!cached) {
    const doc = JSON.parse(gunzipSync(readFileSync(FIXTURE)).toString('utf8')) as OpenApiDocument;
    normalizeNullable(doc);
    cached = doc;
  }
  return cached;
}

export function isRef(node: unknown): node is Ref {
  return typeof node === 'object' && node !== null && typeof (node as Ref).$ref === 'string';
}

/** Follows local `$ref`s (`#/components/...`) until a concrete object is reached. */
export function deref<T>(doc: OpenApiDocument, node: T | Ref): T {
  let current: unknown = node;
  while (isRef(current)) {
    const pointer = current.$ref;
    if (!pointer.startsWith('#/')) throw new Error(`Unsupported $ref ${pointer}`);
    current = pointer
      .slice(2)
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<unknown>((obj, key) => (obj as Record<string, unknown> | undefined)?.[key], doc);
    if (current === undefined) throw new Error(`Unresolvable $ref ${pointer}`);
  }
  return current as T;
}

/**
 * Ajv supports OpenAPI's `nullable` only next to `type`, and its `enum` must list `null` too. The
 * description relies on both: add `null` to such enums, and rewrite `nullable` next to
 * `allOf`/`oneOf`/`anyOf` (no `type`) to `anyOf: [{type: 'null'}, rest]`.
 */
function normalizeNullable(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) normalizeNullable(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const obj = node as Record<string, unknown>;
  for (const value of Object.values(obj)) normalizeNullable(value);
  if (typeof obj.nullable !== 'boolean') return;
  if (obj.nullable && Array.isArray(obj.enum) && !obj.enum.includes(null)) obj.enum = [...obj.enum, null];
  if ('type' in obj) return;
  const { nullable, ...rest } = obj;
  for (const key of Object.keys(obj)) delete obj[key];
  Object.assign(obj, nullable ? { anyOf: [{ type: 'null' }, rest] } : rest);
}
