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
    const at = /position (\d+)/.exec(message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : undefined;
    throw new ShipkitError(`${what} is not valid JSON (${message})`, {
      location: { file, ...(line ? { line } : {}) },
      hint: 'Is the file complete? A report cut short by a failed step cannot be read.',
    });
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
