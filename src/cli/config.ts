import { resolve } from 'node:path';
import { configJsonSchema } from '../config/json-schema.js';
import { loadConfig } from '../config/load.js';
import { type CliIO, parseCommandLine, UsageError } from './args.js';

const HELP = `Usage:
  shipkit config validate [file] [--json]   check a shipkit.yml (default .github/shipkit.yml);
                                            exit 0 valid, 1 invalid; --json prints the resolved config
  shipkit config schema                     print the JSON Schema of shipkit.yml`;

export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandLine(args, { json: { type: 'boolean' } }, 'shipkit config');
  const [verb, file, ...extra] = positionals;
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`, { hint: HELP });
  if (verb === 'schema') {
    io.out(JSON.stringify(configJsonSchema(), null, 2));
    return 0;
  }
  if (verb === 'validate') {
    const loaded = await loadConfig(file ?? undefined);
    if (!loaded.file) {
      throw new UsageError('no .github/shipkit.yml here', {
        hint: 'Name the file: shipkit config validate path/to/shipkit.yml',
      });
    }
    if (values.json) io.out(JSON.stringify(loaded.config, null, 2));
    else io.out(`${resolve(loaded.file) === resolve(file ?? '') ? file : loaded.file} is valid.`);
    return 0;
  }
  throw new UsageError(verb ? `unknown config command "${verb}"` : 'missing config command', { hint: HELP });
}
