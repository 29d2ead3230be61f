// The weekly report over a year of stored history and a busy week, rendered to all four formats.
//
// Repository (one `git fast-import` into a temp dir, test/report/git-repo.ts): 52 weeks of 20 commits
// each, then a busy week of 300 squash-merged pull requests (`feat: … (#N)`) and 300 more direct
// commits from 40 authors, 3 release tags in it. Data branch `shipkit-data`: a gate summary
// (coverage with 200 per-file counts) and a perf run (6 metrics) for every commit, and the 51 past
// weekly snapshots, as actions/gate, actions/perf-gate and actions/report store them.
//
// Measured (median of whole processes, node start-up included): `shipkit report --week W --out DIR`
// (git log, tags, the data branch read with one `cat-file --batch`, the checkpoint, report.md,
// report.html, report.json, slack.json written atomically), and `shipkit report render --snapshot`.
// Beside it, its floor: the same git work from a bare node process. The budget of the issue: under 2 s and 200 MB. The API-call ratio against issue-metrics for the
// same week is measured against the GitHub stand-in by the report action's bench (g13).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup, figure, importTs, measureNode, measureSet, row } from './measure.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.env.SHIPKIT_DIST ? resolve(process.env.SHIPKIT_DIST) : join(root, 'dist');
const cli = join(dist, 'cli.js');
const WEEK = 7 * 86_400_000;

const [
  { datedRepo, git },
  { buildReport },
  { parseSnapshot, snapshotJson, snapshotPath },
  { isoWeekOf, weekWindow },
  { COMMITS_BEFORE, earlierGateFiles, keepSnapshots, pickHistoryFiles },
] = await importTs([
  'test/report/git-repo.ts',
  'src/report/build.ts',
  'src/report/json.ts',
  'src/report/window.ts',
  'src/report/history-files.ts',
]);

const busy = weekWindow('2026-W48');
const start = Date.parse(busy.from) - 52 * WEEK;
const commits = [];
for (let w = 0; w < 52; w++) {
  for (let i = 0; i < 20; i++) {
    const at = new Date(start + w * WEEK + i * 30_000_000).toISOString();
    commits.push({ subject: `chore: week ${w} change ${i}`, at, email: `dev${i % 12}@example.com` });
  }
}
const busyFrom = Date.parse(busy.from);
for (let i = 0; i < 600; i++) {
  const at = new Date(busyFrom + i * 1_000_000).toISOString();
  const pr = i % 2 === 0 ? ` (#${1000 + i / 2})` : '';
  const tag = i % 200 === 199 ? { name: `v2.${i}.0` } : undefined;
  const files = i % 50 === 0 ? { 'CHANGELOG.md': `${i}\n`, 'docs/x.md': `${i}\n` } : undefined;
  commits.push({
    subject: `feat: busy ${i}${pr}`,
    at,
    email: `dev${i % 40}@example.com`,
    ...(tag ? { tag } : {}),
    ...(files ? { files } : {}),
  });
}
const repo = datedRepo(commits);

const lines = git(repo, 'log', '--format=%H %cI', 'main').trim().split('\n');
const stream = [
  'commit refs/heads/shipkit-data\ncommitter D <d@example.com> 1760000000 +0000\ndata 5\ndata\n',
];
const add = (path, content) =>
  stream.push(`M 100644 inline ${path}\ndata ${Buffer.byteLength(content)}\n${content}\n`);
const perFile = Object.fromEntries(
  Array.from({ length: 200 }, (_, i) => [`src/module${i}.ts`, [80 + (i % 20), 100]]),
);
lines.forEach((line, n) => {
  const [sha, at] = line.split(' ');
  const createdAt = new Date(at).toISOString();
  const pct = 80 + (n % 13) / 2;
  add(
    `gate/${sha.slice(0, 2)}/${sha}.json`,
    JSON.stringify({
      schemaVersion: 1,
      commit: sha,
      createdAt,
      coverage: { lines: { covered: pct * 100, total: 10_000, pct }, files: perFile, formats: ['lcov'] },
    }),
  );
  const metrics = {};
  for (let m = 0; m < 6; m++)
    metrics[`metric ${m}`] = { unit: 'ms', direction: 'smaller', median: 10 + m + (n % 7) / 10, n: 10 };
  add(
    `perf/${createdAt.replace(/[:.]/g, '-')}-${sha}.json`,
    JSON.stringify({ schemaVersion: 1, commit: sha, createdAt, tool: 'vitest', metrics }),
  );
});
for (let w = 1; w <= 51; w++) {
  const window = weekWindow(isoWeekOf(new Date(busyFrom - w * WEEK)));
  const past = buildReport({
    window,
    generatedAt: window.to,
    activity: { commits: 20, authors: 12, pullRequestsMerged: 0 },
  });
  add(snapshotPath(window), snapshotJson(past));
}
execFileSync('git', ['fast-import', '--quiet'], {
  cwd: repo,
  input: `${stream.join('')}\n`,
  maxBuffer: 1 << 30,
});

