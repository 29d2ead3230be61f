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
//                   CI jobs sees (run-to-run noise included), compared as two result files.
//   history         the head run against 10 stored runs of other blocks (gateFromHistory).
// Detectors, on the same series:
//   shipkit         one round through compareResults: for A/B, Yuen's trimmed-mean test on each
//                   side's faster half (the undisturbed runs); otherwise the Hodges-Lehmann shift
//                   with its Mann-Whitney interval. "regressed" = change ≥ 5 % and the 95 %
//                   interval excludes 0
//   shipkit+confirm shipkit's default A/B gate: runAb itself (src/perf/ab.ts), its measurements
//                   answered from the recording; a regressed or inconclusive first round is
//                   re-measured with a round of twice the runs before it fails
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
  { changeFromSamples, verdictFor, DEFAULT_DETECT },
  { welchP, mean, seededRandom, pairedHodgesLehmann },
  { runAb },
  { compareResults },
  { gateFromHistory },
  { toRun },
  { perfSettings },
] = await importTs([
  'src/perf/regression.ts',
  'src/perf/stats.ts',
  'src/perf/ab.ts',
  'src/perf/compare.ts',
  'src/perf/gate.ts',
  'src/perf/history.ts',
  'src/perf/settings.ts',
]);
const SETTINGS = perfSettings(undefined); // the defaults: 5 %, 95 %, 10 runs

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

const injected = [0, 0.02, 0.05, 0.1, 0.2];
const logPct = (x) => (Math.exp(x) - 1) * 100;
/** The paired Hodges-Lehmann shift of the log ratios: shipkit's A/B detector before 2026-11-21. */
function changeFromPairs(b, h) {
  const s = pairedHodgesLehmann(
    b.map((x, i) => Math.log(h[i]) - Math.log(x)),
    0.95,
  );
  return { estimate: logPct(s.estimate), low: logPct(s.low), high: logPct(s.high) };
}
const regressed = (c) => verdictFor(c, 'smaller', DEFAULT_DETECT) === 'regressed';
const result = (samples) => ({
  tool: 'bench',
  metrics: [{ name: 't', unit: 's', direction: 'smaller', value: mean(samples), samples }],
});
/** shipkit's own comparison of two result files, or of one interleaved round (`interleaved`). */
const shipkit = (b, h, interleaved) =>
  compareResults(result(b), result(h), DEFAULT_DETECT, { interleaved }).metrics[0].verdict === 'regressed';

/**
 * shipkit's default A/B gate, run as `shipkit bench run` runs it (src/perf/ab.ts runAb, confirm
 * on): its measurements are answered from a first stretch of n pairs and, if it asks for a second
 * round, from a fresh stretch of 2n pairs.
 */
async function abGate(blocks, n, r, first) {
  let second;
  let i = 0;
  const out = await runAb({
    base: ['base'],
    head: ['head'],
    samples: n,
    warmup: 0,
    detect: DEFAULT_DETECT,
    confirm: true,
    measure: async (argv) => {
      const k = i++;
      if (k >= 2 * n) second ??= series(blocks, 'ab', 2 * n, r);
      const [b, h] = k < 2 * n ? first : second;
      const j = (k < 2 * n ? k : k - 2 * n) >> 1;
      return argv[0] === 'base' ? b[j] : h[j];
    },
  });
  return out.comparison.verdict === 'fail';
}

/** runAb's confirm rule (see abGate) applied to the old paired detector, for comparison. */
function pairedWithConfirm(blocks, n, r, [b, h]) {
  const first = verdictFor(changeFromPairs(b, h), 'smaller', DEFAULT_DETECT);
  if (first !== 'regressed' && first !== 'inconclusive') return false;
  const [b2, h2] = series(blocks, 'ab', 2 * n, r);
  return regressed(changeFromPairs([...b, ...b2], [...h, ...h2])) && changeFromPairs(b2, h2).estimate >= 5;
}

const detectors = {
  shipkit: (b, h, mode) => shipkit(b, h, mode === 'ab'),
  'shipkit+confirm': null, // A/B only: abGate
  'paired HL': (b, h, mode) => (mode === 'ab' ? regressed(changeFromPairs(b, h)) : null),
  'paired HL+conf': null, // A/B only
  'shipkit unpaired': (b, h) => regressed(changeFromSamples(b, h, 0.95)),
  'gab 200%': (b, h) => mean(h) / mean(b) >= 2,
  'gab 105%': (b, h) => mean(h) / mean(b) >= 1.05,
  'welch t': (b, h) => mean(h) > mean(b) && welchP(b, h) < 0.05,
};

