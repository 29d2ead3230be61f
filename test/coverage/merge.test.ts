import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { addFile, mergeReports } from '../../src/gate/coverage/merge.js';
import type { CoverageReport, FileCoverage } from '../../src/gate/coverage/model.js';
import { readCoverage } from '../../src/gate/coverage/read.js';
import { summarize } from '../../src/gate/coverage/summary.js';
import { fixture, istanbulTextSummary } from './tool-summaries.js';

// minimist's 15 tape test files run as two c8 shards (7 + 8 files) and unsharded, same c8 flags.
const dir = fixture('c8');
const opts = { root: dir, pathMap: { '/tmp/shipkit-cov/js/minimist/': '' } };
const coveredLines = (lines: Map<number, number> | undefined) =>
  [...(lines ?? [])].filter(([, h]) => h > 0).map(([l]) => l);

describe('merging c8 shards', () => {
  const full = istanbulTextSummary('c8', 'full', 'c8-stdout.txt');

  it('the shards really differ from the whole run (the test would prove nothing otherwise)', () => {
    for (const s of ['shard1', 'shard2']) {
      const shard = istanbulTextSummary('c8', s, 'c8-stdout.txt');
      expect(shard.lines?.covered).toBeLessThan(full.lines?.covered ?? 0);
      expect(shard.branches?.total).not.toBe(full.branches?.total);
    }
  });

  for (const name of ['lcov.info', 'coverage-final.json']) {
    it(`${name}: merged line coverage equals the unsharded run exactly, line by line`, async () => {
      const merged = await readCoverage([`${dir}/shard1/${name}`, `${dir}/shard2/${name}`], opts);
      const whole = await readCoverage([`${dir}/full/${name}`], opts);
      const t = summarize(merged);
      expect({ covered: t.lines.covered, total: t.lines.total }).toEqual(full.lines);
      expect(coveredLines(merged.files.get('index.js')?.lines)).toEqual(
        coveredLines(whole.files.get('index.js')?.lines),
      );
      expect(merged.approximate.has('lines')).toBe(false);
      // V8 reports the branches of the blocks that ran: the shards' branch sets differ, so the
      // merged branch figure is marked approximate rather than shown as exact.
      expect(merged.approximate.has('branches')).toBe(true);
    });
  }

  it('coverage-final.json: statements merge exactly (same statement map) and functions by name', async () => {
    const merged = await readCoverage(
      [`${dir}/shard1/coverage-final.json`, `${dir}/shard2/coverage-final.json`],
      opts,
    );
    const t = summarize(merged);
    expect({ covered: t.statements?.covered, total: t.statements?.total }).toEqual(full.statements);
    expect({ covered: t.functions?.covered, total: t.functions?.total }).toEqual(full.functions);
    expect(merged.approximate.has('statements')).toBe(false);
    expect(merged.approximate.has('functions')).toBe(false);
  });

  it('mergeReports over reports read apart gives what one read of all gives, and leaves its inputs alone', async () => {
    const a = await readCoverage([`${dir}/shard1/lcov.info`], opts);
    const b = await readCoverage([`${dir}/shard2/lcov.info`], opts);
    const before = summarize(a);
    const merged = mergeReports([a, b]);
    const together = await readCoverage([`${dir}/shard1/lcov.info`, `${dir}/shard2/lcov.info`], opts);
    expect(summarize(merged)).toEqual(summarize(together));
    expect([...merged.approximate].sort()).toEqual([...together.approximate].sort());
    expect(summarize(a)).toEqual(before);
  });

  it('a report merged with itself doubles hits and changes no figure, exactly', async () => {
    const a = await readCoverage([`${dir}/full/coverage-final.json`], opts);
    const twice = mergeReports([a, a]);
    expect(summarize(twice)).toEqual(summarize(a));
    expect(twice.approximate.size).toBe(0);
    const line = [...(a.files.get('index.js')?.lines ?? [])].find(([, h]) => h > 0);
    expect(twice.files.get('index.js')?.lines.get(line?.[0] ?? 0)).toBe((line?.[1] ?? 0) * 2);
  });

  it('a summary-only report merged with a detailed one for the same file is approximate', async () => {
    const r = await readCoverage([`${dir}/full/lcov.info`, `${dir}/full/coverage-summary.json`], opts);
    expect(r.approximate.has('lines')).toBe(true);
    expect(summarize(r).files).toBe(1);
  });
});

// Three real c8 shards of one run (test/fixtures/coverage/bench): most files list the same branches
// and functions in each shard (merged by adding the compact stores), some differ (merged by key).
describe('merging three real shards', () => {
  const shards = [1, 2, 3].map((n) => fixture('bench', `shard${n}.lcov`));
  const plain = (f: FileCoverage): FileCoverage => ({
    ...f,
    lines: new Map(f.lines),
    ...(f.branches ? { branches: new Map([...f.branches].map(([l, b]) => [l, [b[0], b[1]]])) } : {}),
    ...(f.branchHits ? { branchHits: new Map([...f.branchHits].map(([l, h]) => [l, [...h]])) } : {}),
    ...(f.functions ? { functions: new Map([...f.functions].map(([n, x]) => [n, { ...x }])) } : {}),
  });
  const entries = (f: FileCoverage | undefined) => ({
    lines: [...(f?.lines ?? [])],
    branches: [...(f?.branches ?? [])],
    branchHits: [...(f?.branchHits ?? [])],
    functions: [...(f?.functions ?? [])],
  });

  it('gives, file by file and entry by entry, what merging the same files as plain Maps gives', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipkit-shards-'));
    const files = shards.map((s, i) => {
      const path = join(dir, `shard${i + 1}.lcov`);
      writeFileSync(path, gunzipSync(readFileSync(`${s}.gz`)));
      return path;
    });
    const merged = await readCoverage(files, { root: dir, keepOutside: true });
    const byMaps: CoverageReport = { files: new Map(), formats: [], approximate: new Set() };
    for (const file of files) {
      const one = await readCoverage([file], { root: dir, keepOutside: true });
      for (const [path, f] of one.files) addFile(byMaps, path, plain(f));
    }
    expect([...merged.files.keys()]).toEqual([...byMaps.files.keys()]);
    for (const [path, f] of merged.files) expect(entries(f), path).toEqual(entries(byMaps.files.get(path)));
    expect([...merged.approximate].sort()).toEqual([...byMaps.approximate].sort());
    expect(summarize(merged)).toEqual(summarize(byMaps));
  });
});
