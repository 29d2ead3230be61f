import { ShipkitError } from '../errors.js';
import { describeIssues, keyNode } from './issues.js';
import { configJsonSchema } from './json-schema.js';
import { quickConfig } from './quick.js';
import { configSchema, NOT_BUILT_YET, type ShipkitConfig } from './schema.js';
import { parseYaml, yamlData } from './yaml.js';

/**
 * Parses and validates shipkit.yml text; every problem is reported at once, with its line. What
 * loadConfig does, with every part loaded up front: the fast way, else the located way.
 */
export function parseConfig(text: string, file: string): ShipkitConfig {
  return quickConfig(text) ?? locatedConfig(text, file).config;
}

/**
 * shipkit.yml read with the position of every node (the `yaml` library), so that each problem names
 * its line: what is read when the fast way (quick.ts) hands over.
 */
export function locatedConfig(
  text: string,
  file: string,
): { config: ShipkitConfig; warnings: ShipkitError[] } {
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
  const result = configSchema.safeParse(data, { jitless: true });
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
