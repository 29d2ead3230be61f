#!/usr/bin/env node
// `npm run bench:gate-quality`: how often the performance gate cries wolf, and how often it
// catches a real regression. Series come from real measured distributions: 40 separate hyperfine
// runs of 20 timings each of `node -e 0` and `python3 -c pass` on this 2-core machine
// (test/fixtures/perf/noise/, re-record with record.sh there), long tails included.
//
// Modes:
//   A/B, same job   both sides drawn from the same stretch of time (two adjacent hyperfine blocks,
//                   shuffled): what `shipkit bench run` sees when it interleaves ABAB on one runner.
//   separate runs   base from one hyperfine run, head from another: what any comparison of two
//                   CI jobs sees (run-to-run noise included); "+confirm" there re-runs both jobs.
//   history         head run's median against the medians of 10 other runs (shipkit's history mode).
// Detectors, on the same series:
//   shipkit         one round: for A/B, Yuen's trimmed-mean test on each side's faster half (the
//                   undisturbed runs); otherwise the Hodges-Lehmann shift with its Mann-Whitney
//                   interval. "regressed" = change ≥ 5 % and the 95 % interval excludes 0
//   shipkit+confirm shipkit's default: a regressed or inconclusive first round is re-measured with a
//                   second round of twice the runs; fail = both rounds pooled regressed AND the
//                   fresh round alone ≥ 5 %
//   paired HL       the paired Hodges-Lehmann shift (signed-rank interval) on A/B series, one round
//   paired HL+conf  the same with the same confirm step (shipkit's A/B detector until 2026-11-21)
//   shipkit unpaired the one-round Mann-Whitney version on A/B series (interleaving ignored)
//   gab 200% / 105% github-action-benchmark's rule: head mean / base mean ≥ threshold
//   welch t         Welch's t-test, p < 0.05 and head slower
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTs } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TRIALS = Number(process.env.GATE_QUALITY_TRIALS ?? 2000);

// The detector's real code, its TypeScript transpiled.
const [
  {
    changeFromSamples,
    changeFromFastRuns,
    changeFromHistory,
    verdictFor,
    runSpread,
    noisierThanUsual,
    DEFAULT_DETECT,
  },
  { welchP, mean, median, seededRandom, pairedHodgesLehmann },
] = await importTs(['src/perf/regression.ts', 'src/perf/stats.ts']);

// GATE_QUALITY_NOISE picks another recording: hyperfine-noise-idle.json (default: this machine with
// nothing else running, as a runner VM is), hyperfine-noise-quiet.json, hyperfine-noise.json (other
// engineers building on the same 2 cores: the stress case).
const noiseFile = process.env.GATE_QUALITY_NOISE ?? 'hyperfine-noise-idle.json';
const noise = JSON.parse(readFileSync(join(root, 'test/fixtures/perf/noise', noiseFile), 'utf8'));
const rnd = seededRandom(20261121);
const pick = (n) => Math.floor(rnd() * n);
function shuffle(a) {
  const b = [...a];
  for (let i = b.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [b[i], b[j]] = [b[j], b[i]];
  }
  return b;
}

/**
 * Base and head series of n each, for a mode, with the head slowed by `r`.
 * A/B: a stretch of consecutive real timings (hyperfine runs in order) split A B A B …, so each
 * pair was measured back to back, as `shipkit bench run` interleaves them.
 */
function series(blocks, mode, n, r) {
  if (mode === 'ab') {
    // enough consecutive blocks for 2n timings, plus one so the stretch can start anywhere
    const count = Math.ceil((2 * n) / blocks[0].length) + 1;
    const i = pick(blocks.length - count + 1);
    const run = blocks.slice(i, i + count).flat();
    const start = pick(run.length - 2 * n + 1);
    const t = run.slice(start, start + 2 * n);
    return [t.filter((_, k) => k % 2 === 0), t.filter((_, k) => k % 2 === 1).map((v) => v * (1 + r))];
  }
  const i = pick(blocks.length);
  let j = pick(blocks.length - 1);
  if (j >= i) j++;
  return [
    shuffle(blocks[i]).slice(0, n),
    shuffle(blocks[j])
      .slice(0, n)
      .map((v) => v * (1 + r)),
  ];
}

