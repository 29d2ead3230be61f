// What the lcov reader and the shard merge make of every real lcov fixture (those made here and on
// other machines), as SHA-256 digests of a canonical dump: test/fixtures/coverage/lcov-known.json
// holds the digests the previous reader gave (written by lcov-known.mjs from that commit), and
// lcov-known.test.ts checks that the reader still gives exactly those.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readLcov } from '../../src/gate/coverage/lcov.js';
import type { CoverageReport, FileCoverage } from '../../src/gate/coverage/model.js';
import { readCoverage } from '../../src/gate/coverage/read.js';
import { summarize } from '../../src/gate/coverage/summary.js';

const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures', 'coverage');

/** The real lcov fixtures, by path under test/fixtures/coverage (.gz ones unpacked). */
export const LCOV_FIXTURES = [
  'bench/full.lcov.gz',
  'bench/shard1.lcov.gz',
  'bench/shard2.lcov.gz',
  'bench/shard3.lcov.gz',
  'c8/full/lcov.info',
  'c8/shard1/lcov.info',
  'c8/shard2/lcov.info',
  'coveragepy/coverage.lcov',
  'foreign/c8/lcov.info',
  'foreign/coveragepy/coverage.lcov',
  'foreign/lcov/coverage.info',
  'lcov/b1.info',
  'lcov/b2.info',
  'lcov/tests.info',
];

/**
 * A tracefile with every form the reader knows, in a mix a seeded generator picks (the same text on
 * every run): records repeated for one file, lcov 2 FN end lines and FNL/FNA, FNDA before its FN and
 * for no FN, names repeated in a block, checksums, `-` taken, text branch keys, branches out of order
 * and repeated, lines past the scratch array and past the dense store, hits past 32 bits, CRLF.
 */
export function syntheticTracefile(records = 400): string {
  let seed = 15;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const hits = () => [0, 0, 1, 3, 17, 4294967290, 9007199254740, -2][rnd(8)];
  const out: string[] = ['VER:2.0'];
  for (let r = 0; r < records; r++) {
    const file = `src/f${rnd(records / 3)}.c`;
    out.push(rnd(2) ? 'TN:' : `TN:t${rnd(3)}`, `SF:${rnd(5) === 0 ? `/abs/${file}` : file}`);
    const names = ['main', 'area', 'helper,with,commas', 'x', `f${rnd(9)}`];
    for (let k = rnd(6); k > 0; k--) {
      const name = names[rnd(names.length)];
      const line = 1 + rnd(70_000);
      const form = rnd(4);
      if (form === 0) out.push(`FN:${line},${line + rnd(20)},${name}`);
      else if (form === 1) out.push(`FNDA:${rnd(5)},${name}`, `FN:${line},${name}`);
      else out.push(`FN:${line},${name}`, `FNDA:${rnd(9)},${name}`);
    }
    if (rnd(6) === 0) out.push(`FNL:0,${rnd(90)},${rnd(99)}`, `FNA:0,${rnd(4)},lambda${rnd(3)}`);
    if (rnd(8) === 0) out.push(`FNDA:2,unknown${rnd(2)}`);
    for (let k = rnd(40); k > 0; k--) {
      const line = [1 + rnd(200), 65_530 + rnd(12), 1_048_570 + rnd(12), 3_000_000][
        rnd(10) < 7 ? 0 : 1 + rnd(3)
      ];
      const form = rnd(10);
      if (form === 0) out.push(`DA:${line},${hits()},d41d8cd98f00b204e9800998ecf8427e`);
      else if (form === 1) out.push(`DA:${line},${hits()}\r`);
      else out.push(`DA:${line},${Math.max(0, hits() ?? 0)}`);
    }
    for (let k = rnd(12); k > 0; k--) {
      const key = rnd(7) === 0 ? `e${rnd(2)},${rnd(2)}` : `${rnd(3)},${rnd(3)}`;
      const taken = rnd(4) === 0 ? '-' : String(rnd(5));
      out.push(`BRDA:${1 + rnd(30)},${key},${taken}`);
    }
    if (rnd(3) === 0) out.push('BRF:0', 'BRH:0');
    if (rnd(3) === 0) out.push('FNF:0', 'FNH:0');
    out.push('LF:1', 'LH:1', 'end_of_record');
  }
  return `${out.join('\n')}\n`;
}

/** Shard sets merged by readCoverage (every file kept, so nothing depends on this checkout). */
export const MERGES: Record<string, string[]> = {
  'bench shards': ['bench/shard1.lcov.gz', 'bench/shard2.lcov.gz', 'bench/shard3.lcov.gz'],
  'bench full + shards': ['bench/full.lcov.gz', 'bench/shard1.lcov.gz', 'bench/shard2.lcov.gz'],
  'c8 shards': ['c8/shard1/lcov.info', 'c8/shard2/lcov.info'],
  'lcov b1 + b2 + tests': ['lcov/b1.info', 'lcov/b2.info', 'lcov/tests.info'],
  'synthetic + c8 full': ['synthetic', 'c8/full/lcov.info'],
  'every lcov fixture': LCOV_FIXTURES,
};

function file(f: FileCoverage) {
  return {
    path: f.path,
    lines: [...f.lines],
    branches: f.branches && [...f.branches],
    branchHits: f.branchHits && [...f.branchHits],
    functions: f.functions && [...f.functions],
    statements: f.statements,
    statementHits: f.statementHits,
  };
}

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Every lcov fixture's reading (`read`) or every merge (`merge`), name → digest. */
export async function knownOutputs(
  which: 'read' | 'merge',
  fixtures = FIXTURES,
): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'shipkit-lcov-known-'));
  try {
    const paths = new Map<string, string>();
    for (const name of LCOV_FIXTURES) {
      const raw = readFileSync(join(fixtures, name));
      const path = join(dir, name.replaceAll('/', '__').replace(/\.gz$/, ''));
      writeFileSync(path, name.endsWith('.gz') ? gunzipSync(raw) : raw);
      paths.set(name, path);
    }
    const synthetic = join(dir, 'synthetic.info');
    writeFileSync(synthetic, syntheticTracefile());
    paths.set('synthetic', synthetic);
    const out: Record<string, string> = {};
    for (const [name, path] of which === 'read' ? paths : []) {
      const r = readLcov(path, { file: name, warn: () => {} });
      out[`read ${name}`] = digest(r.files.map((f) => ({ line: f.line, ...file(f.coverage) })));
    }
    for (const [name, list] of which === 'merge' ? Object.entries(MERGES) : []) {
      const files = list.map((n) => paths.get(n) ?? n);
      const r = await readCoverage(files, { root: dir, cwd: dir, keepOutside: true });
      out[`merge ${name}`] = digest(report(r));
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(r: CoverageReport) {
  return {
    files: [...r.files].map(([path, f]) => [path, file(f)]),
    formats: r.formats,
    approximate: [...r.approximate],
    totals: summarize(r),
  };
}
