import type { ReportConfig } from '../config/sections/report.js';
import { parseGateSummary } from '../gate/baseline.js';
import { parseRun } from '../perf/history.js';
import { localGit } from '../process/git.js';
import type { ReportInputs } from '../report/build.js';
import { gitActivity, type LoggedCommit } from '../report/git-activity.js';
import {
  COMMITS_BEFORE,
  earlierGateFiles,
  keepSnapshots,
  parseDataFile,
  pickHistoryFiles,
  type WindowCommitTime,
} from '../report/history-files.js';
import { parseSnapshot } from '../report/json.js';
import type { ReportWindow } from '../report/snapshot.js';
import { inWindow } from '../report/window.js';
import { type Git, listTags } from '../scm/git.js';

/**
 * The report's offline collector: every git call of `shipkit report` is here. It reads the
 * default branch's log for the window (one `git log`), the tags (one `for-each-ref`), and, when
 * the data branch is present locally, the gate summaries, perf runs and past snapshots on it
 * (one `ls-tree`, one `cat-file --batch`). A damaged history file is skipped with a warning.
 */

const MAX_BLOB = 5 * 1024 * 1024;

export interface GitCollectOptions {
  cwd: string;
  window: ReportWindow;
  /** The ref whose history counts; default: origin/HEAD, else HEAD. */
  ref?: string;
  /** The data branch's name (local branch or origin/<name>). */
  dataBranch: string;
  tagPrefix: string;
  /** `report.documentation_paths`, and the changelog of the `release:` section. */
  settings: Pick<ReportConfig, 'documentation_paths'> & { changelog: string };
  warn: (message: string) => void;
}

