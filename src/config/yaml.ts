import type { Document } from 'yaml';
import { ShipkitError } from '../errors.js';

/**
 * The plain data of a parsed YAML document (a config or a backlog), `{}` when it is empty. The
 * yaml library refuses an alias bomb or an alias without its anchor with a bare ReferenceError;
 * this names the file it is in.
 */
export function yamlData(doc: Document, file: string): unknown {
  try {
    return doc.toJS() ?? {};
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    const bomb = err.message.startsWith('Excessive alias count');
    throw new ShipkitError(
      bomb ? 'YAML aliases expand too far (aliases of aliases)' : `invalid YAML: ${err.message}`,
      {
        location: { file },
        hint: bomb
          ? 'Write the values out instead of nesting aliases (`*name`).'
          : 'Define each anchor (`&name`) before its alias.',
      },
    );
  }
}
