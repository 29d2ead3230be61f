import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ShipkitError } from '../errors.js';
import { readText } from '../fs/read.js';
import { describeIssues, keyNode } from './issues.js';
import { configJsonSchema } from './json-schema.js';
import { configSchema, type ShipkitConfig } from './schema.js';
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
  commands: 'PR comment commands are not built yet',
};

/**
 * Loads shipkit.yml. With an explicit path the file must exist; without one, the default
 * locations are tried and a repository without a config gets the defaults.
 */
export async function loadConfig(path?: string, cwd = process.cwd()): Promise<LoadedConfig> {
  const candidates = path ? [path] : DEFAULT_CONFIG_PATHS;
  for (const file of candidates) {
    const abs = resolve(cwd, file);
    if (!path && !existsSync(abs)) continue;
    const text = readText(abs, {
      kind: 'config',
      what: 'the config file',
      file,
      hint: 'Check the path, or leave it out to use .github/shipkit.yml.',
    });
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
  const data: unknown = yamlData(doc, file, { lines: source.lines });
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
            location: source.atNode(keyNode(source, [], key)),
            hint: 'It is accepted so a config written for the coming release loads; remove it to silence this.',
          }),
      );
    return { config: result.data, warnings };
  }
  throw invalid(
    file,
    describeIssues(result.error.issues, {
      source,
      data,
      schema: configJsonSchema(),
      root: 'configuration',
    }),
  );
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
