import { isMap, isScalar, type Node } from 'yaml';
import type { z } from 'zod';
import { ShipkitError } from '../errors.js';
import { type JsonSchema, keysAt } from './json-schema.js';
import { closest } from './suggest.js';
import type { YamlSource } from './yaml.js';

type Issue = z.core.$ZodIssue;

/** What a YAML file's zod issues are read against. */
export interface IssueContext {
  source: YamlSource;
  /** The data the schema checked (the plain data of `source`). */
  data: unknown;
  /** The JSON Schema of the file, for the keys an object may have (suggestions for unknown keys). */
  schema: JsonSchema;
  /** What the file is called in a message about its root value (`backlog`). */
  root: string;
}

/**
 * The one way a zod issue in a YAML file becomes a message: one ShipkitError per problem, at the
 * line and column of the value (of the key for an unknown key, of the parent for a missing field),
 * naming the field as written (`gates.coverage.min`, `items[1].title`), the value it got and, where
 * one is close, the key or option that was meant. Sorted by line.
 */
export function describeIssues(issues: readonly Issue[], context: IssueContext): ShipkitError[] {
  const details = issues.flatMap((issue) => describeIssue(issue, context));
  return details.sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0));
}

/** A value quoted back in an error: its JSON, cut to 80 characters (a 50 MB value is not echoed in full). */
export function echoed(value: unknown, max = 80): string {
  const json = JSON.stringify(value) ?? String(value);
  if (json.length <= max) return json;
  return `${json.slice(0, max)}… (${json.length} characters)`;
}

function describeIssue(issue: Issue, { source, data, schema, root }: IssueContext): ShipkitError[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const field = dotted(path) || root;
  if (issue.code === 'unrecognized_keys') {
    const known = keysAt(schema, path);
    return issue.keys.map((key) => {
      const guess = closest(key, known);
      return new ShipkitError(`unknown key \`${dotted([...path, key])}\``, {
        location: source.atNode(keyNode(source, path, key)),
        hint: guess
          ? `Did you mean \`${guess}\`?`
          : `Allowed here: ${known.map((k) => `\`${k}\``).join(', ') || 'nothing'}.`,
      });
    });
  }
  const node = source.nodeAt(path);
  const value = valueAt(data, path);
  if (value === undefined) {
    return [
      new ShipkitError(`missing required field \`${field}\``, {
        location: source.atNode(source.nodeAt(path.slice(0, -1))),
        hint: `Add \`${String(path[path.length - 1])}:\` under \`${dotted(path.slice(0, -1)) || 'the top level'}\`.`,
      }),
    ];
  }
  const got = `got ${echoed(value)}`;
  if (issue.code === 'invalid_value') {
    const options = issue.values.map(String);
    const guess = typeof value === 'string' ? closest(value, options) : undefined;
    return [
      new ShipkitError(`\`${field}\`: expected one of ${options.join(', ')}; ${got}`, {
        location: source.atNode(node),
        ...(guess ? { hint: `Did you mean \`${guess}\`?` } : {}),
      }),
    ];
  }
  const message = specificMessage(issue);
  return [new ShipkitError(`\`${field}\`: ${message}; ${got}`, { location: source.atNode(node) })];
}

/** The most telling message of an issue: inside a union, the author's message over a type mismatch. */
function specificMessage(issue: Issue): string {
  if (issue.code === 'invalid_union') {
    const inner = issue.errors.flat();
    const preferred = inner.find((i) => i.code !== 'invalid_type' && i.code !== 'invalid_union');
    if (preferred) return specificMessage(preferred);
    const types = [...new Set(inner.flatMap((i) => (i.code === 'invalid_type' ? [i.expected] : [])))];
    return `expected ${types.join(' or ')}`;
  }
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input'))
    return `expected ${issue.expected}`;
  return issue.message.replace(/^Invalid input: /, '');
}

/** The key node of `key` in the mapping at `path`, for a message about the key itself. */
export function keyNode(
  { doc, nodeAt }: YamlSource,
  path: (string | number)[],
  key: string,
): Node | undefined {
  const map = path.length === 0 ? doc.contents : nodeAt(path);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  return pair && isScalar(pair.key) ? pair.key : undefined;
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let v = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function dotted(path: (string | number)[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : p))
    .join('.')
    .replace(/\.\[/g, '[');
}