const logPct = (x) => (Math.exp(x) - 1) * 100;
/** The paired Hodges-Lehmann shift of the log ratios, for comparison. */
function changeFromPairs(b, h) {
  const s = pairedHodgesLehmann(
    b.map((x, i) => Math.log(h[i]) - Math.log(x)),
    0.95,
  );
  return { estimate: logPct(s.estimate), low: logPct(s.low), high: logPct(s.high) };
}
const regressed = (c) => verdictFor(c, 'smaller', DEFAULT_DETECT) === 'regressed';
const unpaired = (b, h) => regressed(changeFromSamples(b, h, 0.95));
// What compareMetric does in A/B mode (`shipkit bench run`): the faster halves, Yuen's test.
const fastRuns = (b, h) => changeFromFastRuns(b, h, 0.95, 'smaller');
const detectors = {
  shipkit: (b, h, mode) => (mode === 'ab' ? regressed(fastRuns(b, h)) : unpaired(b, h)),
  'shipkit+confirm': null, // shipkit's default (computed in trial()): see the header
  'paired HL': (b, h, mode) => mode === 'ab' && regressed(changeFromPairs(b, h)),
  'paired HL+conf': null,
  'shipkit unpaired': unpaired,
  'gab 200%': (b, h) => mean(h) / mean(b) >= 2,
  'gab 105%': (b, h) => mean(h) / mean(b) >= 1.05,
  'welch t': (b, h) => mean(h) > mean(b) && welchP(b, h) < 0.05,
};

function trial(blocks, mode, n, r) {
  const [b, h] = series(blocks, mode, n, r);
  const hits = {};
  for (const [name, f] of Object.entries(detectors)) if (f) hits[name] = f(b, h, mode);
  // shipkit's default (src/perf/ab.ts): a regressed or inconclusive first round is re-measured with
  // a round of twice the runs; it fails when both rounds pooled say regressed and the fresh round
  // alone shows at least the minimum effect. (Separate runs: the re-run is one more job, n runs.)
  const confirmed = (change) => {
    const first = verdictFor(change(b, h), 'smaller', DEFAULT_DETECT);
    if (first !== 'regressed' && first !== 'inconclusive') return false;
    const [b2, h2] = series(blocks, mode, mode === 'ab' ? 2 * n : n, r);
    return (
      verdictFor(change([...b, ...b2], [...h, ...h2]), 'smaller', DEFAULT_DETECT) === 'regressed' &&
      change(b2, h2).estimate >= DEFAULT_DETECT.minEffect
    );
  };
  hits['shipkit+confirm'] = confirmed((x, y) =>
    mode === 'ab' ? fastRuns(x, y) : changeFromSamples(x, y, 0.95),
  );
  hits['paired HL+conf'] = mode === 'ab' && confirmed(changeFromPairs);
  return hits;
}

function historyTrial(blocks, n, r) {
  const order = shuffle(blocks.map((_, i) => i));
  const pastRuns = order.slice(0, 10).map((i) => shuffle(blocks[i]).slice(0, n));
  const head = shuffle(blocks[order[10]])
    .slice(0, n)
    .map((v) => v * (1 + r));
  // Busy-runner runs (noisier than usual) are left out of the baseline, and a head run that is
  // itself noisier than usual is reported inconclusive, not regressed.
  const spreads = pastRuns.map(runSpread);
  const clean = pastRuns.filter((_, i) => !noisierThanUsual(spreads[i], spreads));
  const change = changeFromHistory(clean.map(median), median(head), 0.95);
  const noisy = clean.length < 3 || noisierThanUsual(runSpread(head), spreads);
  return !noisy && verdictFor(change, 'smaller', DEFAULT_DETECT) === 'regressed';
}

