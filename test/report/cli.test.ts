import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { snapshotJson } from '../../src/report/json.js';
import { weekWindow } from '../../src/report/window.js';
import { shipkit } from '../harness/cli.js';
import { effectiveCommands } from '../harness/runner-commands.js';
import { ROOT } from '../harness/runner.js';
import { type DatedCommit, datedRepo, git } from './git-repo.js';

// 2026-W47: Monday 2026-11-16 00:00 UTC to Monday 2026-11-23 00:00 UTC.
const HOSTILE_SUBJECT = '<script>alert(1)</script> {{x}} @channel (#14)';
const COMMITS: DatedCommit[] = [
  { subject: 'chore: before the week', at: '2026-11-10T09:00:00Z', files: { 'CHANGELOG.md': '# old\n' } },
  { subject: 'side work', at: '2026-11-17T08:00:00Z', email: 'bob@example.com', branch: 'side' },
  {
    subject: 'feat: guide (#12)',
    at: '2026-11-17T10:00:00Z',
    files: { 'docs/guide.md': 'guide\n', 'src/a.ts': 'a\n' },
  },
  { subject: 'Merge pull request #13 from octo/side', at: '2026-11-18T10:00:00Z', merge: 1 },
  { subject: HOSTILE_SUBJECT, at: '2026-11-19T10:00:00Z', email: 'Carol@Example.com' },
  {
    subject: 'fix: again (#12)',
    at: '2026-11-20T10:00:00Z',
    files: { 'CHANGELOG.md': '# 1.0.0\n' },
    tag: { name: 'v1.0.0' },
  },
  {
    subject: 'chore: rebased',
    authoredAt: '2026-11-01T00:00:00Z',
    at: '2026-11-22T23:59:59Z',
    tag: { name: 'nightly' },
  },
  { subject: 'feat: at the end (#15)', at: '2026-11-23T00:00:00Z', tag: { name: 'v1.1.0' } },
  { subject: 'feat: later (#16)', at: '2026-11-25T00:00:00Z' },
];

/** The data branch: gate and perf history and last week's snapshot, plus a damaged snapshot. */
function addDataBranch(dir: string): void {
  const shas = git(dir, 'log', '--format=%H %cI', 'main')
    .trim()
    .split('\n')
    .map((l) => l.split(' '))
    .reverse();
  const files: Record<string, string> = {};
  shas.forEach(([sha = '', at = ''], i) => {
    const pct = 88 + i;
    files[`gate/${sha.slice(0, 2)}/${sha}.json`] = JSON.stringify({
      schemaVersion: 1,
      commit: sha,
      createdAt: new Date(at).toISOString(),
      coverage: { lines: { covered: pct, total: 100, pct }, files: {}, formats: ['lcov'] },
    });
    const stamp = new Date(at).toISOString().replace(/[:.]/g, '-');
    files[`perf/${stamp}-${sha}.json`] = JSON.stringify({
      schemaVersion: 1,
      commit: sha,
      createdAt: new Date(at).toISOString(),
      tool: 'vitest',
      metrics: {
        'parse\n::error::owned <b>': { unit: 'ms', direction: 'smaller', median: 10 + i / 10, n: 5 },
      },
    });
  });
  const past = buildReport({
    window: weekWindow('2026-W46'),
    generatedAt: '2026-11-20T00:00:00Z',
    activity: { commits: 5 },
  });
  files['report/2026-W46.json'] = snapshotJson(past);
  files['report/2026-W45.json'] = '{"schemaVersion":1,"window":{}}';
  const stream = [
    'commit refs/heads/shipkit-data\ncommitter D <d@example.com> 1760000000 +0000\ndata 5\ndata\n',
  ];
  for (const [path, content] of Object.entries(files)) {
    stream.push(`M 100644 inline ${path}\ndata ${Buffer.byteLength(content)}\n${content}\n`);
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: `${stream.join('')}\n` });
}

