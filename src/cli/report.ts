import { resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { ShipkitError } from '../errors.js';
import { writeFilesAtomic } from '../fs/atomic.js';
import { readText } from '../fs/read.js';
import { jsonForLog } from '../render/log.js';
import { buildReport } from '../report/build.js';
import { parseSnapshot, reportJsonSchema, snapshotJson } from '../report/json.js';
import { type RenderedFile, renderReport } from '../report/render.js';
import type { ReportSnapshot } from '../report/snapshot.js';
import { resolveWindow } from '../report/window.js';
import {
  type CliIO,
  type CommandLine,
  commandOptions,
  optionString,
  parseVerbCommand,
  UsageError,
} from './args.js';
import { collectFromGit } from './report-git.js';

const HELP = `Usage:
  shipkit report [--week 2026-W49 | --from DATE --to DATE] [--repo owner/name] [--out DIR] [--json]
                 [--fail-on red|yellow] [--ref REF] [--data-branch NAME] [--config FILE]
      The weekly report of the local clone: commits reachable from the default branch (origin/HEAD,
      else HEAD; --ref to choose) with their committer date in the window, distinct authors, pull
      requests named in the subjects as (#N), release tags, documentation and CHANGELOG changes,
      and the trends of the data branch (default shipkit-data) when it is fetched. What only the
      GitHub API knows is n/a with the reason; with --repo and a token in GITHUB_TOKEN (or
      GH_TOKEN) it is read from the API as actions/report reads it. The window is the ISO week that ended most recently,
      or --week, or --from/--to (dates, --to included). --out writes report.md, report.html,
      report.json and slack.json (the formats of report: in shipkit.yml) all or nothing; without
      it the Markdown (or with --json the snapshot) is printed. --fail-on red exits 1 on a red
      checkpoint (yellow: on yellow or red).
  shipkit report render --snapshot report.json --out DIR
      Renders a saved snapshot again: the same bytes as when it was made.
  shipkit report schema
      Prints the JSON Schema of report.json (schema/report.schema.json).`;

const OPTIONS = commandOptions(
  ['week', 'from', 'to', 'repo', 'out', 'fail-on', 'ref', 'data-branch', 'config', 'snapshot'],
  ['json'],
);

export async function run(args: string[], io: CliIO): Promise<number> {
  const command = parseVerbCommand(
    args,
    { name: 'shipkit report', options: OPTIONS, help: HELP, verbs: ['render', 'schema'] },
    io,
  );
  if (!command) return 0;
  const { values, verb } = command;
  if (verb === 'schema') {
    io.out(jsonForLog(reportJsonSchema()));
    return 0;
  }
  if (verb === 'render') return render(values, io);
  const failOn = optionString(values, 'fail-on');
  if (failOn !== undefined && failOn !== 'red' && failOn !== 'yellow') {
    throw new UsageError(`--fail-on ${JSON.stringify(failOn)} is not red or yellow`, {
      hint: '--fail-on red exits 1 on a red checkpoint; --fail-on yellow also on yellow.',
    });
  }
  const repo = optionString(values, 'repo');
  if (repo !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(repo)) {
    throw new UsageError(`--repo ${JSON.stringify(repo)} is not owner/name`, {
      hint: 'e.g. --repo octo-org/octo-repo',
    });
  }
  const cwd = process.cwd();
  const now = new Date();
  const window = resolveWindow(
    {
      week: optionString(values, 'week'),
      from: optionString(values, 'from'),
      to: optionString(values, 'to'),
    },
    now,
  );
  const { config } = await loadConfig(optionString(values, 'config'), cwd);
  const collected = await collectFromGit({
    cwd,
    window,
    ref: optionString(values, 'ref'),
    dataBranch: optionString(values, 'data-branch') ?? 'shipkit-data',
    tagPrefix: config.release.tag_prefix,
    settings: { documentation_paths: config.report.documentation_paths, changelog: config.release.changelog },
    warn: (m) => io.err(`warning: ${m}`),
  });
  const api = repo ? await fromGitHub(values, window, collected, config, io) : undefined;
  const snapshot = buildReport(
    { ...collected, ...api, generatedAt: now.toISOString(), ...(repo ? { repository: repo } : {}) },
    config.report,
  );
  await output(snapshot, values, io, config.report.formats);
  const verdict = snapshot.checkpoint.verdict;
  return verdict === 'red' && failOn !== undefined ? 1 : verdict === 'yellow' && failOn === 'yellow' ? 1 : 0;
}

/** Writes the files all or nothing; a refusal (a file in the way, no permission) names the directory. */
async function writeAll(out: string, files: RenderedFile[]): Promise<void> {
  try {
    await writeFilesAtomic(
      resolve(out),
      files.map((f) => [f.path, f.content] as const),
    );
  } catch (err) {
    const reason = (err as Error).message.replace(/^[A-Z]+: /, '').split(',')[0];
    throw new ShipkitError(`cannot write the report to ${out}: ${reason}`, {
      location: { file: out },
      hint: 'Give --out a directory shipkit may create or write into; nothing was written.',
    });
  }
}

/**
 * With `--repo` and a token (GITHUB_TOKEN or GH_TOKEN), every section the report action reads from
 * the API is read here by the same collector (src/github/report-collect.ts), the data branch too
 * even when the clone has fetched it (both readers pick its files by one rule,
 * src/report/history-files.ts), and the same week must give the same report.json
 * (test/report/parity.test.ts). The client retries a
 * server error as the action's does (REPORT_RETRIES). Git's documentation and CHANGELOG checks
 * stay, as in the action.
 */
async function fromGitHub(
  values: CommandLine['values'],
  window: ReportSnapshot['window'],
  git: Awaited<ReturnType<typeof collectFromGit>>,
  config: Awaited<ReturnType<typeof loadConfig>>['config'],
  io: CliIO,
) {
  if (!process.env.GITHUB_TOKEN && !process.env.GH_TOKEN) return undefined;
  const { cliGitHub } = await import('./github.js');
  const { collectFromGitHub } = await import('../github/report-collect.js');
  const { REPORT_RETRIES } = await import('../github/report-section.js');
  const warn = (m: string) => io.err(`warning: ${m}`);
  // the action's retries: a server error twice makes the same section n/a on both sides
  const { gh, owner, repo } = await cliGitHub(values, warn, { retries: REPORT_RETRIES });
  return collectFromGitHub(
    gh,
    { owner, repo },
    {
      window,
      dataBranch: optionString(values, 'data-branch') ?? 'shipkit-data',
      ...(git.defaultBranch ? { defaultBranch: git.defaultBranch } : {}),
      blockingLabel: config.report.blocking_label,
      pointsPrefix: config.plan.labels.points,
      warn,
    },
  );
}

async function output(
  snapshot: ReportSnapshot,
  values: CommandLine['values'],
  io: CliIO,
  formats: Parameters<typeof renderReport>[1],
): Promise<void> {
  const out = optionString(values, 'out');
  if (out === undefined) {
    io.out(values.json ? snapshotJson(snapshot) : (renderReport(snapshot, ['markdown'])[0]?.content ?? ''));
    return;
  }
  const files = renderReport(snapshot, formats);
  await writeAll(out, files);
  if (values.json) io.out(snapshotJson(snapshot));
  else
    io.out(
      `Checkpoint ${snapshot.checkpoint.verdict}: wrote ${files.map((f) => f.path).join(', ')} to ${out}`,
    );
}

async function render(values: CommandLine['values'], io: CliIO): Promise<number> {
  const file = optionString(values, 'snapshot');
  const out = optionString(values, 'out');
  if (file === undefined || out === undefined) {
    throw new UsageError(`shipkit report render needs ${file === undefined ? '--snapshot' : '--out'}`, {
      hint: 'shipkit report render --snapshot report.json --out DIR',
    });
  }
  const text = readText(resolve(file), {
    kind: 'report',
    what: 'the report snapshot',
    file,
    hint: 'Give the report.json that `shipkit report --out DIR` wrote.',
  });
  const snapshot = parseSnapshot(text, file);
  const files = renderReport(snapshot);
  await writeAll(out, files);
  io.out(`Checkpoint ${snapshot.checkpoint.verdict}: wrote ${files.map((f) => f.path).join(', ')} to ${out}`);
  return 0;
}
