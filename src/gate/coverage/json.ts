import { readFileSync } from 'node:fs';
import { reportError } from './source.js';

/**
 * Parses a JSON report whole (Istanbul and coverage.py write one JSON document; a syntax error is
 * reported with its line, which is how a truncated file shows).
 */
export function readJson(path: string, file: string): unknown {
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const pos = /position (\d+)/.exec(message);
    const lineCol = /line (\d+) column (\d+)/.exec(message);
    let line: number | undefined;
    if (lineCol) line = Number(lineCol[1]);
    else if (pos) line = text.slice(0, Number(pos[1])).split('\n').length;
    else if (/end of JSON input|Unterminated/.test(message)) line = text.split('\n').length;
    throw reportError(
      file,
      line,
      `not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
      'The report is truncated or corrupt; regenerate it.',
    );
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
