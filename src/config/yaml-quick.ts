import jsYaml from 'js-yaml';

/**
 * YAML 1.2's core schema as the `yaml` library reads it (the same tests for null, booleans, integers
 * and floats), for js-yaml: its own core schema also reads `1_000`, `0b101` and `+0x1F` as numbers.
 */
const CORE = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    new jsYaml.Type('tag:yaml.org,2002:null', {
      kind: 'scalar',
      // js-yaml asks about an empty value with null.
      resolve: (text: unknown) =>
        text === null || (typeof text === 'string' && /^(?:~|[Nn]ull|NULL)?$/.test(text)),
      construct: () => null,
    }),
    new jsYaml.Type('tag:yaml.org,2002:bool', {
      kind: 'scalar',
      resolve: (text: unknown) => typeof text === 'string' && /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text),
      construct: (text: string) => /^t/i.test(text),
    }),
    new jsYaml.Type('tag:yaml.org,2002:int', {
      kind: 'scalar',
      resolve: (text: unknown) =>
        typeof text === 'string' && /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/.test(text),
      construct: (text: string) => Number(text),
    }),
    new jsYaml.Type('tag:yaml.org,2002:float', {
      kind: 'scalar',
      resolve: (text: unknown) =>
        typeof text === 'string' &&
        /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(
          text,
        ),
      construct: (text: string) =>
        /nan$/i.test(text)
          ? Number.NaN
          : /inf$/i.test(text)
            ? (text.startsWith('-') ? -1 : 1) * Number.POSITIVE_INFINITY
            : Number(text),
    }),
  ],
});

/**
 * The plain data of YAML text read the fast way: no syntax tree and no positions (several times
 * faster than `parseYaml`). Undefined whenever that way cannot be trusted to read what `parseYaml` +
 * `yamlData` would, so the caller takes that way, which also locates every problem: any syntax
 * error or duplicate key, a directive (`%YAML 1.1` changes the schema), a tag, an alias of a mapping
 * or a list (where the alias guards are needed), merge keys when `merge` is asked for, several
 * documents. Empty text gives `empty` (default `{}`), as `yamlData` does.
 */
export function quickYamlData(
  text: string,
  options: { merge?: boolean; empty?: unknown } = {},
): { data: unknown } | undefined {
  if (/^\s*%/.test(text) || (options.merge && text.includes('<<'))) return undefined;
  let data: unknown;
  try {
    data = jsYaml.load(text, { schema: CORE });
  } catch {
    return undefined;
  }
  if (!isTree(data)) return undefined;
  return { data: data ?? ('empty' in options ? options.empty : {}) };
}

/** True when no mapping or list appears twice (an alias of one makes them shared, or a loop). */
function isTree(data: unknown): boolean {
  const seen = new Set<object>();
  const todo: unknown[] = [data];
  while (todo.length > 0) {
    const value = todo.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (seen.has(value)) return false;
    seen.add(value);
    if (Array.isArray(value)) for (const v of value) todo.push(v);
    else for (const key in value) todo.push((value as Record<string, unknown>)[key]);
  }
  return true;
}
