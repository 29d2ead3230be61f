import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalHistoryStore } from '../../src/fs/perf-history.js';
import { type Measure, runAb, splitCommand } from '../../src/perf/ab.js';
import { gateFromHistory } from '../../src/perf/gate.js';
import { toRun } from '../../src/perf/history.js';
import type { BenchResult } from '../../src/perf/model.js';
import { readBenchFile } from '../../src/perf/read.js';
import { DEFAULT_DETECT } from '../../src/perf/regression.js';
import { mermaidText, renderPerfGate, trendChart } from '../../src/perf/render.js';
import { perfSettings } from '../../src/perf/settings.js';
import { seededRandom } from '../../src/perf/stats.js';
import { markdownText } from '../../src/render/markdown.js';

const F = join(import.meta.dirname, '../fixtures/perf');
const settings = perfSettings(undefined);

/** A run of `n` hyperfine-like timings around `center` (seeded, so the test is fixed). */
function run(seed: number, center: number, n = 15, noise = 0.03): BenchResult {
  const r = seededRandom(seed);
  const samples = Array.from({ length: n }, () => center * (1 + noise * (r() + r() + r() - 1.5)));
  return {
    tool: 'hyperfine',
    metrics: [{ name: 'work', unit: 's', direction: 'smaller', value: center, samples }],
  };
}

describe('history mode', () => {
  it('stores per commit and loads oldest first, limited', async () => {
    const store = new LocalHistoryStore(await mkdtemp(join(tmpdir(), 'perf-h-')));
    for (let i = 0; i < 5; i++) await store.save(toRun(`c${i}`, run(i, 0.1), `2026-01-0${i + 1}T00:00:00Z`));
    const runs = await store.load(['work'], 3);
    expect(runs.map((r) => r.commit)).toEqual(['c2', 'c3', 'c4']);
    expect(await store.load(['other'], 3)).toEqual([]);
  });

  it('a damaged stored run is skipped with a warning naming the file and the metric', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'perf-h-'));
    const warnings: string[] = [];
    const store = new LocalHistoryStore(dir, (w) => warnings.push(w));
    await store.save(toRun('good', run(1, 0.1), '2026-01-01T00:00:00Z'));
    const damaged = toRun('damaged', run(2, 0.1), '2026-01-02T00:00:00Z');
    await writeFile(
      join(dir, 'damaged.json'),
      JSON.stringify({ ...damaged, metrics: { work: { ...damaged.metrics.work, median: 'fast' } } }),
    );
    expect((await store.load(['work'], 5)).map((r) => r.commit)).toEqual(['good']);
    expect(warnings).toEqual([
      `${join(dir, 'damaged.json')}: skipped, the stored performance run is not valid: metrics.work.median: Invalid input: expected number, received string`,
    ]);
  });

  it('a stored run of another schemaVersion is skipped with a clear reason; one of the old `schema: 1` is read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'perf-h-'));
    const warnings: string[] = [];
    const store = new LocalHistoryStore(dir, (w) => warnings.push(w));
    const { schemaVersion: _v, ...old } = toRun('old', run(1, 0.1), '2026-01-01T00:00:00Z');
    await writeFile(join(dir, 'old.json'), JSON.stringify({ ...old, schema: 1 }));
    const next = toRun('next', run(2, 0.1), '2026-01-02T00:00:00Z');
    await writeFile(join(dir, 'next.json'), JSON.stringify({ ...next, schemaVersion: 2 }));
    expect((await store.load(['work'], 5)).map((r) => r.commit)).toEqual(['old']);
    expect(warnings).toEqual([
      `${join(dir, 'next.json')}: skipped, the stored performance run has schemaVersion 2; this shipkit reads schemaVersion 1`,
    ]);
  });

  it('within past noise passes; a 30 % slowdown warns as a history regression', () => {
    const past = Array.from({ length: 8 }, (_, i) =>
      toRun(`c${i}`, run(i + 10, 0.1 * (1 + 0.01 * (i % 3))), `2026-01-0${i + 1}`),
    );
    const same = gateFromHistory(run(99, 0.101), past, settings, 'head');
    expect(same.metrics[0]?.verdict).toBe('unchanged');
    expect(same.verdict).toBe('pass');
    const slow = gateFromHistory(run(99, 0.13), past, settings, 'head');
    expect(slow.metrics[0]?.verdict).toBe('regressed');
    expect(slow.verdict).toBe('warn');
    expect(slow.notes.join(' ')).toMatch(/confirm it on one runner/);
    expect(slow.trends[0]?.points).toHaveLength(9);
  });

  it('a head run much noisier than usual is inconclusive, not regressed', () => {
    const past = Array.from({ length: 8 }, (_, i) => toRun(`c${i}`, run(i + 10, 0.1), `2026-01-0${i + 1}`));
    const noisy = gateFromHistory(run(7, 0.13, 15, 0.6), past, settings);
    expect(noisy.metrics[0]?.verdict).toBe('inconclusive');
    expect(noisy.notes.join(' ')).toMatch(/noisier than usual/);
  });

  it('nothing stored: "no baseline", pass with a note', () => {
    const r = gateFromHistory(readBenchFile(join(F, 'go/bench.txt')), [], settings);
    expect(r.verdict).toBe('pass');
    expect(r.metrics.every((m) => m.verdict === 'no baseline')).toBe(true);
    expect(r.notes[0]).toMatch(/^no baseline yet/);
  });

  it('warn_if_exceeded and informational change what a failed limit means', () => {
    const k6 = readBenchFile(join(F, 'k6/summary-export.json'));
    const base = { latency_p99: 1 };
    expect(gateFromHistory(k6, [], perfSettings({ ...base, action: 'fail_if_exceeded' })).verdict).toBe(
      'fail',
    );
    expect(gateFromHistory(k6, [], perfSettings({ ...base, action: 'warn_if_exceeded' })).verdict).toBe(
      'warn',
    );
    const info = gateFromHistory(k6, [], perfSettings({ ...base, action: 'informational' }));
    expect(info.verdict).toBe('pass');
    expect(info.notes.join(' ')).toMatch(/would have been "fail"/);
  });
});

