import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { ShipkitError } from '../errors.js';
import { writeFilesAtomic } from '../fs/atomic.js';
import { isReadOnlyTokenError } from '../github/errors.js';
import { buildReport, type ReportInputs } from '../report/build.js';
import { snapshotJson, snapshotPath } from '../report/json.js';
import { type Format, REPORT_FILES, renderReport } from '../report/render.js';
import type { ReportSnapshot } from '../report/snapshot.js';
import { resolveWindow } from '../report/window.js';
import { dataBranchInput } from '../scm/branch-name.js';
import type { ActionIO } from './runtime.js';

/**
 * The weekly report in Actions: every section from the GitHub API (each n/a on its own when its
 * endpoint refuses), the workspace's git for the documentation and CHANGELOG checks, the report
 * core for the snapshot and checkpoint, then the files (all or nothing), the job summary, the
 * snapshot on the data branch (one per week), one issue per week updated in place, and Slack.
 */
export async function run(io: ActionIO): Promise<void> {
  const ctx = io.context();
  const repository = ctx.repository;
  if (!repository) throw new ShipkitError('no repository in the run context (GITHUB_REPOSITORY)');
  const { config } = await loadConfig(io.input('config-file') || undefined, ctx.workspace);
  const failOn = io.input('fail-on').trim();
  if (failOn !== '' && failOn !== 'red' && failOn !== 'yellow') {
    throw new ShipkitError(`input \`fail-on\` must be red, yellow or empty, got ${JSON.stringify(failOn)}`);
  }
  const now = new Date();
  const window = resolveWindow(
    {
      week: io.input('week') || undefined,
      from: io.input('from') || undefined,
      to: io.input('to') || undefined,
    },
    now,
  );
  const gh = await reportClient(io);
  const dataBranch = dataBranchInput(io.input('data-branch'));
  const { collectFromGitHub } = await import('../github/report-collect.js');
  const collected = await collectFromGitHub(gh, repository, {
    window,
    ...(dataBranch ? { dataBranch } : {}),
    ...(ctx.defaultBranch ? { defaultBranch: ctx.defaultBranch } : {}),
    blockingLabel: config.report.blocking_label,
    pointsPrefix: config.plan.labels.points,
    warn: io.warn,
  });
  const changes = await changesFromGit(ctx.workspace, window, config, io.warn);
  const runUrl = `${ctx.serverUrl}/${repository.owner}/${repository.repo}/actions/runs/${process.env.GITHUB_RUN_ID ?? ''}`;
  const inputs: ReportInputs = {
    ...collected,
    window,
    generatedAt: now.toISOString(),
    repository: `${repository.owner}/${repository.repo}`,
    ...(process.env.GITHUB_RUN_ID ? { runUrl } : {}),
    ...(changes ? { changes } : {}),
  };
  let snapshot = buildReport(inputs, config.report);
  if (io.booleanInput('assist') || config.report.assist)
    snapshot = await withNarrative(io, inputs, snapshot, config.report);
  const out = resolve(ctx.workspace, io.input('out') || 'shipkit-report');
  const formats: Format[] = [...new Set<Format>([...config.report.formats, 'json'])];
  const files = renderReport(snapshot, formats);
  await writeFilesAtomic(
    out,
    files.map((f) => [f.path, f.content] as const),
  );
  const markdown =
    files.find((f) => f.path === REPORT_FILES.markdown)?.content ??
    renderReport(snapshot, ['markdown'])[0]?.content ??
    '';
  await io.summary(markdown);
  const verdict = snapshot.checkpoint.verdict;
  io.setOutput('verdict', verdict);
  io.setOutput('out-dir', out);
  io.setOutput('snapshot', join(out, REPORT_FILES.json));
  io.info(
    `Checkpoint ${verdict} for ${window.week ?? `${window.from} – ${window.to}`}: wrote ${files.map((f) => f.path).join(', ')}`,
  );
  await publish(io, gh, repository, dataBranch, snapshot, markdown);
  // the input, else the variable named by report.slack_webhook_env (set from a secret, so masked)
  const envName = config.report.slack_webhook_env;
  const webhook = io.input('slack-webhook').trim() || (envName ? (process.env[envName] ?? '').trim() : '');
  if (webhook) {
    const { postToSlack } = await import('../net/slack.js');
    const slack = renderReport(snapshot, ['slack'])[0]?.content ?? '';
    const { attempts } = await postToSlack(webhook, slack, { warn: io.warn });
    io.info(`Posted the report to Slack${attempts > 1 ? ` (after ${attempts} attempts)` : ''}.`);
  }
  if ((failOn === 'red' && verdict === 'red') || (failOn === 'yellow' && verdict !== 'green')) {
    throw new ShipkitError(`the weekly checkpoint is ${verdict} (fail-on: ${failOn})`, {
      hint: 'The report lists each check with its reason; the files, summary and issue are written.',
    });
  }
}

