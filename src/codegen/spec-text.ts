// A spec's text as data, JSON or YAML (with the line of any pointer). load.ts imports this only
// for a YAML spec: a JSON one takes parseJsonSpec and never loads the YAML parsers.
import { visit } from 'yaml';
import { parseYaml, quickYamlData, type YamlSource, yamlData } from '../config/yaml.js';
import { ShipkitError } from '../errors.js';
import { isJsonText, parseJsonSpec, type SpecFile, unescapePointer } from './load.js';

/** yaml's guard against alias bombs (a 600-byte file that expands to a billion nodes). */
const MAX_ALIAS_COUNT = 10_000;

/** Parses JSON or YAML; errors carry the line and column. */
export function parseSpecText(
  text: string,
  path: string,
  display: (p: string) => string = (p) => p,
): SpecFile {
  if (isJsonText(text)) return parseJsonSpec(text, path, display);
  // Read fast without positions when that is safe; positions are parsed only when a message needs a line.
  const quick = quickYamlData(text, { merge: true, empty: null });
  if (quick) {
    let lineOf: ((pointer: string) => number | undefined) | undefined;
    return {
      path,
      data: quick.data,
      lineOf: (pointer) => {
        lineOf ??= yamlLineOf(parseYaml(text, display(path), { merge: true }));
        return lineOf(pointer);
      },
    };
  }
  const source = parseYaml(text, display(path), { merge: true });
  const first = source.errors[0];
  if (first) {
    throw new ShipkitError(`invalid YAML: ${first.message}`, {
      hint: 'Fix the YAML syntax at that line.',
      location: { file: display(path), line: first.line, column: first.column },
    });
  }
  if (text.includes('&')) refuseCircularAlias(source);
  const data = yamlData(source.doc, display(path), {
    maxAliasCount: MAX_ALIAS_COUNT,
    bombHint: `Use $ref instead of YAML aliases; shipkit expands at most ${MAX_ALIAS_COUNT} of them.`,
    empty: null,
    lines: source.lines,
  });
  return { path, data, lineOf: yamlLineOf(source) };
}

/** The line of a JSON pointer's node, or of its nearest ancestor that has one. */
function yamlLineOf(source: YamlSource): (pointer: string) => number | undefined {
  return (pointer) => {
    const segments = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointer);
    for (let n = segments.length; n >= 0; n--) {
      const { line } = source.atNode(source.nodeAt(segments.slice(0, n)));
      if (line !== undefined) return line;
    }
    return undefined;
  };
}

/** An alias inside the node its anchor names would make the data loop: refused with its line. */
function refuseCircularAlias({ doc, atNode }: YamlSource): void {
  visit(doc, {
    Alias(_key, alias, path) {
      const target = alias.resolve(doc);
      if (!target || !path.includes(target)) return;
      throw new ShipkitError(`YAML alias *${alias.source} sits inside its own anchor &${alias.source}`, {
        hint: 'The data would loop forever: use a `$ref` for a recursive schema.',
        location: atNode(alias),
      });
    },
  });
}
