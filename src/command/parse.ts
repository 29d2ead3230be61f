import { firstLine } from './text.js';

/** At most this many arguments after the command name. */
export const MAX_ARGS = 50;
/** At most this many characters on the command line. */
export const MAX_LENGTH = 1000;

/** One argument as typed: a word (quoted or not) or a `key=value` pair. */
export type Token = { kind: 'word'; value: string } | { kind: 'option'; key: string; value: string };

/** A comment's first line read as a command, before its arguments are checked against the command. */
export type ParsedLine =
  | { kind: 'none' }
  | { kind: 'command'; name: string; tokens: Token[] /** The line after the name, as typed. */; rest: string }
  | {
      kind: 'error';
      name?: string;
      message: string;
      hint: string;
      /** The line after the name, when only splitting it into arguments failed (free-text commands take it whole). */
      rest?: string;
    };

const NAME = /^\/([a-z][a-z0-9-]{0,30})(?=\s|$)/i;
const KEY = /^([a-z][a-z0-9_-]{0,40})=/i;

/**
 * Reads the first line of a comment. A command is `/name` at its very start, followed by words,
 * quoted strings ("…" or '…') and `key=value` pairs (a value may be quoted). Anything else, such as
 * a line starting with a path (`/usr/bin …`) or prose, is not a command and is ignored.
 */
export function parseCommandLine(body: string): ParsedLine {
  const { line, tooLong } = firstLine(body, MAX_LENGTH);
  const match = NAME.exec(line);
  if (!match?.[1]) return { kind: 'none' };
  const name = match[1].toLowerCase();
  if (tooLong) {
    return {
      kind: 'error',
      name,
      message: `the command line is longer than ${MAX_LENGTH.toLocaleString('en-US')} characters`,
      hint: 'Shorten it: only the first line of the comment counts.',
    };
  }
  const rest = line.slice(match[0].length).trim();
  const tokens = tokenize(rest);
  if (typeof tokens === 'string') {
    return {
      kind: 'error',
      name,
      message: tokens,
      hint: 'Close the quote, or leave quotes out of a plain word.',
      rest,
    };
  }
  if (tokens.length > MAX_ARGS) {
    return {
      kind: 'error',
      name,
      message: `/${name} has ${tokens.length} arguments; at most ${MAX_ARGS} are read`,
      hint: `Run \`/help ${name}\` for its arguments.`,
      rest,
    };
  }
  return { kind: 'command', name, tokens, rest };
}

/** Splits the arguments; returns a message when a quote is not closed. */
function tokenize(text: string): Token[] | string {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === ' ') {
      i++;
      continue;
    }
    const key = KEY.exec(text.slice(i, i + 43));
    if (key?.[1]) i += key[0].length;
    const value = readValue(text, i);
    if (typeof value === 'string') return value;
    i = value.end;
    tokens.push(
      key?.[1]
        ? { kind: 'option', key: key[1].toLowerCase(), value: value.text }
        : { kind: 'word', value: value.text },
    );
  }
  return tokens;
}

function readValue(text: string, start: number): { text: string; end: number } | string {
  const quote = text[start];
  if (quote === '"' || quote === "'") {
    let out = '';
    for (let i = start + 1; i < text.length; i++) {
      const c = text[i] as string;
      if (c === quote) return { text: out, end: i + 1 };
      if (c === '\\' && quote === '"' && (text[i + 1] === '"' || text[i + 1] === '\\')) {
        out += text[++i];
        continue;
      }
      out += c;
    }
    return `a ${quote === '"' ? 'double' : 'single'} quote is not closed`;
  }
  let end = text.indexOf(' ', start);
  if (end < 0) end = text.length;
  return { text: text.slice(start, end), end };
}
