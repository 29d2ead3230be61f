import { readText } from '../../fs/read.js';
import { jsonErrorLine } from '../report-json.js';
import { reportError } from './source.js';

/**
 * Parses a JSON report whole (Istanbul and coverage.py write one JSON document; a syntax error is
 * reported with its line, which is how a truncated file shows).
 */
export function readJson(path: string, file: string): unknown {
  const text = readText(path, { kind: 'report', what: 'the coverage report', file });
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    throw reportError(
      file,
      jsonErrorLine(text, message),
      `not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
      'The report is truncated or corrupt; regenerate it.',
    );
  }
}
