import { z } from 'zod';
import { configSchema } from './schema.js';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  default?: unknown;
  pattern?: string;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  [key: string]: unknown;
};

let cached: JsonSchema | undefined;

/** The JSON Schema of shipkit.yml (what a user may write: the input side of the zod schema). */
export function configJsonSchema(): JsonSchema {
  cached ??= {
    ...(z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' }) as JsonSchema),
    $id: 'https://github.com/shipkit/shipkit/schema/shipkit.schema.json',
    title: 'shipkit configuration (.github/shipkit.yml)',
  };
  return cached;
}

/** The schema nodes that describe the value at `path` (several where a union allows several). */
export function schemaAt(root: JsonSchema, path: readonly PropertyKey[]): JsonSchema[] {
  let nodes = expand(root);
  for (const seg of path) {
    const next: JsonSchema[] = [];
    for (const n of nodes) {
      const child = typeof seg === 'number' ? n.items : n.properties?.[String(seg)];
      if (child) next.push(...expand(child));
    }
    nodes = next;
  }
  return nodes;
}

function expand(node: JsonSchema): JsonSchema[] {
  const alts = node.anyOf ?? node.oneOf;
  return alts ? [node, ...alts.flatMap(expand)] : [node];
}

/** Keys an object at `path` may have, in a file described by `root`. */
export function keysAt(root: JsonSchema, path: readonly PropertyKey[]): string[] {
  return [...new Set(schemaAt(root, path).flatMap((n) => Object.keys(n.properties ?? {})))];
}
