// The one rule both readers of the data branch follow (src/report/history-files.ts).
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { coverageFromHistory } from '../../src/report/history.js';
import { earlierGateFiles, keepSnapshots, pickHistoryFiles } from '../../src/report/history-files.js';
import { weekWindow } from '../../src/report/window.js';

const W = weekWindow('2026-W48'); // 2026-11-23 .. 2026-11-30
const at = (iso: string) => Date.parse(iso);
const gate = (sha: string) => ({ path: `gate/${sha.slice(0, 2)}/${sha}.json` });
const sha = (c: string) => c.repeat(40);

describe('pickHistoryFiles', () => {
  it('gate: the window’s last commit each day, and the newest commit before the window with a summary', () => {
    const files = [gate(sha('a')), gate(sha('b')), gate(sha('c')), gate(sha('d'))];
    const picked = pickHistoryFiles(
      files,
      W,
      [
        { sha: sha('a'), at: at('2026-11-24T09:00:00Z') },
        { sha: sha('b'), at: at('2026-11-24T18:00:00Z') }, // same day, later: a is not read
        { sha: sha('e'), at: at('2026-11-25T18:00:00Z') }, // no summary stored
      ],
      [
        { sha: sha('f'), at: at('2026-11-22T23:00:00Z') }, // newest before, but no summary
        { sha: sha('c'), at: at('2026-11-22T20:00:00Z') },
        { sha: sha('d'), at: at('2026-11-21T20:00:00Z') },
      ],
    );
    expect(picked.gate.map((f) => f.path)).toEqual([gate(sha('b')).path, gate(sha('c')).path]);
  });

  it('perf: the last run of each day in the 12 weeks; snapshots: the weeks drawn, never the window’s own', () => {
    const files = [
      { path: 'perf/2026-11-24T10-00-00-000Z-x.json' },
      { path: 'perf/2026-11-24T20-00-00-000Z-y.json' },
      { path: 'perf/2026-11-30T00-00-00-000Z-z.json' }, // at the window's end: outside
      { path: 'perf/2026-08-01T10-00-00-000Z-old.json' }, // before the 12 weeks
      { path: 'report/2026-W47.json' },
      { path: 'report/2026-W48.json' }, // this week's, stored by an earlier run
      { path: 'report/2026-W49.json' },
      { path: 'report/2026-W30.json' },
      { path: 'report/notes.json' }, // name says nothing: read, then judged by its content
    ];
    const picked = pickHistoryFiles(files, W, []);
    expect(picked.perf.map((f) => f.path)).toEqual(['perf/2026-11-24T20-00-00-000Z-y.json']);
    expect(picked.snapshots.map((f) => f.path)).toEqual(['report/2026-W47.json', 'report/notes.json']);
  });
});

describe('earlierGateFiles and keepSnapshots', () => {
  it('reads the summaries past snapshots drew, once, and keeps only the weeks drawn', () => {
    const w47 = weekWindow('2026-W47');
    const past = buildReport({
      window: w47,
      generatedAt: w47.to,
      history: {
        gate: [
          {
            schemaVersion: 1,
            commit: sha('c'),
            createdAt: '2026-11-20T10:00:00Z',
            coverage: { lines: { covered: 7, total: 10, pct: 70 }, files: {}, formats: ['lcov'] },
          },
        ],
        perf: [],
        snapshots: [],
        source: 'shipkit-data',
      },
    });
    const own = { ...past, window: W };
    expect(keepSnapshots([past, own], W)).toEqual([past]);
    const files = [gate(sha('b')), gate(sha('c'))];
    expect(earlierGateFiles(files, [past], W, [])).toEqual([gate(sha('c'))]);
    expect(earlierGateFiles(files, [past], W, [files[1] as { path: string }])).toEqual([]);
  });
});

describe('coverageFromHistory with the commits before the window', () => {
  const summary = (commit: string, createdAt: string, pct: number) => ({
    schemaVersion: 1 as const,
    commit,
    createdAt,
    coverage: { lines: { covered: pct, total: 100, pct }, files: {}, formats: ['lcov'] },
  });
  // b was committed at 23:50 before the window and its gate ran at 00:05, inside it
  const gate = [summary(sha('b'), '2026-11-23T00:05:00Z', 90), summary(sha('c'), '2026-11-25T00:00:00Z', 82)];

  it('a summary of a commit before the window is last week’s figure, whenever its gate ran', () => {
    const history = { gate, perf: [], snapshots: [], source: 'x', beforeWindow: [sha('b')] };
    expect(coverageFromHistory(history, W)).toMatchObject({ current: 82, previous: 90, change: -8 });
  });

  it('without knowing b came before, the drop would be lost (what both readers did)', () => {
    const history = { gate, perf: [], snapshots: [], source: 'x' };
    expect(coverageFromHistory(history, W)).toMatchObject({ current: 82, change: null });
  });

  it('window commits that could not be listed make coverage n/a, not last week’s figure', () => {
    const history = {
      gate: [summary(sha('b'), '2026-11-22T00:05:00Z', 90)],
      perf: [],
      snapshots: [],
      source: 'x',
      beforeWindow: [sha('b')],
      windowUnread: 'more than 10000 commits in the window',
    };
    expect(coverageFromHistory(history, W)).toEqual({
      status: 'n/a',
      reason: "the window's commits were not read (more than 10000 commits in the window)",
    });
  });
});
