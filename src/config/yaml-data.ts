import { type Document, type LineCounter, visit } from 'yaml';
import { ShipkitError } from '../errors.js';

/**
 * A parsed YAML document's data. yaml throws a bare ReferenceError for an alias whose anchor is
 * missing or comes later, and for aliases that expand too far (a billion-laughs file): both become
 * a ShipkitError naming the file and the line of the alias.
 */
export function yamlData(doc: Document, file: string, lines: LineCounter): unknown {
  try {
    return doc.toJS();
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
    const pos = offset === undefined ? undefined : lines.linePos(offset);
    throw new ShipkitError(
      bomb
        ? 'YAML aliases expand too far (aliases of aliases)'
        : `YAML alias ${(err.message.split('\n')[0] ?? '').replace(/^Unresolved alias \(the anchor must be set before the alias\): /, '*')} has no anchor before it`,
      {
        location: { file, ...(pos ? { line: pos.line, column: pos.col } : {}) },
        hint: 'Define the anchor (&name) before its alias (*name), or write the value out.',
      },
    );
  }
}
