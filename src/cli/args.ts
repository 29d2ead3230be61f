import { type ParseArgsConfig, parseArgs } from 'node:util';
import { closest } from '../config/suggest.js';
import { ShipkitError } from '../errors.js';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Where a CLI command writes: stdout and stderr, or a test's buffers. */
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** A wrong command line (exit 2), as opposed to invalid input (exit 1). */
export class UsageError extends ShipkitError {}

/** What parseCommandLine returns: option values by name, and the positional arguments. */
export interface CommandLine {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** parseArgs with shipkit's errors: an unknown option names itself, a likely meant one, and the help command. */
export function parseCommandLine(args: string[], options: ParseArgsOptionsConfig, help: string): CommandLine {
  const all = { ...options, help: { type: 'boolean', short: 'h' } } as ParseArgsOptionsConfig;
  try {
    return parseArgs({ args, options: all, allowPositionals: true, strict: true });
  } catch (err) {
    throw usageError(err as Error & { code?: string }, all, help);
  }
}

/** Node's parseArgs error as one shipkit sentence. */
function usageError(
  err: Error & { code?: string },
  options: ParseArgsOptionsConfig,
  help: string,
): UsageError {
  const helpHint = `Run \`${help} --help\` for its options.`;
  const quoted = /^(?:Unknown option|Option) '([^']+)'/.exec(err.message)?.[1] ?? '';
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = quoted.replace(/^-+/, '').split('=')[0] ?? '';
    const meant = closest(name, Object.keys(options));
    return new UsageError(`unknown option ${quoted}`, {
      hint: meant ? `Did you mean --${meant}? ${helpHint}` : helpHint,
    });
  }
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name =
      quoted
        .replace(/ <value>$/, '')
        .split(', ')
        .pop() ?? quoted;
    const message = /argument missing/.test(err.message)
      ? `option ${name} needs a value`
      : `option ${name} takes no value`;
    return new UsageError(message, { hint: helpHint });
  }
  return new UsageError(err.message.split('. ')[0] ?? err.message, { hint: helpHint });
}

/** The options a command takes: those given a value (`--name VALUE`) and the flags (`--name`). */
export function commandOptions(valued: readonly string[], flags: readonly string[]): ParseArgsOptionsConfig {
  return Object.fromEntries([
    ...valued.map((name) => [name, { type: 'string' }]),
    ...flags.map((name) => [name, { type: 'boolean' }]),
  ]);
}

/** An option's value when it was given one (`--name VALUE`), else undefined. */
export function optionString(values: CommandLine['values'], name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * parseCommandLine for a command whose one positional argument, if any, is one of `verbs`:
 * undefined when `--help` was asked for (and printed); a stray argument is a UsageError.
 */
export function parseVerbCommand(
  args: string[],
  command: { name: string; options: ParseArgsOptionsConfig; help: string; verbs: readonly string[] },
  io: CliIO,
): { values: CommandLine['values']; verb: string | undefined } | undefined {
  const { values, positionals } = parseCommandLine(args, command.options, command.name);
  if (values.help) {
    io.out(command.help);
    return undefined;
  }
  const [verb, ...extra] = positionals;
  if (extra.length > 0 || (verb !== undefined && !command.verbs.includes(verb))) {
    throw new UsageError(`unexpected argument "${extra[0] ?? verb}"`, {
      hint: `Run \`${command.name} --help\`.`,
    });
  }
  return { values, verb };
}