describe('rendering', () => {
  it('escapes names chosen by the benchmarked code', () => {
    expect(markdownText('a|b <img src=x> `c` *d*')).toBe('a\\|b \\<img src=x\\> \\`c\\` \\*d\\*');
    expect(mermaidText('x"]\nline [1]%%{init}')).toBe('x___line _1____init_');
  });

  it('a Mermaid xychart per metric with two or more points', () => {
    const past = [
      toRun('1111111aaaa', run(1, 0.1), '2026-01-01'),
      toRun('2222222bbbb', run(2, 0.1), '2026-01-02'),
    ];
    const md = renderPerfGate(gateFromHistory(run(3, 0.1), past, settings, '3333333cccc'));
    expect(md).toContain(
      '```mermaid\nxychart-beta\n  title "work"\n  x-axis ["1111111", "2222222", "3333333"]\n  y-axis "s"\n  line [',
    );
  });
});

describe('trend numbers', () => {
  it('are plain decimals (Mermaid rejects 1.5e-7)', () => {
    const chart = trendChart('x', 'ns', [
      { commit: 'a', value: 1.5e-7 },
      { commit: 'b', value: 12345678 },
    ]);
    expect(chart).toContain('line [0.00000015, 12350000]');
  });
});

describe('A/B runner', () => {
  /** `runAb` of `base` against `head`, 10 runs a side, each run's time from `measure`. */
  const abWith = (measure: Measure, options: { warmup?: number; confirm?: boolean } = {}) =>
    runAb({
      base: ['base'],
      head: ['head'],
      samples: 10,
      warmup: 0,
      detect: DEFAULT_DETECT,
      confirm: true,
      ...options,
      measure,
    });

  it('splits commands into words without a shell: quotes group, nothing expands', () => {
    expect(splitCommand(`node bench.js --name "a b" '$HOME' x\\ y`)).toEqual([
      'node',
      'bench.js',
      '--name',
      'a b',
      '$HOME',
      'x y',
    ]);
    expect(() => splitCommand('node "open')).toThrow(/unterminated " quote/);
    expect(() => splitCommand('   ')).toThrow(/empty command/);
  });

  it('interleaves ABAB and re-measures a regression before failing', async () => {
    const calls: string[] = [];
    const r = seededRandom(3);
    const result = await abWith(
      async (argv) => {
        calls.push(argv[0]);
        return (argv[0] === 'head' ? 120 : 100) * (1 + 0.02 * r());
      },
      { warmup: 1 },
    );
    expect(calls.slice(0, 6)).toEqual(['base', 'head', 'base', 'head', 'base', 'head']);
    // warmup, a round of 10 a side, then a confirming round of twice that
    expect(calls).toHaveLength(2 + 2 * 10 + 2 * 20);
    expect(result.rounds).toHaveLength(2);
    expect(result.comparison.verdict).toBe('fail');
    expect(result.comparison.metrics[0]?.head.n).toBe(30);
    expect(result.comparison.notes.join(' ')).toMatch(/confirmed on a second interleaved round/);
  });

  it('a first-round regression the rerun does not confirm is inconclusive', async () => {
    let i = 0;
    // round 1: head 20 % slower; round 2 (twice as long): no difference, so the slowdown was a
    // burst of noise
    const result = await abWith(async (argv) => {
      const round = i++ < 20 ? 1 : 2;
      const k = 1 + 0.001 * (i % 7);
      if (argv[0] === 'base') return 100 * k;
      return (round === 1 ? 120 : 100) * k;
    });
    expect(result.unconfirmed).toBe(true);
    expect(result.comparison.verdict).toBe('warn');
    expect(result.comparison.metrics[0]?.verdict).toBe('inconclusive');
  });

  it('a clearly unchanged first round is not re-measured', async () => {
    let calls = 0;
    const r = seededRandom(5);
    const result = await abWith(async () => {
      calls++;
      return 100 * (1 + 0.01 * r());
    });
    expect(result.comparison.metrics[0]?.verdict).toBe('unchanged');
    expect(result.rounds).toHaveLength(1);
    expect(calls).toBe(20);
  });

  it('slow runs from a busy machine do not hide a 10 % slowdown (real node -e 0 timings)', async () => {
    // 20 consecutive real timings of `node -e 0` on an idle 2-core machine (node[10] of
    // hyperfine-noise-idle.json, in run order): 6 of them are 15-30 % slow. Split A B A B as
    // `bench run` interleaves them, with the head made 10 % slower: the faster halves show the
    // slowdown; the paired Hodges-Lehmann shift (the detector before) called it inconclusive.
    const noise = JSON.parse(
      readFileSync(join(import.meta.dirname, '../fixtures/perf/noise/hyperfine-noise-idle.json'), 'utf8'),
    ) as { node: number[][] };
    const t = noise.node[10] as number[];
    const ab = async (slowdown: number) => {
      let i = 0;
      return abWith(
        async (argv) => {
          const v = (t[i++] as number) * 1000; // run order: base, head, base, head, …
          return argv[0] === 'head' ? v * (1 + slowdown) : v;
        },
        { confirm: false },
      );
    };
    const slower = (await ab(0.1)).comparison.metrics[0];
    expect(slower?.verdict).toBe('regressed');
    expect(slower?.change.estimate).toBeGreaterThan(5);
    expect((await ab(0)).comparison.metrics[0]?.verdict).toBe('unchanged');
  });
});