/** One trial: every detector on the same series (null where a detector does not apply). */
async function trial(blocks, mode, n, r) {
  const series0 = series(blocks, mode, n, r);
  const [b, h] = series0;
  const hits = {};
  for (const [name, f] of Object.entries(detectors)) if (f) hits[name] = f(b, h, mode);
  hits['shipkit+confirm'] = mode === 'ab' ? await abGate(blocks, n, r, series0) : null;
  hits['paired HL+conf'] = mode === 'ab' ? pairedWithConfirm(blocks, n, r, series0) : null;
  if (mode !== 'ab') hits['shipkit unpaired'] = null; // the same as shipkit there
  return hits;
}

/** Alarm rates by detector at each injected slowdown: TRIALS trials a cell, all detectors on each. */
async function rates(blocks, mode, n) {
  const out = {};
  for (const [k, r] of injected.entries()) {
    for (let t = 0; t < TRIALS; t++) {
      for (const [name, hit] of Object.entries(await trial(blocks, mode, n, r))) {
        if (hit === null) continue;
        out[name] ??= injected.map(() => 0);
        if (hit) out[name][k] += 1 / TRIALS;
      }
    }
  }
  return out;
}

/**
 * History mode as the action runs it (src/perf/gate.ts gateFromHistory): the head run against 10
 * stored runs of other hyperfine blocks.
 */
function historyTrial(blocks, n, r) {
  const order = shuffle(blocks.map((_, i) => i));
  const past = order
    .slice(0, 10)
    .map((i, k) =>
      toRun(`past${k}`, result(shuffle(blocks[i]).slice(0, n)), new Date(k * 1000).toISOString()),
    );
  const head = result(
    shuffle(blocks[order[10]])
      .slice(0, n)
      .map((v) => v * (1 + r)),
  );
  return gateFromHistory(head, past, SETTINGS).metrics[0].verdict === 'regressed';
}

const pct = (x) => `${(x * 100).toFixed(1)}%`.padStart(6);
console.log(
  `gate quality: ${TRIALS} trials a cell; noise from ${noise.how}, recorded ${noise.recorded} (${noise.conditions ?? 'machine under load'})`,
);
console.log('cells: alarm rate at each injected slowdown; 0% = false alarms, the rest = detection\n');
const label = (cmd) => (cmd === 'node' ? 'node -e 0' : 'python3 -c pass');
const header = `  ${'n/side'.padEnd(7)}${'detector'.padEnd(17)}${injected.map((r) => `+${r * 100}%`.padStart(7)).join('')}`;
const line = (n, name, cells) =>
  `  ${String(n).padEnd(7)}${name.padEnd(17)}${cells.map((x) => ` ${pct(x)}`).join('')}`;
const summary = {};
async function table(title, key, blocks, mode, only) {
  console.log(title);
  console.log(header);
  for (const n of [5, 10, 20]) {
    const all = await rates(blocks, mode, n);
    for (const name of Object.keys(detectors)) {
      if (!all[name] || (only && !only.includes(name))) continue;
      summary[`${key}/${n}/${name}`] = all[name];
      console.log(line(n, name, all[name]));
    }
  }
  console.log('');
}
for (const cmd of ['node', 'python']) {
  const blocks = noise[cmd];
  await table(`${label(cmd)} · A/B, same job`, `${cmd}/ab`, blocks, 'ab');
  await table(`${label(cmd)} · separate runs`, `${cmd}/separate`, blocks, 'separate');
  console.log(`${label(cmd)} · history (the head run against 10 stored runs)`);
  for (const n of [5, 10, 20]) {
    const cells = injected.map((r) => {
      let hits = 0;
      for (let t = 0; t < TRIALS; t++) if (historyTrial(blocks, n, r)) hits++;
      return hits / TRIALS;
    });
    summary[`${cmd}/history/${n}/shipkit`] = cells;
    console.log(line(n, 'shipkit', cells));
  }
  console.log('');
}

// The same A/B test on quiet stretches only (blocks whose own spread is under 10 %): what a runner
// without noisy neighbours would see. Shown beside, never instead of, the full-noise figures.
const cv = (b) => Math.sqrt(b.reduce((a, x) => a + (x - mean(b)) ** 2, 0) / (b.length - 1)) / mean(b);
for (const cmd of ['node', 'python']) {
  const quiet = noise[cmd].filter((b) => cv(b) < 0.1);
  if (quiet.length < 2) continue;
  await table(
    `${label(cmd)} · A/B on quiet stretches only (${quiet.length} of ${noise[cmd].length} blocks)`,
    `${cmd}/quiet`,
    quiet,
    'ab',
    ['shipkit', 'shipkit+confirm', 'welch t', 'gab 105%'],
  );
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
