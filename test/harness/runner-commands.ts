/**
 * What GitHub's runner makes of a step's output: the workflow commands it would process.
 * A port of actions/runner (src/Runner.Worker/Handlers/OutputManager.cs, ActionCommandManager.cs,
 * src/Runner.Common/ActionCommand.cs), kept to the parts that decide whether a line is a command:
 *   - stdout and stderr are both read line by line (.NET ReadLine: `\n`, `\r` or `\r\n` ends a line);
 *   - `::name props::data` after .NET's TrimStart (Unicode white space, NEL included), and the
 *     legacy `##[name props]data` anywhere in the line; the name must be a registered command
 *     (case-insensitive);
 *   - `::stop-commands::TOKEN` ignores every command until `::TOKEN::`.
 */

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

/** The runner's command extensions (ActionCommandManager.cs) plus stop-commands. */
const REGISTERED = [
  'stop-commands',
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo',
];

/** Char.IsWhiteSpace in .NET: the characters String.TrimStart() removes. */
const DOTNET_LEADING_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

const decode = (s: string, pairs: [string, string][]) =>
  pairs.reduce((t, [from, to]) => t.split(from).join(to), s);
const DATA: [string, string][] = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%25', '%'],
];
const PROPERTY: [string, string][] = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%3A', ':'],
  ['%2C', ','],
  ['%25', '%'],
];
const LEGACY: [string, string][] = [
  ['%3B', ';'],
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%5D', ']'],
  ['%25', '%'],
];

function parseV2(line: string, registered: Set<string>): WorkflowCommand | undefined {
  const message = line.replace(DOTNET_LEADING_SPACE, '');
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  if (!registered.has(name.toLowerCase())) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .trim()
      .split(',')
      .filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq > 0 && eq < pair.length - 1)
        properties[pair.slice(0, eq)] = decode(pair.slice(eq + 1), PROPERTY);
    }
  }
  return { command: name, properties, message: decode(message.slice(end + 2), DATA) };
}

function parseV1(line: string, registered: Set<string>): WorkflowCommand | undefined {
  const prefix = line.indexOf('##[');
  if (prefix < 0) return undefined;
  const rb = line.indexOf(']', prefix);
  if (rb < 0) return undefined;
  const info = line.slice(prefix + 3, rb);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  if (!registered.has(name.toLowerCase())) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .split(';')
      .filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq > 0 && eq < pair.length - 1) properties[pair.slice(0, eq)] = decode(pair.slice(eq + 1), LEGACY);
    }
  }
  return { command: name, properties, message: decode(line.slice(rb + 1), LEGACY) };
}

/**
 * Every command the runner would act on in one stream of a step's output, in order. A
 * `stop-commands` and the line that resumes processing are listed too (the resume as the
 * command `resume-commands`, its message the token).
 */
export function runnerCommands(output: string): WorkflowCommand[] {
  const registered = new Set(REGISTERED);
  const found: WorkflowCommand[] = [];
  let stopToken: string | undefined;
  for (const line of output.split(/\r\n|\r|\n/)) {
    if (!line.includes('::') && !line.includes('##[')) continue;
    const command = parseV2(line, registered) ?? parseV1(line, registered);
    if (!command) continue;
    const name = command.command.toLowerCase();
    if (stopToken !== undefined) {
      // an empty token never resumes (ActionCommandManager checks IsNullOrEmpty first)
      if (stopToken !== '' && name === stopToken.toLowerCase()) {
        registered.delete(name);
        found.push({ command: 'resume-commands', properties: {}, message: stopToken });
        stopToken = undefined;
      }
      continue;
    }
    if (name === 'stop-commands') {
      stopToken = command.message;
      registered.add(stopToken.toLowerCase());
    }
    found.push(command);
  }
  return found;
}

/**
 * The commands that take effect: runnerCommands without each `stop-commands` that a resume
 * closes (a block shipkit wrapped); an unclosed `stop-commands` stays, it silences what follows.
 */
export function effectiveCommands(output: string): WorkflowCommand[] {
  const all = runnerCommands(output);
  const kept: WorkflowCommand[] = [];
  for (let i = 0; i < all.length; i++) {
    const c = all[i] as WorkflowCommand;
    const next = all[i + 1];
    if (c.command.toLowerCase() === 'stop-commands' && next?.command === 'resume-commands') {
      i++;
      continue;
    }
    kept.push(c);
  }
  return kept;
}
