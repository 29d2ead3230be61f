import { collectFromGit } from '../../cli/report-git.js';
import { truncate } from '../../render/markdown.js';
import { buildReport } from '../../report/build.js';
import { renderReport } from '../../report/render.js';
import { isoWeekOf, weekWindow } from '../../report/window.js';
import type { CommandRun } from './types.js';

/** A reply holds at most this many characters of the report (GitHub caps a comment at 65,536). */
const REPORT_LIMIT = 60_000;

/**
 * `/report`: the weekly report for the week so far (Monday 00:00 UTC to now), by the report core
 * over the default branch's history in the job's checkout (`fetch-depth: 0`; the data branch's
 * trends when it is fetched too), rendered as Markdown in the reply. What was not collected here
 * shows as n/a with its reason, never as a pass.
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
  const snapshot = buildReport(
    {
      ...collected,
      generatedAt: now.toISOString(),
      repository: `${r.repo.owner}/${r.repo.repo}`,
    },
    r.config.report,
  );
  const markdown = renderReport(snapshot, ['markdown'])[0]?.content ?? '';
  return truncate(markdown, REPORT_LIMIT, { note: 'truncated: run `shipkit report` for the whole report' });
}