const pct = (x) => `${(x * 100).toFixed(1)}%`.padStart(6);
const injected = [0, 0.02, 0.05, 0.1, 0.2];
console.log(
  `gate quality: ${TRIALS} trials a cell; noise from ${noise.how}, recorded ${noise.recorded} (${noise.conditions ?? 'machine under load'})`,
);
console.log('cells: alarm rate at each injected slowdown; 0% = false alarms, the rest = detection\n');
const names = Object.keys(detectors);
const summary = {};
for (const cmd of ['node', 'python']) {
  const blocks = noise[cmd];
  for (const mode of ['ab', 'separate']) {
    console.log(
      `${cmd === 'node' ? 'node -e 0' : 'python3 -c pass'} · ${mode === 'ab' ? 'A/B, same job' : 'separate runs'}`,
    );
    console.log(
      `  ${'n/side'.padEnd(7)}${'detector'.padEnd(17)}${injected.map((r) => `+${r * 100}%`.padStart(7)).join('')}`,
    );
    for (const n of [5, 10, 20]) {
      for (const name of names.filter((d) => mode === 'ab' || !d.startsWith('paired'))) {
        const rates = injected.map((r) => {
          let hits = 0;
          for (let t = 0; t < TRIALS; t++) if (trial(blocks, mode, n, r)[name]) hits++;
          return hits / TRIALS;
        });
        summary[`${cmd}/${mode}/${n}/${name}`] = rates;
        console.log(`  ${String(n).padEnd(7)}${name.padEnd(17)}${rates.map((x) => ` ${pct(x)}`).join('')}`);
      }
    }
    console.log('');
  }
  console.log(
    `${cmd === 'node' ? 'node -e 0' : 'python3 -c pass'} · history (head median vs 10 past run medians)`,
  );
  for (const n of [5, 10, 20]) {
    const rates = injected.map((r) => {
      let hits = 0;
      for (let t = 0; t < TRIALS; t++) if (historyTrial(blocks, n, r)) hits++;
      return hits / TRIALS;
    });
    summary[`${cmd}/history/${n}/shipkit`] = rates;
    console.log(`  ${String(n).padEnd(7)}${'shipkit'.padEnd(17)}${rates.map((x) => ` ${pct(x)}`).join('')}`);
  }
  console.log('');
}

// The same A/B test on quiet stretches only (blocks whose own spread is under 10 %): what a runner
// without noisy neighbours would see. Shown beside, never instead of, the full-noise figures.
const cv = (b) => Math.sqrt(b.reduce((a, x) => a + (x - mean(b)) ** 2, 0) / (b.length - 1)) / mean(b);
for (const cmd of ['node', 'python']) {
  const quiet = noise[cmd].filter((b) => cv(b) < 0.1);
  if (quiet.length < 2) continue;
  console.log(
    `${cmd === 'node' ? 'node -e 0' : 'python3 -c pass'} · A/B on quiet stretches only (${quiet.length} of ${noise[cmd].length} blocks)`,
  );
  for (const n of [5, 10, 20]) {
    for (const name of ['shipkit', 'shipkit+confirm', 'welch t', 'gab 105%']) {
      const rates = injected.map((r) => {
        let hits = 0;
        for (let t = 0; t < TRIALS; t++) if (trial(quiet, 'ab', n, r)[name]) hits++;
        return hits / TRIALS;
      });
      summary[`${cmd}/quiet/${n}/${name}`] = rates;
      console.log(`  ${String(n).padEnd(7)}${name.padEnd(17)}${rates.map((x) => ` ${pct(x)}`).join('')}`);
    }
  }
  console.log('');
}

const targets = [];
for (const cmd of ['node', 'python']) {
  for (const where of ['ab', 'quiet']) {
    const cell = summary[`${cmd}/${where}/10/shipkit+confirm`];
    if (!cell) continue;
    const [fa, , , det] = cell;
    const label = where === 'ab' ? 'all noise' : 'quiet stretches';
    targets.push(
      `${cmd} (${label}): A/B with confirm, 10 a side: false alarms ${pct(fa).trim()} (target ≤ 1%) ${fa <= 0.01 ? 'MET' : 'NOT MET'}; detection of +10% ${pct(det).trim()} (target ≥ 95%) ${det >= 0.95 ? 'MET' : 'NOT MET'}`,
    );
  }
}
console.log(targets.join('\n'));
