import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitData } from '../harness/git-data.js';
import { startGitHubApi } from '../harness/github-api.js';
import { githubState } from '../harness/github-state.js';
import { ROOT, runAction } from '../harness/runner.js';
import { webhookExample } from '../harness/webhooks.js';

const F = join(ROOT, 'test/fixtures/perf');

async function workspace(config = ''): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'shipkit-perf-'));
  await cp(F, join(dir, 'perf'), { recursive: true });
  await mkdir(join(dir, '.github'));
  await writeFile(join(dir, '.github/shipkit.yml'), config);
  return dir;
}

describe('actions/perf-gate', () => {
  it('two files: a real 10x hyperfine slowdown fails with an ::error, summary and outputs', async () => {
    const ws = await workspace('gates:\n  performance:\n    regression: 5%\n');
    const run = await runAction({
      action: 'actions/perf-gate',
      inputs: { results: 'perf/hyperfine/head.json', 'base-results': 'perf/hyperfine/base.json' },
      workspace: ws,
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    expect(JSON.parse(run.outputs.regressed ?? '')).toEqual(['work']);
    expect(run.errors.map((e) => e.message)).toEqual([
      'performance gate failed: work regressed. See the job summary for the intervals and the trend.',
    ]);
    expect(run.summary).toContain('## ❌ Performance gate: fail');
    expect(run.summary).toMatch(/\| work \| .* s \(n=15\) \| .* s \(n=15\) \| \+\d+\.\d% \[\+\d/);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  it('history: empty is "no baseline" (pass); stored runs become the baseline and the Mermaid trend', async () => {
    const ws = await workspace('gates:\n  performance:\n    latency_p99: 500ms\n');
    const first = await runAction({
      action: 'actions/perf-gate',
      inputs: { results: 'perf/go/bench.txt', 'history-dir': 'history', 'save-history': 'true' },
      workspace: ws,
      sha: 'aaaaaaa1111111111111111111111111111111111',
    });
    expect(first.exitCode).toBe(0);
    expect(first.outputs.verdict).toBe('pass');
    expect(first.summary).toContain('🆕 no baseline');
    expect(first.summary).toContain('no baseline yet');
    expect(await readdir(join(ws, 'history'))).toEqual(['aaaaaaa1111111111111111111111111111111111.json']);

    const second = await runAction({
      action: 'actions/perf-gate',
      inputs: { results: 'perf/go/bench.txt', 'history-dir': 'history' },
      workspace: ws,
      sha: 'bbbbbbb2222222222222222222222222222222222',
    });
    expect(second.exitCode).toBe(0);
    const result = JSON.parse(second.outputs.result ?? '');
    expect(result.mode).toBe('history');
    const join20 = result.metrics.find((m: { name: string }) => m.name === 'BenchmarkJoin-2');
    expect(join20.verdict).toBe('unchanged');
    expect(second.summary).toContain(
      '```mermaid\nxychart-beta\n  title "BenchmarkFib20-2"\n  x-axis ["aaaaaaa", "bbbbbbb"]',
    );
    expect(second.summary).toContain('| p99 ≤ 500 ms | BenchmarkFib20-2 |');
  });

  it('k6 summary: latency_p99 and k6 thresholds (`true` = failed) fail the gate even with no baseline', async () => {
    const ws = await workspace('gates:\n  performance:\n    latency_p99: 15ms\n    throughput: 2+ req/sec\n');
    const run = await runAction({
      action: 'actions/perf-gate',
      inputs: { results: 'perf/k6/summary-export.json' },
      workspace: ws,
    });
    expect(run.exitCode).toBe(1);
    expect(run.errors[0]?.message).toBe(
      'performance gate failed: my_trend p99 ≤ 15 ms exceeded; http_reqs k6 threshold rate<100 failed; ' +
        'my_trend k6 threshold my_trend<1000 failed. See the job summary for the intervals and the trend.',
    );
    expect(run.summary).toContain('| throughput ≥ 2 /s | http\\_reqs | 3 /s | ✅ |');
    expect(run.summary).toContain('| k6 threshold rate\\<100 | http\\_reqs | 3 /s | ❌ failed |');
  });

  it('a k6 raw stream where a summary is expected: a clear ::error, no stack', async () => {
    const run = await runAction({
      action: 'actions/perf-gate',
      inputs: { results: 'perf/k6/raw-stream.json' },
      workspace: await workspace(),
    });
    expect(run.exitCode).toBe(1);
    expect(run.errors[0]?.properties.file).toMatch(/raw-stream\.json$/);
    expect(run.errors[0]?.message).toMatch(/raw JSON-lines stream.*--summary-export/);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  it('A/B mode: interleaved commands without a shell; the same command twice does not fail', async () => {
    const ws = await workspace();
    await writeFile(
      join(ws, 'spin.js'),
      'let s = 0; for (let i = 0; i < 2e6; i++) s += i; if (process.argv[2] !== "$HOME;") process.exit(3);\n',
    );
    const run = await runAction({
      action: 'actions/perf-gate',
      // "$HOME;" reaches the program as it is: no shell expands or splits it
      inputs: {
        'base-cmd': `${process.execPath} spin.js '$HOME;'`,
        'head-cmd': `${process.execPath} spin.js '$HOME;'`,
        samples: '10',
      },
      workspace: ws,
    });
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    const result = JSON.parse(run.outputs.result ?? '');
    expect(result.mode).toBe('ab');
    expect(result.metrics[0]).toMatchObject({
      name: 'wall time',
      unit: 'ms',
    });
    // 10 runs a side (the default), or 30 (a second round of 20) when a regressed or inconclusive first round was
    // re-measured; each of the three outcomes of a second round (confirmed, not reproduced, re-measured) says so in a note
    const n = result.metrics[0].head.n;
    expect(result.metrics[0].base.n).toBe(n);
    const remeasured = result.notes.some((x: string) =>
      /second interleaved round|re-measured|not reproduced by the other/.test(x),
    );
    expect(n === 10 ? !remeasured : n === 30 && remeasured).toBe(true);
    expect(result.metrics[0].verdict).not.toBe('regressed');
  });

  it('publishes one sticky PR comment against the API stand-in', async () => {
    const api = await startGitHubApi();
    try {
      const state = githubState(api, { owner: 'Codertocat', repo: 'Hello-World' });
      const ws = await workspace();
      const step = () =>
        runAction({
          action: 'actions/perf-gate',
          inputs: {
            results: 'perf/google-benchmark/bm.json',
            'base-results': 'perf/google-benchmark/bm.json',
            comment: 'true',
          },
          workspace: ws,
          token: 'ghs_16C7e42F292c6912E7710c838347Ae178B4a',
          apiUrl: api.url,
          event: { name: 'pull_request', payload: webhookExample('pull_request', 'opened') },
        });
      expect((await step()).exitCode).toBe(0);
      expect((await step()).exitCode).toBe(0);
      expect(state.commentsOn(2)).toHaveLength(1);
      expect(state.commentsOn(2)[0]?.body).toContain('Performance gate');
      expect(state.commentsOn(2)[0]?.body).toContain('BM\\_VectorPush');
      api.assertNoViolations();
    } finally {
      await api.close();
    }
  });

  it('the stored run keeps medians, spread and samples', async () => {
    const ws = await workspace();
    await runAction({
      action: 'actions/perf-gate',
      inputs: { results: 'perf/hyperfine/base.json', 'history-dir': 'h', 'save-history': 'true' },
      workspace: ws,
      sha: 'c0ffee0000000000000000000000000000000000',
    });
    const stored = JSON.parse(
      await readFile(join(ws, 'h/c0ffee0000000000000000000000000000000000.json'), 'utf8'),
    );
    expect(stored).toMatchObject({
      schemaVersion: 1,
      commit: 'c0ffee0000000000000000000000000000000000',
      tool: 'hyperfine',
    });
    expect(stored.metrics.work.n).toBe(15);
    expect(stored.metrics.work.samples).toHaveLength(15);
    expect(stored.metrics.work.spread).toBeGreaterThan(0);
  });

  it('data branch: a push to the default branch stores the run; a pull request compares against it', async () => {
    const api = await startGitHubApi();
    const repo = { owner: 'Codertocat', repo: 'Hello-World', readOnly: false };
    const git = gitData(api, repo);
    try {
      const TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';
      const push = webhookExample('push', undefined, (p) => p.ref === 'refs/heads/master');
      const ws = await workspace();
      const common = { action: 'actions/perf-gate', workspace: ws, token: TOKEN, apiUrl: api.url };
      const inputs = { results: 'perf/pytest-benchmark/bench.json', 'data-branch': 'shipkit-data' };
      const stored = await runAction({
        ...common,
        inputs,
        sha: '1111111111111111111111111111111111111111',
        event: { name: 'push', payload: push },
        env: { GITHUB_REF: 'refs/heads/master' },
      });
      expect(stored.errors).toEqual([]);
      expect(stored.outputs.verdict).toBe('pass');
      const runFiles = () =>
        Object.keys(git.files('shipkit-data')).filter((f) => !f.startsWith('perf/trends/'));
      const files = runFiles();
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(
        /^perf\/\d{4}-\d\d-\d\dT[\d-]+Z-1111111111111111111111111111111111111111\.json$/,
      );

      const prEvent = { name: 'pull_request', payload: webhookExample('pull_request', 'opened') };
      const number = (prEvent.payload as { number: number }).number;
      const pr = await runAction({
        ...common,
        inputs,
        sha: '2222222222222222222222222222222222222222',
        event: prEvent,
      });
      expect(pr.errors).toEqual([]);
      // the trend drawings beside the runs are not read (and skipped) as runs
      expect(pr.warnings.map((w) => w.message).filter((m) => m.includes('skipped'))).toEqual([]);
      const result = JSON.parse(pr.outputs.result ?? '');
      expect(result.mode).toBe('history');
      expect(result.metrics.every((m: { verdict: string }) => m.verdict !== 'no baseline')).toBe(true);
      // a pull request does not store its run (save-history: auto) but its trend drawings go to
      // perf/trends/pr-<number>/ in a commit of their own, and the summary shows them as images
      expect(runFiles()).toHaveLength(1);
      const tip = git.branch('shipkit-data') as string;
      const changed = git.git(['diff-tree', '--no-commit-id', '--name-only', '-r', tip]).split('\n');
      expect(changed.length).toBe(result.metrics.length);
      expect(changed.every((f) => f.startsWith(`perf/trends/pr-${number}/`) && f.endsWith('.svg'))).toBe(
        true,
      );
      for (const f of changed) expect(pr.summary).toContain(`/raw/${tip}/${f})`);
      expect(pr.summary).not.toContain('```mermaid');

      // a token that may not write (a fork): the same comparison, trends in Mermaid, no warning
      repo.readOnly = true;
      const fork = await runAction({
        ...common,
        inputs,
        sha: '3333333333333333333333333333333333333333',
        event: prEvent,
      });
      expect(fork.errors).toEqual([]);
      expect(fork.warnings).toEqual([]);
      expect(git.branch('shipkit-data')).toBe(tip);
      expect(fork.summary).toContain('x-axis ["1111111", "3333333"]');
      expect(fork.summary).not.toContain('/raw/');
      api.assertNoViolations();
    } finally {
      await api.close();
      git.close();
    }
  });

  it('data branch: the trend SVGs go into the commit that stores the run; summary and comment link them there', async () => {
    const api = await startGitHubApi();
    const git = gitData(api, { owner: 'Codertocat', repo: 'Hello-World' });
    try {
      const state = githubState(api, { owner: 'Codertocat', repo: 'Hello-World' });
      const TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';
      const ws = await workspace();
      const inputs = { results: 'perf/go/bench.txt', 'data-branch': 'shipkit-data', 'save-history': 'true' };
      const step = (sha: string, extra: Record<string, string> = {}) =>
        runAction({
          action: 'actions/perf-gate',
          workspace: ws,
          token: TOKEN,
          apiUrl: api.url,
          inputs: { ...inputs, ...extra },
          sha,
          event: { name: 'pull_request', payload: webhookExample('pull_request', 'opened') },
          // a GitHub Enterprise Server: the image addresses follow the run's server URL
          env: { GITHUB_SERVER_URL: 'https://ghe.example.com/' },
        });
      const first = await step('aaaaaaa1111111111111111111111111111111111');
      expect(first.errors).toEqual([]);
      const names: string[] = JSON.parse(first.outputs.result ?? '').metrics.map(
        (m: { name: string }) => m.name,
      );
      expect(names).toContain('BenchmarkFib20-2');

      const second = await step('bbbbbbb2222222222222222222222222222222222', { comment: 'true' });
      expect(second.errors).toEqual([]);
      // the first run's drawings under perf/trends/ are not read (and skipped) as runs
      expect(second.warnings.map((w) => w.message).filter((m) => m.includes('skipped'))).toEqual([]);
      const tip = git.branch('shipkit-data') as string;
      // two stores, two commits; the second holds this run and every metric's trend, nothing else
      expect(git.git(['rev-list', '--count', tip])).toBe('2');
      const changed = git.git(['diff-tree', '--no-commit-id', '--name-only', '-r', tip]).split('\n').sort();
      const index: { name: string; file: string; points: number }[] = JSON.parse(
        await readFile(join(second.outputs['trend-dir'] ?? '', 'trends.json'), 'utf8'),
      );
      expect(index.map((t) => t.name)).toEqual(names);
      expect(index.every((t) => t.points === 2)).toBe(true);
      expect(changed).toEqual(
        [
          ...index.map((t) => `perf/trends/${t.file}`),
          expect.stringMatching(/^perf\/.*-bbbbbbb2222222222222222222222222222222222\.json$/),
        ].sort(),
      );
      expect(changed.filter((f) => f.endsWith('.json'))).toHaveLength(1);

      const comment = state.commentsOn(2)[0]?.body ?? '';
      for (const t of index) {
        // the SVG on the data branch at that commit is the one given to later steps, byte for byte
        const local = await readFile(join(second.outputs['trend-dir'] ?? '', t.file), 'utf8');
        expect(git.git(['show', `${tip}:perf/trends/${t.file}`])).toBe(local.trim());
        expect(local).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="240" height="60"/);
        const url = `https://ghe.example.com/Codertocat/Hello-World/raw/${tip}/perf/trends/${t.file}`;
        expect(comment).toContain(`](${url}) |`);
        expect(second.summary).toContain(`](${url}) |`);
      }
      expect(comment).toContain('| BenchmarkFib20-2 | ![BenchmarkFib20-2 trend](');
      expect(comment).not.toContain('```mermaid');
      api.assertNoViolations();
    } finally {
      await api.close();
      git.close();
    }
  });

  it('trend-dir: one SVG per metric for later steps, also without any history', async () => {
    const run = await runAction({
      action: 'actions/perf-gate',
      inputs: { results: 'perf/hyperfine/head.json', 'base-results': 'perf/hyperfine/base.json' },
      workspace: await workspace(),
    });
    const dir = run.outputs['trend-dir'] ?? '';
    expect(dir).not.toBe('');
    const index = JSON.parse(await readFile(join(dir, 'trends.json'), 'utf8'));
    expect(index).toEqual([
      { name: 'work', unit: 's', file: expect.stringMatching(/^work-[0-9a-f]{10}\.svg$/), points: 1 },
    ]);
    expect((await readdir(dir)).sort()).toEqual([index[0].file, 'trends.json'].sort());
    // this run regressed: its point is red
    expect(await readFile(join(dir, index[0].file), 'utf8')).toContain('fill="#cf222e"');
  });
});
