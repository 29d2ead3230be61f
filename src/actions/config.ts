import { type LoadedConfig, loadConfig } from '../config/load.js';
import { formatError, ShipkitError } from '../errors.js';
import { commentOnPullRequest } from './comment.js';
import type { ActionIO } from './runtime.js';

/**
 * `command: config`: validates .github/shipkit.yml and publishes the resolved configuration
 * (defaults filled in, values normalised) to the job summary and the `config` output. With
 * `comment: true` on a pull request, the verdict is also the PR's sticky `config` comment.
 */
export async function run(io: ActionIO): Promise<void> {
  const ctx = io.context();
  const comment = io.booleanInput('comment');
  let result: LoadedConfig | ShipkitError;
  try {
    result = await loadConfig(io.input('config-file') || undefined, ctx.workspace);
    io.setOutput('config', JSON.stringify(result.config));
    io.setOutput('config-file', result.file ?? '');
    for (const w of result.warnings) io.warn(formatError(w).join(' '));
  } catch (err) {
    if (!(err instanceof ShipkitError)) throw err;
    result = err;
  }
  // The report prints the configuration with the `yaml` library: loaded once the file is read.
  const { configReport } = await import('../config/report.js');
  const markdown = configReport(result);
  await io.summary(markdown);
  if (comment && ctx.issueNumber !== undefined && ctx.repository) {
    await commentOnPullRequest(
      io,
      { ...ctx.repository, issueNumber: ctx.issueNumber, key: 'config' },
      markdown,
    );
  }
  if (result instanceof ShipkitError) throw result;
}