const repo = datedRepo(COMMITS);
addDataBranch(repo);

function gitLogCounts(dir: string, since: string, until: string, ref = 'main') {
  const log = (format: string) =>
    git(dir, 'log', `--since=${since}`, `--until=${until}`, `--format=${format}`, ref)
      .split('\n')
      .filter(Boolean);
  const created = git(dir, 'for-each-ref', '--format=%(refname:strip=2) %(creatordate:unix)', 'refs/tags')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(' '))
    .filter(
      ([name, t]) =>
        /^v\d+\.\d+\.\d+$/.test(name ?? '') &&
        Number(t) >= Date.parse(since) / 1000 &&
        Number(t) < Date.parse(until) / 1000,
    );
  return {
    commits: log('%H').length,
    authors: new Set(log('%aE').map((e) => e.toLowerCase())).size,
    tags: created.map(([name]) => name),
  };
}

describe('shipkit report on a real git repository', () => {
  it('agrees with git log for commits, authors and tags in the week; (#N) subjects counted once', async () => {
    const out = mkdtempSync(join(tmpdir(), 'shipkit-report-out-'));
    const run = await shipkit(['report', '--week', '2026-W47', '--out', out, '--repo', 'octo/demo'], repo);
    expect(run.stderr).toContain('shipkit-data:report/2026-W45.json: skipped: ');
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['report.html', 'report.json', 'report.md', 'slack.json']);
    const s = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    // --until is inclusive in git: one second before the exclusive end
    const expected = gitLogCounts(repo, '2026-11-16T00:00:00Z', '2026-11-22T23:59:59Z');
    expect(expected).toEqual({ commits: 6, authors: 3, tags: ['v1.0.0'] });
    expect(s.activity).toMatchObject({
      commits: expected.commits,
      authors: expected.authors,
      pullRequestsMerged: 3,
    });
    expect(s.activity.sources.pullRequestsMerged).toContain('(#N)');
    expect(s.activity.pullRequestsOpened).toEqual({
      status: 'n/a',
      reason: expect.stringContaining('GitHub API'),
    });
    expect(s.releases.map((r: { tag: string }) => r.tag)).toEqual(expected.tags);
    expect(s.changes.documentation).toMatchObject({ commits: 1, files: 1 });
    expect(s.changes.changelog).toMatchObject({ commits: 1, file: 'CHANGELOG.md' });
    // trends from the data branch: last week's snapshot and this week in the activity chart
    expect(s.activityTrend).toEqual([
      { from: '2026-11-09T00:00:00Z', commits: 5 },
      { from: '2026-11-16T00:00:00Z', commits: 6, pullRequestsMerged: 3 },
    ]);
    expect(s.coverage.current).toBe(88 + 6); // the last commit before the end (index 6)
    expect(s.coverage.previous).toBe(88);
    expect(s.performance.benchmarks).toHaveLength(1);
    expect(s.repository).toBe('octo/demo');
    expect(s.tests.status).toBe('n/a');
  });

  it('a clone of this project: the report agrees with git log', async () => {
    const clone = mkdtempSync(join(tmpdir(), 'shipkit-clone-'));
    execFileSync('git', ['clone', '-q', '--no-local', ROOT, clone]);
    // from the day of the first commit to yesterday: the whole history but today's (a window must have ended)
    const first = git(clone, 'log', '--reverse', '--format=%cI', 'origin/HEAD').split('\n')[0] ?? '';
    const from = new Date(Date.parse(first)).toISOString().slice(0, 10);
    const to = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const run = await shipkit(['report', '--from', from, '--to', to, '--json'], clone);
    expect(run.code).toBe(0);
    const s = JSON.parse(run.stdout);
    const until = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000 - 1000).toISOString();
    const expected = gitLogCounts(clone, `${from}T00:00:00Z`, until, 'origin/HEAD');
    expect(expected.commits).toBeGreaterThan(0);
    expect({ commits: s.activity.commits, authors: s.activity.authors }).toEqual({
      commits: expected.commits,
      authors: expected.authors,
    });
    expect(s.defaultBranch).toBe(
      git(clone, 'rev-parse', '--abbrev-ref', 'origin/HEAD').trim().replace('origin/', ''),
    );
  });

  it('hostile names print as text: no workflow command on stdout in a run: step', async () => {
    const run = await shipkit(['report', '--week', '2026-W47'], repo, { GITHUB_ACTIONS: 'true' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('parse ::error::owned \\<b\\>');
    expect(effectiveCommands(run.stdout)).toEqual([]);
    expect(effectiveCommands(run.stderr)).toEqual([]);
  });

  it('render --snapshot reproduces every file byte for byte', async () => {
    const out = mkdtempSync(join(tmpdir(), 'shipkit-report-a-'));
    const again = mkdtempSync(join(tmpdir(), 'shipkit-report-b-'));
    expect((await shipkit(['report', '--week', '2026-W47', '--out', out], repo)).code).toBe(0);
    const render = await shipkit(
      ['report', 'render', '--snapshot', join(out, 'report.json'), '--out', again],
      repo,
    );
    expect(render.code).toBe(0);
    for (const f of readdirSync(out))
      expect(readFileSync(join(again, f), 'utf8')).toBe(readFileSync(join(out, f), 'utf8'));
  });

  it('--fail-on red exits 1 on red; bad input is one line, and nothing is written', async () => {
    // coverage 94 % < threshold 99 % (required): red
    const cfg = join(repo, 'strict.yml');
    writeFileSync(cfg, 'report:\n  thresholds:\n    coverage: 99\n');
    const red = await shipkit(
      ['report', '--week', '2026-W47', '--config', 'strict.yml', '--fail-on', 'red'],
      repo,
    );
    expect(red.code).toBe(1);
    const notFailing = await shipkit(['report', '--week', '2026-W47', '--config', 'strict.yml'], repo);
    expect(notFailing.code).toBe(0);
    const future = await shipkit(['report', '--week', '2030-W01'], repo);
    expect(future.code).toBe(1);
    expect(future.stderr.trim().split('\n')[0]).toMatch(/the window 2030-W01 has not ended yet/);
    const out = mkdtempSync(join(tmpdir(), 'shipkit-report-bad-'));
    const damaged = join(out, 'report.json');
    writeFileSync(damaged, '{"schemaVersion":1,"generatedAt":"x"}');
    const bad = await shipkit(['report', 'render', '--snapshot', damaged, '--out', join(out, 'o')], repo);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/report\.json.*not valid: generatedAt/);
    expect(readdirSync(out)).toEqual(['report.json']);
    rmSync(damaged);
    const blocked = join(out, 'a-file');
    writeFileSync(blocked, 'not a directory\n');
    const cannotWrite = await shipkit(
      ['report', '--week', '2026-W47', '--out', join(blocked, 'report')],
      repo,
    );
    expect(cannotWrite.code).toBe(1);
    expect(cannotWrite.stderr).not.toMatch(/^\s+at /m);
    expect(cannotWrite.stderr).toMatch(/cannot write the report to .*a-file\/report: not a directory/);
    expect(readFileSync(blocked, 'utf8')).toBe('not a directory\n');
    writeFileSync(join(repo, 'bad.yml'), 'report:\n  required: [coverag]\n');
    const badConfig = await shipkit(['report', '--week', '2026-W47', '--config', 'bad.yml'], repo);
    expect(badConfig.code).toBe(1);
    expect(badConfig.stderr).toMatch(/^bad\.yml:2:\d+: .*report\.required\[0\]/m);
    const schema = await shipkit(['report', 'schema'], repo);
    expect(JSON.parse(schema.stdout).title).toContain('report.json');
  });
});
