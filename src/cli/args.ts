import { type ParseArgsConfig, parseArgs } from 'node:util';
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

/** parseArgs with shipkit's errors: an unknown option names itself and the help command. */
export function parseCommandLine(args: string[], options: ParseArgsOptionsConfig, help: string): CommandLine {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}`, { hint: `Run \`${help} --help\`.` });
  }
}
