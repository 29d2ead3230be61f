import { configuredTargets } from '../codegen/check.js';
import { codegenActionMode, codegenBase, codegenJob } from '../codegen/request.js';
import { loadConfig } from '../config/load.js';
import { ShipkitError } from '../errors.js';
import { codegenBranch, openCodegenPr } from '../github/codegen-pr.js';
import type { ActionIO } from './runtime.js';

/**
 * `command: codegen`: regenerates every target of shipkit.yml's codegen section in memory.
 * `mode: check` fails when the committed code differs (summary: what changed at the API level);
 * `mode: pr` opens or updates one pull request per base branch with the regenerated code.
 */
export async function run(io: ActionIO): Promise<void> {
  const ctx = io.context();
  const mode = codegenActionMode(io.input('mode'));
  const loaded = await loadConfig(io.input('config-file') || undefined, ctx.workspace);
  const { outcome, report, notes, failure } = await codegenJob({
    mode,
    root: ctx.workspace,
    targets: configuredTargets(loaded),
    buf: () => import('../process/buf.js').then((m) => m.bufTools()),
  });
  for (const note of notes) io.info(note);
  io.setOutput('stale', String(outcome.stale));
  io.setOutput('breaking', String(outcome.breaking));
  io.setOutput('result', JSON.stringify(outcome));
  await io.summary(report.markdown);
  if (!outcome.stale) {
    io.info('generated code is up to date');
    return;
  }
  if (failure) throw failure;
  if (!ctx.repository) throw new ShipkitError('GITHUB_REPOSITORY is not set: cannot open a pull request');
  const base = codegenBase({ input: io.input('base'), configured: loaded.config.codegen?.base }, ctx);
  const gh = await io.github();
  const { gitDataApi } = await import('../github/git-data.js');
  const result = await openCodegenPr(gitDataApi(gh, ctx.repository.owner, ctx.repository.repo), {
    base,
    files: report.files,
    deletes: report.deletes,
    title: `chore(codegen): regenerate clients for ${base}`,
    body: `${report.markdown}\n\n<sub>Branch \`${codegenBranch(base)}\` is rebuilt by shipkit on every run.</sub>\n`,
  });
  io.setOutput('pull-request', result.url);
  io.info(`pull request ${result.action}: ${result.url}`);
}
