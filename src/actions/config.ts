import { stringify } from 'yaml';
import { loadConfig } from '../config/load.js';
import { formatError, ShipkitError } from '../errors.js';
import { upsertStickyComment } from '../github/comment.js';
import { writeOrSummarize } from '../github/publish.js';
import type { ActionIO } from './runtime.js';

/**
 * `command: config`: validates .github/shipkit.yml and publishes the resolved configuration
 * (defaults filled in, values normalised) to the job summary and the `config` output. With
 * `comment: true` on a pull request, the verdict is also the PR's sticky `config` comment.
 */
export async function run(io: ActionIO): Promise<void> {
  const ctx = io.context();
  const comment = io.booleanInput('comment');
  const requested = io.input('config-file') || undefined;
  let markdown: string;
  let failure: ShipkitError | undefined;
  try {
    const { file, config } = await loadConfig(requested, ctx.workspace);
    const json = JSON.stringify(config);
    io.setOutput('config', json);
    io.setOutput('config-file', file ?? '');
    markdown = [
      '### shipkit configuration',
      '',
      file
        ? `\`${file}\` is valid. Resolved configuration (defaults filled in, values normalised):`
        : 'No `.github/shipkit.yml`: the defaults apply.',
      '',
      '```yaml',
      stringify(config).trimEnd(),
      '```',
    ].join('\n');
  } catch (err) {
    if (!(err instanceof ShipkitError)) throw err;
    failure = err;
    markdown = [
      '### shipkit configuration',
      '',
      `:x: ${err.message}`,
      '',
      ...formatError(err).map((line) => `- ${line}`),
    ].join('\n');
  }
  await io.summary(markdown);
  if (comment && ctx.issueNumber !== undefined && ctx.repository) {
    const gh = await io.github();
    const target = { ...ctx.repository, issueNumber: ctx.issueNumber, key: 'config' };
    const result = await writeOrSummarize(
      'PR comment',
      () => upsertStickyComment(gh, target, markdown),
      '',
      io.warn,
    );
    if (result) io.info(`PR comment ${result.action}: ${result.url}`);
  }
  if (failure) throw failure;
}
