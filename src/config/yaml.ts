import { type Document, LineCounter, type Node, parseDocument, visit } from 'yaml';
import { ShipkitError, type SourceLocation } from '../errors.js';

// The fast way (js-yaml, no positions) is in yaml-quick.ts, so that reading without locations does
// not load the `yaml` library.
export { quickYamlData } from './yaml-quick.js';

/**
 * A parsed YAML file (shipkit.yml, a backlog, an OpenAPI spec, a workflow) that knows where each of
 * its nodes sits: the one way shipkit reads YAML with line and column locations.
 */
export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** Syntax errors (the first line of the parser's message), each with its line and column. */
  errors: { message: string; line: number; column: number }[];
  /** The location of a character offset in the text: just the file when the offset is unknown. */
  at(offset: number | undefined): SourceLocation;
  /** The location of a node (its first character): just the file when there is no node. */
  atNode(node: Node | null | undefined): SourceLocation;
  /** The node at a data path (symbols are skipped), undefined when nothing is there. */
  nodeAt(path: readonly PropertyKey[]): Node | undefined;
}

/**
 * Parses YAML text keeping positions. Duplicate keys are syntax errors; `merge` enables `<<` merge
 * keys (OpenAPI specs use them). Errors are collected in `errors`, not thrown.
 */
export function parseYaml(text: string, file: string, options: { merge?: boolean } = {}): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
    ...(options.merge ? { merge: true } : {}),
  });
  const at = (offset: number | undefined): SourceLocation => {
    if (offset === undefined) return { file };
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col };
  };
  const errors = doc.errors.map((e) => {
    const { line, col } = lines.linePos(e.pos[0]);
    return { message: e.message.split('\n', 1)[0] ?? e.message, line, column: col };
  });
  return {
    file,
    doc,
    lines,
    errors,
    at,
    atNode: (node) => at(node?.range?.[0]),
    nodeAt: (path) =>
      doc.getIn(
        path.filter((p): p is string | number => typeof p !== 'symbol'),
        true,
      ) as Node | undefined,
  };
}

/** The default of yaml's guard against alias bombs (a 600-byte file that expands to a billion nodes). */
const MAX_ALIAS_COUNT = 100;

/**
 * The plain data of a parsed YAML document, `{}` (or `options.empty`) when it is empty. The yaml
 * library refuses an alias bomb, or an alias whose anchor is missing or comes later, with a bare
 * ReferenceError: this names the file and the line of the alias.
 */
export function yamlData(
  doc: Document,
  file: string,
  options: { maxAliasCount?: number; bombHint?: string; empty?: unknown; lines?: LineCounter } = {},
): unknown {
  try {
    const data: unknown = doc.toJS({ maxAliasCount: options.maxAliasCount ?? MAX_ALIAS_COUNT });
    return data ?? ('empty' in options ? options.empty : {});
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    const bomb = err.message.startsWith('Excessive alias count');
    let offset: number | undefined;
    visit(doc, {
      Alias(_, node) {
        if (bomb || node.resolve(doc) === undefined) {
          offset = node.range?.[0];
          return visit.BREAK;
        }
        return undefined;
      },
    });
    const pos = offset === undefined ? undefined : options.lines?.linePos(offset);
    throw new ShipkitError(
      bomb
        ? 'YAML aliases expand too far (aliases of aliases)'
        : `YAML alias ${(err.message.split('\n')[0] ?? '').replace(/^Unresolved alias \(the anchor must be set before the alias\): /, '*')} has no anchor before it`,
      {
        location: { file, ...(pos ? { line: pos.line, column: pos.col } : {}) },
        hint:
          options.bombHint ??
          (bomb
            ? 'Write the values out instead of nesting aliases (`*name`).'
            : 'Define the anchor (&name) before its alias (*name), or write the value out.'),
      },
    );
  }
}