// The floor: the git work the report needs, done by a bare node process with nothing parsed,
// checked or rendered: the window's log, the commits before it, the tags and the data branch's
// listing (at once, as shipkit runs them), then one `cat-file --batch` of the very blobs the report
// reads (picked here by the report's own rule, src/report/history-files.ts).
const fromS = Date.parse(busy.from) / 1000;
const toS = Date.parse(busy.to) / 1000;
const inWindow = git(repo, 'log', '--format=%H %ct', `--since=@${fromS}`, `--until=@${toS}`, 'main')
  .trim()
  .split('\n')
  .map((l) => l.split(' '))
  .filter(([, ct]) => Number(ct) < toS)
  .map(([sha, ct]) => ({ sha, at: Number(ct) * 1000 }));
const before = git(repo, 'log', `-n${COMMITS_BEFORE}`, '--format=%H %ct', `--until=@${fromS - 1}`, 'main')
  .trim()
  .split('\n')
  .map((l) => l.split(' '))
  .map(([sha, ct]) => ({ sha, at: Number(ct) * 1000 }));
const listing = git(repo, 'ls-tree', '-r', 'shipkit-data', '--', 'gate', 'perf', 'report')
  .trim()
  .split('\n')
  .map((l) => /^\d+ blob ([0-9a-f]+)\t(.*)$/.exec(l))
  .map((m) => ({ id: m[1], path: m[2] }));
const picked = pickHistoryFiles(listing, busy, inWindow, before);
const batch = execFileSync('git', ['cat-file', '--batch'], {
  cwd: repo,
  input: `${picked.snapshots.map((f) => f.id).join('\n')}\n`,
  maxBuffer: 1 << 28,
});
const texts = [];
for (let at = 0; at < batch.length; ) {
  const nl = batch.indexOf(10, at);
  const size = Number(batch.toString('utf8', at, nl).split(' ')[2]);
  texts.push(batch.toString('utf8', nl + 1, nl + 1 + size));
  at = nl + 1 + size + 1;
}
const snapshots = keepSnapshots(
  texts.map((t, i) => parseSnapshot(t, picked.snapshots[i].path)),
  busy,
);
const blobs = [
  ...picked.gate,
  ...earlierGateFiles(listing, snapshots, busy, picked.gate),
  ...picked.perf,
  ...picked.snapshots,
].map((f) => f.id);
const floorScript = `const { spawn } = require('node:child_process');
const run = (args, input) => new Promise((resolve, reject) => {
  const p = spawn('git', args, { cwd: ${JSON.stringify(repo)}, stdio: [input ? 'pipe' : 'ignore', 'pipe', 'inherit'] });
  let n = 0;
  p.stdout.on('data', (c) => { n += c.length; });
  p.on('error', reject);
  p.on('close', (code) => (code === 0 ? resolve(n) : reject(new Error(args.join(' ')))));
  if (input) p.stdin.end(input);
});
Promise.all([
  run(['log', '--format=%H%x1f%ct%x1f%aE%x1f%s', '--name-only', '--since=@${fromS}', '--until=@${toS}', 'main', '--']),
  run(['log', '-n${COMMITS_BEFORE}', '--format=%H %ct', '--until=@${fromS - 1}', 'main', '--']),
  run(['for-each-ref', 'refs/tags', '--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)%00%(creatordate:unix)']),
  run(['ls-tree', '-r', '-z', 'shipkit-data', '--', 'gate', 'perf', 'report']),
]).then(() => run(['cat-file', '--batch'], ${JSON.stringify(`${blobs.join('\n')}\n`)}));`;

const out = mkdtempSync(join(tmpdir(), 'shipkit-report-bench-'));
console.log(
  `${commits.length} commits (${600} in the busy week), ${lines.length} gate summaries and perf runs, 51 past snapshots`,
);
const m = measureSet(
  {
    ours: { args: [cli, 'report', '--week', busy.week, '--out', out], cwd: repo },
    floor: { args: ['-e', floorScript], cwd: repo },
  },
  { runs: 5 },
);
console.log(`the floor reads ${blobs.length} blobs of the data branch, as the report does`);
figure('shipkit report --week (4 formats), whole process', m.ours.ms, 'ms', {
  floor: { name: 'its git work from bare node', value: m.floor.ms },
  target: '< 2 s',
});
figure('  peak RSS', m.ours.rssMb, 'MB', {
  floor: { name: 'its git work from bare node', value: m.floor.rssMb },
  target: '< 200 MB',
});
const render = measureNode(
  [cli, 'report', 'render', '--snapshot', join(out, 'report.json'), '--out', join(out, 'again')],
  { runs: 5, cwd: repo },
);
row('shipkit report render --snapshot', render.ms, 'ms');
row('  peak RSS', render.rssMb, 'MB');
const bare = measureNode(['-e', ''], { runs: 5 });
row('bare node start-up (for scale)', bare.ms, 'ms');
cleanup();
rmSync(out, { recursive: true, force: true });
if (process.env.SHIPKIT_BENCH_KEEP) console.log(`kept the repository: ${repo}`);
else rmSync(repo, { recursive: true, force: true });
