import { checkTargets, configuredTargets } from '../codegen/check.js';
import { codegenBranch, openCodegenPr } from '../github/codegen-pr.js';
import { loadConfig } from '../config/load.js';
import { ShipkitError } from '../errors.js';
import type { ActionIO } from './runtime.js';

/**
 * `command: codegen`: regenerates every target of shipkit.yml's codegen section in memory.
 * `mode: check` fails when the committed code differs (summary: what changed at the API level);
 * `mode: pr` opens or updates one pull request per base branch with the regenerated code.
 */
export async function run(io: ActionIO): Promise<void> {
  const ctx = io.context();
  const mode = io.input('mode').trim() || 'check';
  if (mode !== 'check' && mode !== 'pr') {
    throw new ShipkitError(`input \`mode\` must be check or pr, got ${JSON.stringify(mode)}`, {
      hint: 'Use `mode: check` on pull requests and `mode: pr` on push or schedule.',
    });
  }
  const loaded = await loadConfig(io.input('config-file') || undefined, ctx.workspace);
  const buf = () => import('../process/buf.js').then((m) => m.bufTools());
  const report = await checkTargets(configuredTargets(loaded), ctx.workspace, buf);
  for (const c of report.checks) for (const note of c.notes) io.info(`${c.target.spec}: ${note}`);
  io.setOutput('stale', String(report.stale));
  io.setOutput('breaking', String(report.checks.some((c) => c.changes.some((x) => x.breaking))));
  await io.summary(report.markdown);
  if (!report.stale) {
    io.info('generated code is up to date');
    return;
  }
  if (mode === 'check') {
    throw new ShipkitError('generated code is out of date with its spec', {
      hint: 'Run `shipkit codegen generate` and commit the result, or use `mode: pr`.',
      details: report.checks
        .filter((c) => !c.upToDate)
        .map(
          (c) =>
            new ShipkitError(
              `${c.target.out} is out of date: ${c.changes.length} API changes (${c.changes.filter((x) => x.breaking).length} breaking)`,
              { location: { file: c.target.spec } },
            ),
        ),
    });
  }
  if (!ctx.repository) throw new ShipkitError('GITHUB_REPOSITORY is not set: cannot open a pull request');
  const base = io.input('base').trim() || loaded.config.codegen?.base || branchOf(ctx.ref, ctx.defaultBranch);
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

function branchOf(ref: string, defaultBranch: string | undefined): string {
  if (ref.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length);
  if (defaultBranch !== undefined) return defaultBranch;
  throw new ShipkitError(`cannot tell the base branch from ref ${JSON.stringify(ref)}`, {
    hint: 'Set the `base` input (e.g. `base: main`).',
  });
}
