import { COMMANDS, readCommand } from '../command/registry.js';
import { jsonForLog } from '../render/log.js';
import { type CliIO, parseCommandLine, UsageError } from './args.js';

const HELP = `Usage:
  shipkit command parse "<comment>" [--json]   read a PR comment as the command action would:
                                               prints the command and its checked arguments,
                                               or what is wrong with it (exit 2); a comment that
                                               is not a command prints nothing (exit 0)
  shipkit command list [--json]                the comment commands and their arguments`;

/** `shipkit command parse|list`: check a comment offline, exactly as `actions/command` reads it. */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandLine(args, { json: { type: 'boolean' } }, 'shipkit command');
  const [verb, text, ...extra] = positionals;
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  if (verb === 'list' && text === undefined) return list(io, values.json === true);
  if (verb !== 'parse') {
    throw new UsageError(verb ? `unknown command verb "${verb}"` : 'missing command verb', { hint: HELP });
  }
  if (text === undefined) throw new UsageError('missing the comment text', { hint: HELP });
  if (extra.length > 0) {
    throw new UsageError(`unexpected argument "${extra[0]}"`, {
      hint: 'Quote the whole comment as one argument.',
    });
  }
  const result = readCommand(text);
  const json = values.json === true;
  if (result.kind === 'none') {
    if (json) io.out(jsonForLog({ command: null }));
    return 0;
  }
  if (result.kind === 'invalid') {
    if (json) io.out(jsonForLog({ command: result.name, error: result.message, hint: result.hint }));
    else io.err(`/${result.name}: ${result.message.replace(/^\/\S+:? /, '')}. ${result.hint}`);
    return 2;
  }
  const spec = result.spec;
  if (json) io.out(jsonForLog({ command: spec.name, args: result.args }));
  else io.out(`/${spec.name} ${JSON.stringify(result.args)}`);
  return 0;
}

function list(io: CliIO, json: boolean): number {
  const specs = Object.values(COMMANDS);
  if (json) {
    io.out(
      jsonForLog(
        specs.map((s) => ({ command: s.name, usage: s.usage, summary: s.summary, minimum: s.minimum })),
      ),
    );
  } else {
    for (const s of specs) io.out(`${s.usage.padEnd(52)} ${s.summary}`);
  }
  return 0;
}
