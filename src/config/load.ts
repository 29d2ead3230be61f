import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Document, isMap, isScalar, type Node } from 'yaml';
import type { z } from 'zod';
import { ShipkitError, type SourceLocation } from '../errors.js';
import { knownKeys } from './json-schema.js';
import { configSchema, type ShipkitConfig } from './schema.js';
import { closest } from './suggest.js';
import { parseYaml, yamlData } from './yaml.js';

export const DEFAULT_CONFIG_PATHS = ['.github/shipkit.yml', '.github/shipkit.yaml'];

export interface LoadedConfig {
  /** The file it came from, or undefined when none exists and defaults apply. */
  file: string | undefined;
  config: ShipkitConfig;
  /** Sections that load but do nothing yet, one warning each, naming the section and its line. */
  warnings: ShipkitError[];
}

/** Sections the schema accepts whose feature is not built yet: loading one warns. */
export const NOT_BUILT_YET: Record<string, string> = {
  report: 'the weekly report is not built yet',
  commands: 'PR comment commands are not built yet',
};

/**
 * Loads shipkit.yml. With an explicit path the file must exist; without one, the default
 * locations are tried and a repository without a config gets the defaults.
 */
export async function loadConfig(path?: string, cwd = process.cwd()): Promise<LoadedConfig> {
  const candidates = path ? [path] : DEFAULT_CONFIG_PATHS;
  for (const file of candidates) {
    let text: string;
    try {
      text = await readFile(resolve(cwd, file), 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && !path) continue;
      // a RangeError carries no code: the file is too large for a string (or endless, like /dev/zero)
      const reason =
        code === 'ENOENT'
          ? 'no such file'
          : (code ?? (err instanceof RangeError ? 'it is too large' : String(err)));
      throw new ShipkitError(`cannot read the config file: ${reason}`, {
        location: { file },
        hint: 'Check the path, or leave it out to use .github/shipkit.yml.',
      });
    }
    return { file, ...readConfig(text, file) };
  }
  return { file: undefined, ...readConfig('', DEFAULT_CONFIG_PATHS[0] ?? 'shipkit.yml') };
}

/** Parses and validates shipkit.yml text; every problem is reported at once, with its line. */
export function parseConfig(text: string, file: string): ShipkitConfig {
  return readConfig(text, file).config;
}

function readConfig(text: string, file: string): { config: ShipkitConfig; warnings: ShipkitError[] } {
  const source = parseYaml(text, file);
  const { doc, at } = source;
  if (source.errors.length > 0) {
    const details = source.errors.map(
      (e) =>
        new ShipkitError(`YAML syntax error: ${e.message}`, {
          location: { file, line: e.line, column: e.column },
          hint: 'Fix the YAML syntax (indentation, quotes, a missing colon).',
        }),
    );
    throw invalid(file, details);
  }
  const data: unknown = yamlData(doc, file);
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw invalid(file, [
      new ShipkitError('expected a mapping of sections (gates, codegen, plan, report, release, commands)', {
        location: at(doc.contents?.range?.[0]),
      }),
    ]);
  }
  const result = configSchema.safeParse(data);
  if (result.success) {
    const warnings = Object.keys(NOT_BUILT_YET)
      .filter((key) => key in (data as object))
      .map(
        (key) =>
          new ShipkitError(`section \`${key}:\` does nothing: ${NOT_BUILT_YET[key]}`, {
            location: at(keyNode(doc, [], key)?.range?.[0]),
            hint: 'It is accepted so a config written for the coming release loads; remove it to silence this.',
          }),
      );
    return { config: result.data, warnings };
  }
  const details = result.error.issues.flatMap((issue) => describeIssue(issue, doc, data, at));
  details.sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0));
  throw invalid(file, details);
}

/** A value quoted back in an error: its JSON, cut to 80 characters (a 50 MB value is not echoed in full). */
export function echoed(value: unknown, max = 80): string {
  const json = JSON.stringify(value) ?? String(value);
  if (json.length <= max) return json;
  return `${json.slice(0, max)}… (${json.length} characters)`;
}

function invalid(file: string, details: ShipkitError[]): ShipkitError {
  const n = details.length;
  return new ShipkitError(
    `${file} is not a valid shipkit configuration (${n} problem${n === 1 ? '' : 's'})`,
    {
      location: { file },
      details,
    },
  );
}

type Issue = z.core.$ZodIssue;
type At = (offset: number | undefined) => SourceLocation;

function describeIssue(issue: Issue, doc: Document, data: unknown, at: At): ShipkitError[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const field = dotted(path);
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(path);
    return issue.keys.map((key) => {
      const guess = closest(key, known);
      return new ShipkitError(`unknown key \`${dotted([...path, key])}\``, {
        location: at(keyNode(doc, path, key)?.range?.[0]),
        hint: guess
          ? `Did you mean \`${guess}\`?`
          : `Allowed here: ${known.map((k) => `\`${k}\``).join(', ') || 'nothing'}.`,
      });
    });
  }
  const node = doc.getIn(path, true) as Node | undefined;
  const value = valueAt(data, path);
  if (value === undefined) {
    const parent = doc.getIn(path.slice(0, -1), true) as Node | undefined;
    return [
      new ShipkitError(`missing required field \`${field}\``, {
        location: at(parent?.range?.[0]),
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
        location: at(node?.range?.[0]),
        ...(guess ? { hint: `Did you mean \`${guess}\`?` } : {}),
      }),
    ];
  }
  const message = specificMessage(issue);
  return [new ShipkitError(`\`${field}\`: ${message}; ${got}`, { location: at(node?.range?.[0]) })];
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

function keyNode(doc: Document, path: (string | number)[], key: string): Node | undefined {
  const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
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
