import { ShipkitError } from '../errors.js';

/** Parses a report file's JSON; bad JSON is an error naming the file and, when known, the line. */
export function parseReportJson(text: string, file: string, what: string): unknown {
  if (text.trim() === '') {
    throw new ShipkitError(`${what} is empty`, {
      location: { file },
      hint: 'The tool that writes it probably failed; check the step before this one.',
    });
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const line = jsonErrorLine(text, message);
    throw new ShipkitError(`${what} is not valid JSON (${message})`, {
      location: { file, ...(line ? { line } : {}) },
      hint: 'Is the file complete? A report cut short by a failed step cannot be read.',
    });
  }
}

/** The line a JSON.parse error message points at (by position, line and column, or the end), when it does. */
export function jsonErrorLine(text: string, message: string): number | undefined {
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return Number(lineCol[1]);
  const pos = /position (\d+)/.exec(message);
  if (pos) return text.slice(0, Number(pos[1])).split('\n').length;
  if (/end of JSON input|Unterminated/.test(message)) return text.split('\n').length;
  return undefined;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
