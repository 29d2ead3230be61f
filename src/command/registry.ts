import type { z } from 'zod';
import { closest } from '../config/suggest.js';
import { ask } from './commands/ask.js';
import { bench } from './commands/bench.js';
import { codegen } from './commands/codegen.js';
import { gate } from './commands/gate.js';
import { help } from './commands/help.js';
import { plan } from './commands/plan.js';
import { release } from './commands/release.js';
import { report } from './commands/report.js';
import { type ParsedLine, parseCommandLine } from './parse.js';
import type { CommandName, CommandSpec } from './spec.js';

/** Every comment command, one file each under commands/. */
export const COMMANDS: Record<CommandName, CommandSpec> = {
  help,
  gate,
  bench,
  plan,
  codegen,
  release,
  report,
  ask,
} as Record<CommandName, CommandSpec>;

/** A command whose arguments passed its schema. */
export interface ValidCommand {
  kind: 'valid';
  spec: CommandSpec;
  args: unknown;
}

/** A command-shaped line that is wrong: an unknown name or a bad argument, said in one line. */
export interface InvalidCommand {
  kind: 'invalid';
  /** The command, when the name is known. */
  spec?: CommandSpec;
  name: string;
  message: string;
  hint: string;
}

export type CommandResult = { kind: 'none' } | ValidCommand | InvalidCommand;

/**
 * Reads a comment: `none` for anything that is not a command (silence), otherwise the command with
 * its checked arguments, or what is wrong with it ("did you mean" for a misspelled name or key).
 * `known` limits the names (commands switched off in shipkit.yml are unknown here).
 */
export function readCommand(
  body: string,
  known: readonly CommandName[] = Object.keys(COMMANDS) as CommandName[],
): CommandResult {
  return checkArguments(parseCommandLine(body), known);
}

export function checkArguments(line: ParsedLine, known: readonly CommandName[]): CommandResult {
  if (line.kind === 'none') return line;
  const name = line.name ?? '';
  const spec = (known as readonly string[]).includes(name) ? COMMANDS[name as CommandName] : undefined;
  if (!spec) {
    const meant = closest(name, known);
    return {
      kind: 'invalid',
      name,
      message: `unknown command /${name}`,
      hint: meant ? `Did you mean /${meant}? Run /help for the list.` : 'Run /help for the list.',
    };
  }
  // A free-text command takes the rest of the line whole: quotes and word counts do not apply.
  if (line.kind === 'error' && !(spec.freeText && line.rest !== undefined))
    return { kind: 'invalid', spec, name, message: line.message, hint: line.hint };
  const input: Record<string, unknown> = { _: spec.freeText ? (line.rest ? [line.rest] : []) : [] };
  for (const t of spec.freeText || line.kind === 'error' ? [] : line.tokens) {
    if (t.kind === 'word') (input._ as string[]).push(t.value);
    else if (t.key === '_' || t.key in input) return invalid(spec, `argument ${t.key}= is given twice`);
    else input[t.key] = t.value;
  }
  const parsed = spec.args.safeParse(input);
  if (parsed.success) return { kind: 'valid', spec, args: parsed.data };
  return invalid(spec, describe(spec, parsed.error.issues[0] as z.core.$ZodIssue));
}

function invalid(spec: CommandSpec, message: string, hint = `Usage: ${spec.usage}`): InvalidCommand {
  return { kind: 'invalid', spec, name: spec.name, message, hint };
}

/** The first problem with the arguments, naming the argument and a likely meant key. */
function describe(spec: CommandSpec, issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const meant = closest(key, spec.options);
    const known = spec.options.length ? spec.options.map((o) => `${o}=`).join(', ') : 'none';
    return `/${spec.name} has no argument ${key}=${meant ? `; did you mean ${meant}=?` : ` (it takes: ${known})`}`;
  }
  const [first] = issue.path;
  const where = first === '_' || first === undefined ? '' : `${String(first)}=: `;
  return `/${spec.name}: ${where}${issue.message}`;
}
