// The release pipeline on a large real-shaped history, beside conventional-changelog and git-cliff (same run).
//
// History: the real log behind @anthropic-ai/sdk's CHANGELOG.md (a dependency; written by release-please:
// 226 releases, 1210 entries with their Conventional Commit type, scope, subject, PR and breaking mark) is
// rebuilt as commits, one per entry, oldest first (test/release/changelog-history.ts, as the release
// tests do), and replicated 12 times with the major version shifted per copy (copy c releases
// 2c+M.m.p), tagging every 7th release of each copy plus its last: about 14.5k commits and 400 tags,
// imported with one `git fast-import` into a temp dir (test/release/git-repo.ts). Authors rotate over
// 60 names by PR number.
//
// Measured (median of whole processes, node start-up included):
//   - a full CHANGELOG: `shipkit release changelog --full` vs `conventional-changelog -p angular -r 0`
//     (conventional-changelog 8) vs `git-cliff` (its default conventional config);
//   - one release's notes over ~500 commits: `shipkit release notes --from A --to B --json` (all local
//     work: no GitHub calls — PR numbers come from the subjects here; the API budget is counted in
//     test/release/action.test.ts against the stand-in).
// Tools are installed into a temp dir from the npm registry (SHIPKIT_BENCH_TOOLS reuses a directory).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup, figure, importTs, measureCommand, measureNode, measureSet, row } from './measure.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.env.SHIPKIT_DIST ? resolve(process.env.SHIPKIT_DIST) : join(root, 'dist');
const cli = join(dist, 'cli.js');
const CYCLES = 12;
const TAG_EVERY = 7;

const [{ commitsOf, readChangelog, shiftMajor }, { makeRepo }] = await importTs([
  'test/release/changelog-history.ts',
  'test/release/git-repo.ts',
]);

/** The history described above, as a repository in `dir`. */
function buildRepo(dir) {
  const versions = readChangelog(join(root, 'node_modules/@anthropic-ai/sdk/CHANGELOG.md'));
  const options = {
    tagged: (i) => i % TAG_EVERY === 0 || i === versions.length - 1,
    author: (pr) => ({ name: `dev${(pr ?? 0) % 60}`, email: `dev${(pr ?? 0) % 60}@example.com` }),
  };
  const commits = [];
  for (let c = 0; c < CYCLES; c++) commits.push(...commitsOf(shiftMajor(versions, 2 * c), 'v', options));
  makeRepo(commits, dir, 1_600_000_000);
  writeFileSync(join(dir, 'package.json'), '{"name": "bench", "version": "0.0.0"}\n');
  return { commits: commits.length, tags: commits.flatMap((c) => c.tags ?? []).length };
}

function tools() {
  const dir = process.env.SHIPKIT_BENCH_TOOLS ?? mkdtempSync(join(tmpdir(), 'shipkit-release-tools-'));
  if (!existsSync(join(dir, 'node_modules/git-cliff'))) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"name": "tools", "private": true}\n');
    execFileSync(
      'npm',
      [
        'i',
        '--no-audit',
        '--no-fund',
        'conventional-changelog@8.1.3',
        'conventional-changelog-angular@9.4.0',
        'git-cliff@2.14.2',
      ],
      { cwd: dir, stdio: 'ignore' },
    );
  }
  return {
    conventional: join(dir, 'node_modules/conventional-changelog/dist/cli/index.js'),
    cliff: join(dir, 'node_modules/.bin/git-cliff'),
  };
}

/**
 * CPU milliseconds (user + system, the process and the git processes it waited for) of one run, via
 * /usr/bin/time when present: on a busy machine the wall time mostly measures the queue.
 */
