/**
 * The log as an output context. GitHub's runner reads every line a step prints, on stdout and
 * stderr, and acts on workflow commands in it (actions/runner, ActionCommand.cs):
 *   - `::name props::data` once leading white space is trimmed (.NET TrimStart, NEL included);
 *   - the legacy `##[name props]data` anywhere in a line;
 *   - a line ends at `\n`, `\r` or `\r\n`;
 *   - after `::stop-commands::TOKEN` nothing is a command until a line `::TOKEN::`.
 * Text from outside (benchmark names, spec keys, commit messages, server answers) is printed
 * through these functions, so that none of it reads as a command: a block that could is wrapped
 * in a stop-commands pair with a random token it cannot guess, and JSON escapes what could.
 */
/** White space .NET's String.TrimStart() removes, plus what JavaScript's \s adds (BOM). */
const LEADING_SPACE = /^[\s\u0085]+/;

/** Whether the runner could take some line of `text` for a workflow command. */
export function commandLike(text: string): boolean {
  if (text.includes('##[')) return true;
  if (!text.includes('::')) return false;
  return text.split(/\r\n|\r|\n/).some((line) => line.replace(LEADING_SPACE, '').startsWith('::'));
}

/**
 * `text` made inert for the runner: unchanged when no line could be a command, else between
 * `::stop-commands::TOKEN` and `::TOKEN::` (the log shows the text as it is, between two lines).
 */
export function inertLog(text: string, token: () => string = randomToken): string {
  if (!commandLike(text)) return text;
  let t = token();
  while (text.includes(t)) t = token();
  const end = /[\r\n]$/.test(text) ? '' : '\n';
  return `::stop-commands::${t}\n${text}${end}::${t}::`;
}

/**
 * JSON for stdout: JSON.stringify with two-space indentation, where `##[` (which can only occur
 * inside a string) is written `##\u005b`. No line of it can start with `::` (every line starts
 * with a quote, a bracket, a brace, a digit or a literal), so it is inert and parses the same.
 */
export function jsonForLog(value: unknown): string {
  return JSON.stringify(value, null, 2).replaceAll('##[', '##\\u005b');
}

/** Token shapes: GitHub (classic and fine-grained), Anthropic, Slack tokens and webhooks. */
const TOKEN_SHAPES = [
  /\bgh[pousr]_[A-Za-z0-9]{16,}/g,
  /\bgithub_pat_[A-Za-z0-9_]{16,}/g,
  /\bsk-ant-[A-Za-z0-9_-]{8,}/g,
  /\bxox[abposr]-[A-Za-z0-9-]{8,}/g,
  /\bxapp-[A-Za-z0-9-]{8,}/g,
  /hooks\.slack\.com\/services\/[A-Za-z0-9/_-]+/g,
];
/** An echoed header (`authorization: token x`, `"Authorization":"Bearer x"`) and a bare `Bearer x`. */
const HEADER_VALUE = /\b(authorization["']?\s*[:=]\s*["']?)((?:bearer|token|basic)\s+)?[^\s"',;}]+/gi;
const BEARER_VALUE = /\b(bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi;

/**
 * `text` with every known secret value and every token-shaped string replaced by `***`, as the
 * runner masks: for error messages and warnings, which may quote a server's answer.
 */
export function redactSecrets(text: string, known: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of known) {
    if (secret && secret.length >= 4) out = out.split(secret).join('***');
  }
  for (const shape of TOKEN_SHAPES) out = out.replace(shape, '***');
  out = out.replace(
    HEADER_VALUE,
    (_m, name: string, scheme: string | undefined) => `${name}${scheme ?? ''}***`,
  );
  return out.replace(BEARER_VALUE, '$1***');
}

function randomToken(): string {
  // The global Web Crypto: every action loads this file, and node:crypto costs a few ms to load.
  return `shipkit-${Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(16))).toString('hex')}`;
}