/** The default branch: `origin/HEAD` when the clone has it, else the checked-out HEAD. */
async function defaultRef(git: Git): Promise<{ ref: string; name: string }> {
  const { code, out } = await git.run(['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'], {
    allowFail: true,
  });
  if (code === 0 && out.trim()) {
    const ref = out.trim().replace(/^refs\/remotes\//, '');
    return { ref, name: ref.replace(/^origin\//, '') };
  }
  const head = await git.run(['rev-parse', '--abbrev-ref', 'HEAD'], { allowFail: true });
  return { ref: 'HEAD', name: head.code === 0 ? head.out.trim() : 'HEAD' };
}

const RS = '\x1e';
const US = '\x1f';

/** Commits reachable from `ref` whose committer date is at or after `since` (seconds), with their files. */
async function logSince(git: Git, ref: string, since: number, until: number): Promise<LoggedCommit[]> {
  const { out } = await git.run([
    '-c',
    'core.quotepath=off',
    'log',
    `--format=${RS}%H${US}%ct${US}%aE${US}%s`,
    '--name-only',
    `--since=@${since}`,
    `--until=@${until}`,
    ref,
    '--',
  ]);
  return out
    .split(RS)
    .slice(1)
    .map((record) => {
      const [head = '', ...files] = record.split('\n');
      const [sha = '', ct = '0', email = '', subject = ''] = head.split(US);
      return { sha, committed: Number(ct), authorEmail: email, subject, files: files.filter(Boolean) };
    });
}

/** The last `count` commits reachable from `ref` committed before `before` (seconds), newest first. */
async function logBefore(git: Git, ref: string, before: number, count: number): Promise<WindowCommitTime[]> {
  const { out } = await git.run([
    'log',
    `-n${count}`,
    '--format=%H %ct',
    `--until=@${before - 1}`,
    ref,
    '--',
  ]);
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [sha = '', ct = '0'] = line.split(' ');
      return { sha, at: Number(ct) * 1000 };
    });
}

/** `git cat-file --batch`: many blobs through one process; a missing one is absent from the map. */
async function readBlobs(git: Git, specs: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (specs.length === 0) return found;
  const chunks: Buffer[] = [];
  await git.stream(
    ['cat-file', '--batch'],
    (c) => {
      chunks.push(c);
      return undefined;
    },
    { input: `${specs.join('\n')}\n` },
  );
  const data = Buffer.concat(chunks);
  let at = 0;
  for (const spec of specs) {
    const nl = data.indexOf(10, at);
    const header = data.toString('utf8', at, nl);
    at = nl + 1;
    if (header.endsWith(' missing')) continue;
    const size = Number(header.split(' ')[2]);
    if (size <= MAX_BLOB) found.set(spec, data.toString('utf8', at, at + size));
    at += size + 1;
  }
  return found;
}

/** The data branch as a local ref, or undefined when neither `<name>` nor `origin/<name>` exists. */
async function dataRef(git: Git, name: string): Promise<string | undefined> {
  for (const ref of [`refs/heads/${name}`, `refs/remotes/origin/${name}`]) {
    const { code } = await git.run(['rev-parse', '--verify', '--quiet', ref], { allowFail: true });
    if (code === 0) return ref;
  }
  return undefined;
}

/**
 * The gate summaries, perf runs and past snapshots the trends draw, picked by the rule the action's
 * API reader follows (src/report/history-files.ts): first the window's commits' summaries, the perf
 * runs and the snapshots, then the summaries of the commits those snapshots drew.
 */
async function readHistory(
  o: GitCollectOptions,
  git: Git,
  commits: { window: readonly WindowCommitTime[]; before: readonly WindowCommitTime[] },
): Promise<ReportInputs['history']> {
  const branch = await dataRef(git, o.dataBranch);
  if (!branch) {
    return {
      status: 'n/a',
      reason: `the data branch ${o.dataBranch} is not here: \`git fetch origin ${o.dataBranch}:${o.dataBranch}\` to draw trends`,
    };
  }
  // blob ids from the listing: `cat-file` then reads objects by id (a `<ref>:<path>` each would
  // re-read the big perf/ tree for every file)
  const { out } = await git.run(['ls-tree', '-r', '-z', branch, '--', 'gate', 'perf', 'report']);
  const all = out
    .split('\0')
    .map((entry) => /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry))
    .flatMap((m) => (m?.[1] && m[2] !== undefined ? [{ id: m[1], path: m[2] }] : []));
  const picked = pickHistoryFiles(all, o.window, commits.window, commits.before);
  const read = async <T>(
    files: readonly { id: string; path: string }[],
    parse: (text: string, file: string) => T | string,
  ) => {
    const blobs = await readBlobs(
      git,
      files.map((f) => f.id),
    );
    const found: T[] = [];
    for (const { id, path } of files) {
      const text = blobs.get(id);
      const file = `${o.dataBranch}:${path}`;
      const value = text === undefined ? undefined : parseDataFile(parse, text, file, o.warn);
      if (value !== undefined) found.push(value);
    }
    return found;
  };
  const [perf, found] = await Promise.all([
    read(picked.perf, parseRun),
    read(picked.snapshots, parseSnapshot),
  ]);
  const snapshots = keepSnapshots(found, o.window);
  const gate = await read(
    [...picked.gate, ...earlierGateFiles(all, snapshots, o.window, picked.gate)],
    parseGateSummary,
  );
  return {
    gate,
    perf,
    snapshots,
    source: `${o.dataBranch} (${branch.replace(/^refs\/(heads|remotes)\//, '')}, read with git)`,
    beforeWindow: commits.before.map((c) => c.sha),
  };
}

/** Everything git holds for the report; what only the API can say is left out (n/a in buildReport). */
export async function collectFromGit(o: GitCollectOptions): Promise<Omit<ReportInputs, 'generatedAt'>> {
  const git = localGit(o.cwd);
  const { ref, name } = o.ref ? { ref: o.ref, name: o.ref } : await defaultRef(git);
  const from = Date.parse(o.window.from) / 1000;
  const to = Date.parse(o.window.to) / 1000;
  const [commits, before, tags] = await Promise.all([
    logSince(git, ref, from, to),
    logBefore(git, ref, from, COMMITS_BEFORE),
    listTags(git),
  ]);
  const found = gitActivity(commits, tags, o.window, { ref, tagPrefix: o.tagPrefix, ...o.settings });
  const windowCommits = commits.filter((c) => inWindow(o.window, c.committed * 1000));
  const history = await readHistory(o, git, {
    window: windowCommits.map((c) => ({ sha: c.sha, at: c.committed * 1000 })),
    before,
  });
  return { window: o.window, defaultBranch: name, ...found, history };
}
