import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shipkit } from '../harness/cli.js';
import { ROOT, runAction } from '../harness/runner.js';

/**
 * `shipkit bench compare` and the perf-gate action, on the same two files and the same
 * `gates.performance`, must reach the same outcome: the CLI's `--out` file is the action's
 * `result` output, and the exit codes and verdicts agree.
 */
const CASES: {
  name: string;
  config: string;
  base: string;
  head: string;
  verdict: string;
  /** github-action-benchmark custom JSON: the `direction` input and the `--direction` flag. */
  direction?: string;
}[] = [
  {
    name: 'a real hyperfine regression, no limits',
    config: 'gates:\n  performance:\n    regression: 5%\n',
    base: 'perf/hyperfine/base.json',
    head: 'perf/hyperfine/head.json',
    verdict: 'fail',
  },
  {
    name: 'no regression, but k6 latency and thresholds exceed the configured limits',
    config: 'gates:\n  performance:\n    latency_p99: 15ms\n    throughput: 2+ req/sec\n',
    base: 'perf/k6/summary-export.json',
    head: 'perf/k6/summary-export.json',
    verdict: 'fail',
  },
  {
    name: 'a limit exceeded with action: warn_if_exceeded',
    config: 'gates:\n  performance:\n    latency_p99: 1ns\n    action: warn_if_exceeded\n',
    base: 'perf/go/bench.txt',
    head: 'perf/go/bench.txt',
    verdict: 'warn',
  },
  {
    name: 'a regression reported only (informational)',
    config: 'gates:\n  performance:\n    action: informational\n',
    base: 'perf/hyperfine/base.json',
    head: 'perf/hyperfine/head.json',
    verdict: 'pass',
  },
  {
    name: 'github-action-benchmark custom JSON, bigger is better, against itself',
    config: 'gates:\n  performance:\n    regression: 5%\n',
    base: 'perf/custom/customBiggerIsBetter_output.json',
    head: 'perf/custom/customBiggerIsBetter_output.json',
    verdict: 'pass',
    direction: 'bigger',
  },
  {
    name: 'a real Benchmark.js slowdown',
    config: 'gates:\n  performance:\n    regression: 5%\n',
    base: 'perf/benchmarkjs/slowdown-base.txt',
    head: 'perf/benchmarkjs/slowdown-slow.txt',
    verdict: 'fail',
  },
];

const SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';

async function workspace(config: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'shipkit-perf-parity-'));
  await cp(join(ROOT, 'test/fixtures/perf'), join(dir, 'perf'), { recursive: true });
  await mkdir(join(dir, '.github'));
  await writeFile(join(dir, '.github/shipkit.yml'), config);
  return dir;
}

describe('bench compare and actions/perf-gate agree', () => {
  it.each(CASES)('$name', async ({ config, base, head, verdict, direction }) => {
    const ws = await workspace(config);
    const flags = direction ? ['--direction', direction] : [];
    const [action, json, out] = await Promise.all([
      runAction({
        action: 'actions/perf-gate',
        inputs: { results: head, 'base-results': base, ...(direction ? { direction } : {}) },
        workspace: ws,
        sha: SHA,
      }),
      shipkit(['bench', 'compare', '--base', base, '--head', head, ...flags, '--json'], ws),
      shipkit(
        [
          'bench',
          'compare',
          '--base',
          base,
          '--head',
          head,
          ...flags,
          '--out',
          'outcome.json',
          '--commit',
          SHA,
        ],
        ws,
      ),
    ]);
    expect(action.outputs.verdict).toBe(verdict);
    expect(JSON.parse(json.stdout).verdict).toBe(verdict);
    expect(json.code).toBe(action.exitCode);
    expect(out.code).toBe(action.exitCode);
    const fromCli = JSON.parse(await readFile(join(ws, 'outcome.json'), 'utf8'));
    expect(fromCli).toEqual(JSON.parse(action.outputs.result ?? ''));
  });
});
