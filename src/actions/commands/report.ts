import { relative, resolve } from 'node:path';
import { collectFromGit } from '../../cli/report-git.js';
import { writeFilesAtomic } from '../../fs/atomic.js';
import { markdownText, truncate } from '../../render/markdown.js';
import { buildReport } from '../../report/build.js';
import { type Format, REPORT_FILES, renderReport } from '../../report/render.js';
import { isoWeekOf, weekWindow } from '../../report/window.js';
import type { CommandRun } from './types.js';

/** A reply holds at most this many characters of the report (GitHub caps a comment at 65,536). */
const REPORT_LIMIT = 60_000;

/** The artifact examples/workflows/commands.yml uploads the report's files as. */
export const REPORT_ARTIFACT = 'shipkit-report';

/**
 * `/report`: the weekly report for the week so far (Monday 00:00 UTC to now), by the report core
 * over the default branch's history in the job's checkout (`fetch-depth: 0`; the data branch's
 * trends when it is fetched too), rendered as Markdown in the reply. What was not collected here
 * shows as n/a with its reason, never as a pass. Every format of the report (report.md, .html,
 * .json, slack.json, as `report.formats` says) is written all or nothing to the `report-dir`
 * folder (an input, also an output); the workflow's next step uploads it as the artifact
 * the reply links to.
 */
export async function run(r: CommandRun): Promise<string> {
  const now = new Date();
  const week = weekWindow(isoWeekOf(now));
  const window = { from: week.from, to: now.toISOString().replace(/\.\d+Z$/, 'Z') };
  const collected = await collectFromGit({
    cwd: r.ctx.workspace,
    window,
    dataBranch: r.config.commands.bench.data_branch,
    tagPrefix: r.config.release.tag_prefix,
    settings: {
      documentation_paths: r.config.report.documentation_paths,
      changelog: r.config.release.changelog,
    },
    warn: r.io.warn,
  });
  const runId = process.env.GITHUB_RUN_ID;
  const runUrl = runId
    ? `${r.ctx.serverUrl}/${r.repo.owner}/${r.repo.repo}/actions/runs/${runId}`
    : undefined;
  const snapshot = buildReport(
    {
      ...collected,
      generatedAt: now.toISOString(),
      repository: `${r.repo.owner}/${r.repo.repo}`,
      ...(runUrl ? { runUrl } : {}),
    },
    r.config.report,
  );
  const formats: Format[] = [...new Set<Format>([...r.config.report.formats, 'markdown', 'json'])];
  const files = renderReport(snapshot, formats);
  const out = resolve(r.ctx.workspace, r.io.input('report-dir') || REPORT_ARTIFACT);
  await writeFilesAtomic(
    out,
    files.map((f) => [f.path, f.content] as const),
  );
  r.io.setOutput('report-dir', out);
  const markdown = files.find((f) => f.path === REPORT_FILES.markdown)?.content ?? '';
  const names = files.map((f) => `\`${f.path}\``).join(', ');
  const where = runUrl
    ? `The files (${names}) are in the artifact \`${REPORT_ARTIFACT}\` of [this run](${runUrl}#artifacts).`
    : `The files (${names}) are in ${markdownText(relative(r.ctx.workspace, out) || '.')} in the job's workspace.`;
  const body = truncate(markdown, REPORT_LIMIT - where.length - 2, {
    note: 'truncated: the artifact holds the whole report',
  });
  return `${body}\n\n${where}`;
}
