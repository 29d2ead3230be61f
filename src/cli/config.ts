import { resolve } from 'node:path';
import { configJsonSchema } from '../config/json-schema.js';
import { type LoadedConfig, loadConfig } from '../config/load.js';
import { configReport } from '../config/report.js';
import { formatError, ShipkitError } from '../errors.js';
import { jsonForLog } from '../render/log.js';
import { type CliIO, type CommandLine, parseCommandLine, UsageError } from './args.js';
import { cliGitHub, GITHUB_OPTIONS, prNumber } from './github.js';

const HELP = `Usage:
  shipkit config validate [file] [--json]   check a shipkit.yml (default .github/shipkit.yml);
                                            exit 0 valid, 1 invalid; --json prints the resolved config
      --comment --repo owner/name --pr N    also publish the result as the PR's sticky comment
                                            (token from GITHUB_TOKEN or GH_TOKEN)
  shipkit config schema                     print the JSON Schema of shipkit.yml`;

export async function run(args: string[], io: CliIO): Promise<number> {
  const options = { json: { type: 'boolean' }, comment: { type: 'boolean' }, ...GITHUB_OPTIONS } as const;
  const { values, positionals } = parseCommandLine(args, options, 'shipkit config');
  const [verb, file, ...extra] = positionals;
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`, { hint: HELP });
  if (verb === 'schema') {
    io.out(jsonForLog(configJsonSchema()));
    return 0;
  }
  if (verb !== 'validate') {
    throw new UsageError(verb ? `unknown config command "${verb}"` : 'missing config command', {
      hint: HELP,
    });
  }
  let result: LoadedConfig | ShipkitError;
  try {
    result = await loadConfig(file ?? undefined);
    if (!result.file) {
      throw new UsageError('no .github/shipkit.yml here', {
        hint: 'Name the file: shipkit config validate path/to/shipkit.yml',
      });
    }
  } catch (err) {
    if (!(err instanceof ShipkitError) || err instanceof UsageError) throw err;
    result = err;
  }
  if (!(result instanceof ShipkitError))
    for (const w of result.warnings) io.err(`warning: ${formatError(w).join(' ')}`);
  if (values.comment) await comment(values, configReport(result), io);
  if (result instanceof ShipkitError) throw result;
  if (values.json) io.out(jsonForLog(result.config));
  else io.out(`${resolve(result.file ?? '') === resolve(file ?? '') ? file : result.file} is valid.`);
  return 0;
}

async function comment(values: CommandLine['values'], markdown: string, io: CliIO): Promise<void> {
  const issueNumber = prNumber(values);
  const { gh, owner, repo } = await cliGitHub(values, io.err);
  const { upsertStickyComment } = await import('../github/comment.js');
  const posted = await upsertStickyComment(gh, { owner, repo, issueNumber, key: 'config' }, markdown);
  io.err(`PR comment ${posted.action}: ${posted.url}`);
}
