import { stringify } from 'yaml';
import { formatError, type ShipkitError } from '../errors.js';
import type { LoadedConfig } from './load.js';

/** The Markdown shipkit publishes for a config check (job summary, PR comment, CLI --comment). */
export function configReport(result: LoadedConfig | ShipkitError): string {
  const head = ['### shipkit configuration', ''];
  if (!('config' in result)) {
    return [...head, `:x: ${result.message}`, '', ...formatError(result).map((line) => `- ${line}`)].join(
      '\n',
    );
  }
  return [
    ...head,
    result.file
      ? `\`${result.file}\` is valid. Resolved configuration (defaults filled in, values normalised):`
      : 'No `.github/shipkit.yml`: the defaults apply.',
    ...result.warnings.map((w) => `\n:warning: ${formatError(w).join(' ')}`),
    '',
    '```yaml',
    stringify(result.config).trimEnd(),
    '```',
  ].join('\n');
}
