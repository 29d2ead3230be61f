/**
 * The runner's side of an action: inputs from `INPUT_*`, outputs to the `GITHUB_OUTPUT` file, and
 * workflow commands on stdout (`::add-mask::`, `::warning …::`, `::error …::`, `::debug::`),
 * written byte for byte as @actions/core 3 writes them (test/actions/runner.test.ts compares the
 * two). It is here rather than @actions/core because importing @actions/core loads its OIDC
 * client, @actions/http-client and undici (400 KB of bundle) before an action's first line of work.
 */
import { appendFileSync, existsSync } from 'node:fs';
import { EOL } from 'node:os';

/** Where an annotation points (the runner's `file`, `line`, `col` properties) and its title. */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

/** An input's value, trimmed; empty when the step did not set it. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}

/** Asks the runner to mask `secret` in the log from now on. */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

/** A step output: appended to the `GITHUB_OUTPUT` file, or the legacy `::set-output` without one. */
export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT || '';
  if (!file) {
    process.stdout.write(EOL);
    issueCommand('set-output', { name }, value);
    return;
  }
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  // The global Web Crypto: node:crypto costs a few ms to load, and only an output needs it.
  const delimiter = `ghadelimiter_${globalThis.crypto.randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter))
    throw new Error(`Unexpected input: the output ${name} contains the delimiter "${delimiter}"`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' });
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('warning', annotation(properties), message);
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('error', annotation(properties), message);
}

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

/** A plain log line (not escaped: text from outside goes through inertLog first). */
export function info(message: string): void {
  process.stdout.write(message + EOL);
}

function annotation(p: AnnotationProperties): Record<string, string | number | undefined> {
  return { title: p.title, file: p.file, line: p.startLine, col: p.startColumn };
}

/** `::name key=value,…::message`, with the runner's escapes for the message and each property. */
function issueCommand(
  name: string,
  properties: Record<string, string | number | undefined>,
  message: string,
) {
  const props = Object.entries(properties)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  process.stdout.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`);
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