/** A client whose reads retry a server error once (REPORT_RETRIES), so a broken section is n/a fast. */
async function reportClient(io: ActionIO) {
  const token = io.input('github-token');
  if (!token) return io.github(); // fails with the runtime's own message
  const ctx = io.context();
  const { createGitHub } = await import('../github/client.js');
  const { REPORT_RETRIES } = await import('../github/report-section.js');
  return createGitHub(token, {
    apiUrl: ctx.apiUrl,
    graphqlUrl: ctx.graphqlUrl,
    warn: io.warn,
    retries: REPORT_RETRIES,
  });
}

type GitHub = Awaited<ReturnType<typeof reportClient>>;

async function publish(
  io: ActionIO,
  gh: GitHub,
  repository: { owner: string; repo: string },
  dataBranch: string,
  snapshot: ReportSnapshot,
  markdown: string,
): Promise<void> {
  if (dataBranch && io.booleanInput('store-snapshot')) {
    const { storeSnapshot } = await import('../github/report-history.js');
    const written = await storeSnapshot(
      gh,
      { ...repository, branch: dataBranch },
      snapshot,
      snapshotJson(snapshot),
    ).catch(refused(`write ${dataBranch}`, '`contents: write`', 'store-snapshot'));
    io.setOutput('snapshot-commit', written.commit);
    io.info(`Stored ${dataBranch}:${snapshotPath(snapshot.window)} (${written.commit.slice(0, 7)}).`);
  }
  if (!io.booleanInput('issue')) return;
  if (!dataBranch) {
    throw new ShipkitError('input `issue: true` needs `data-branch`', {
      hint: 'The data branch is where the week is claimed, so that two runs never open two issues; set `data-branch: shipkit-data` or `issue: false`.',
    });
  }
  const { publishWeeklyIssue } = await import('../github/report-issue.js');
  const { truncate } = await import('../render/markdown.js');
  const key = snapshot.window.week ?? snapshotPath(snapshot.window).slice('report/'.length, -'.json'.length);
  const issue = await publishWeeklyIssue(
    gh,
    repository,
    { ...repository, branch: dataBranch },
    {
      key,
      title: `Weekly report ${key}: ${snapshot.checkpoint.verdict}`,
      // GitHub keeps at most 65 536 characters of an issue body
      body: truncate(markdown, 60_000),
      runId: `${process.env.GITHUB_RUN_ID ?? 'local'}-${process.env.GITHUB_RUN_ATTEMPT ?? '1'}-${process.pid}`,
    },
  ).catch(refused("publish the week's issue", '`issues: write` and `contents: write`', 'issue'));
  io.setOutput('issue-url', issue.url);
  io.setOutput('issue-number', String(issue.number));
  io.info(`Weekly report issue #${issue.number} ${issue.action}: ${issue.url}`);
}

/** GitHub's 403 `Resource not accessible by integration` on a write becomes one line saying which permission the job lacks (the files are written). */
function refused(what: string, permissions: string, input: string) {
  return (err: unknown): never => {
    if (!isReadOnlyTokenError(err)) throw err;
    throw new ShipkitError(`GitHub refused to ${what} (403: ${firstLine(err)})`, {
      hint: `Give the job \`permissions:\` ${permissions}, or set \`${input}: false\`. The report files and the job summary are written.`,
    });
  };
}

function firstLine(err: unknown): string {
  return String((err as Error).message ?? err)
    .split('\n')[0]
    ?.replace(/\s+-\s+https:\/\/docs\.github\.com\S*$/, '')
    .slice(0, 160) as string;
}

/** Documentation and CHANGELOG changes from the workspace's git history, when it was checked out. */
async function changesFromGit(
  workspace: string,
  window: ReportSnapshot['window'],
  config: Awaited<ReturnType<typeof loadConfig>>['config'],
  warn: (message: string) => void,
): Promise<ReportInputs['changes'] | undefined> {
  if (!existsSync(join(workspace, '.git'))) return undefined;
  try {
    const { collectFromGit } = await import('../cli/report-git.js');
    const git = await collectFromGit({
      cwd: workspace,
      window,
      dataBranch: 'shipkit-data',
      tagPrefix: config.release.tag_prefix,
      settings: {
        documentation_paths: config.report.documentation_paths,
        changelog: config.release.changelog,
      },
      warn,
    });
    return git.changes;
  } catch (err) {
    warn(
      `the workspace's git history could not be read (${(err as Error).message}); documentation and CHANGELOG checks are n/a`,
    );
    return undefined;
  }
}

async function withNarrative(
  io: ActionIO,
  inputs: ReportInputs,
  snapshot: ReportSnapshot,
  settings: Parameters<typeof buildReport>[1],
): Promise<ReportSnapshot> {
  const apiKey = io.input('anthropic-api-key');
  if (!apiKey) {
    io.warn('assist is on but there is no `anthropic-api-key`: the report has no narrative.');
    return snapshot;
  }
  const { draftNarrative } = await import('../ai/report-narrative.js');
  try {
    const narrative = await draftNarrative(snapshot, {
      apiKey,
      ...(io.input('model') ? { model: io.input('model') } : {}),
    });
    return buildReport({ ...inputs, narrative }, settings);
  } catch (err) {
    io.warn(`the narrative could not be drafted: ${(err as Error).message}`);
    return snapshot;
  }
}