function cpuSeconds(cmd, args, cwd) {
  if (!existsSync('/usr/bin/time')) return undefined;
  const r = spawnSync('/usr/bin/time', ['-f', 'CPU %U %S', cmd, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  return m ? (Number(m[1]) + Number(m[2])) * 1000 : undefined;
}

// SHIPKIT_BENCH_REPO=DIR keeps the history in DIR (built once) for profiling.
const keep = process.env.SHIPKIT_BENCH_REPO;
const repo = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'shipkit-release-bench-'));
try {
  const t0 = performance.now();
  if (keep) rmSync(repo, { recursive: true, force: true });
  const { commits, tags } = buildRepo(repo);
  console.log(
    `history: ${commits} commits, ${tags} tags (fast-import ${(performance.now() - t0).toFixed(0)} ms)`,
  );
  const t = tools();
  execFileSync(t.cliff, ['--init'], { cwd: repo, stdio: 'ignore' });

  // The floor: git listing every commit with its subject, body and tags, as the changelog reads them.
  const logArgs = ['log', '--decorate=full', '--format=%H%x00%s%x00%b%x00%D'];
  const full = measureSet(
    {
      ours: { args: [cli, 'release', 'changelog', '--full', '--tag-prefix', 'v'], cwd: repo },
      floor: { command: 'git', args: logArgs, cwd: repo },
    },
    { runs: 5 },
  );
  const ours = full.ours;
  const text = execFileSync(process.execPath, [cli, 'release', 'changelog', '--full', '--tag-prefix', 'v'], {
    cwd: repo,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  console.log(
    `shipkit full changelog: ${(text.match(/^## /gm) ?? []).length} release sections, ${(text.match(/^\* /gm) ?? []).length} entries`,
  );
  const cc = measureNode([t.conventional, '-p', 'angular', '-r', '0', '--stdout'], { runs: 1, cwd: repo });
  const cliff = measureCommand(t.cliff, ['--config', 'cliff.toml', '-o', join(repo, 'CLIFF.md')], {
    runs: 1,
    cwd: repo,
  });
  const gitLog = { name: 'git log', value: full.floor.ms };
  figure('full CHANGELOG, shipkit (ms)', ours.ms, 'ms', {
    floor: gitLog,
    anchor: { name: 'conventional-changelog', value: cc.ms },
  });
  figure('full CHANGELOG, shipkit (ms)', ours.ms, 'ms', {
    floor: gitLog,
    anchor: { name: 'git-cliff', value: cliff },
  });
  row('full CHANGELOG, conventional-changelog 8 (ms)', cc.ms, 'ms');
  row('full CHANGELOG, git-cliff 2.14 (ms)', cliff, 'ms');
  row('full CHANGELOG, shipkit peak RSS (MB)', ours.rssMb, 'MB');
  const fullArgs = [cli, 'release', 'changelog', '--full', '--tag-prefix', 'v'];
  const cpuOurs = cpuSeconds(process.execPath, fullArgs, repo);
  const cpuCc = cpuSeconds(process.execPath, [t.conventional, '-p', 'angular', '-r', '0', '--stdout'], repo);
  const cpuCliff = cpuSeconds(t.cliff, ['--config', 'cliff.toml', '-o', join(repo, 'CLIFF.md')], repo);
  if (cpuOurs !== undefined) {
    row('full CHANGELOG, shipkit CPU incl. git (ms)', cpuOurs, 'ms', 'conventional-changelog', cpuCc);
    row('full CHANGELOG, shipkit CPU incl. git (ms)', cpuOurs, 'ms', 'git-cliff', cpuCliff);
  }

  // One release of ~500 commits: the tags about 500 commits apart, near the newest end.
  const list = execFileSync(
    'git',
    ['tag', '--sort=-creatordate', '--format=%(refname:strip=2) %(objectname)'],
    {
      cwd: repo,
      encoding: 'utf8',
    },
  )
    .trim()
    .split('\n')
    .map((l) => l.split(' '));
  const [to] = list[0];
  let from = list[1][0];
  for (const [name] of list.slice(1)) {
    const n = Number(
      execFileSync('git', ['rev-list', '--count', `${name}..${to}`], { cwd: repo, encoding: 'utf8' }),
    );
    if (n > 500) break;
    from = name;
  }
  const n = Number(
    execFileSync('git', ['rev-list', '--count', `${from}..${to}`], { cwd: repo, encoding: 'utf8' }),
  );
  const one = measureSet(
    {
      notes: {
        args: [cli, 'release', 'notes', '--from', from, '--to', to, '--tag-prefix', 'v', '--json'],
        cwd: repo,
      },
      floor: { command: 'git', args: [...logArgs, `${from}..${to}`], cwd: repo },
      bare: { args: ['-e', '0'] },
    },
    { runs: 10 },
  );
  const { notes, bare } = one;
  figure(`one release's notes, ${n} commits ${from}..${to} (ms)`, notes.ms, 'ms', {
    floor: { name: `git log ${from}..${to}`, value: one.floor.ms },
    anchor: { name: 'bare node', value: bare.ms },
  });
  const notesArgs = [cli, 'release', 'notes', '--from', from, '--to', to, '--tag-prefix', 'v', '--json'];
  const cpuNotes = cpuSeconds(process.execPath, notesArgs, repo);
  const cpuBare = cpuSeconds(process.execPath, ['-e', '0'], repo);
  if (cpuNotes !== undefined)
    row("one release's notes, CPU incl. git (ms)", cpuNotes, 'ms', 'bare node', cpuBare);
  console.log(
    `load average while measuring: ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  if (!keep) rmSync(repo, { recursive: true, force: true });
  cleanup();
}
