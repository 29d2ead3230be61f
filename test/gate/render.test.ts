import { describe, expect, it } from 'vitest';
import type { CoverageReport } from '../../src/gate/coverage/model.js';
import { parseUnifiedDiff } from '../../src/gate/diff.js';
import { renderComment, renderSummary, uncoveredAnnotations } from '../../src/gate/render.js';
import { type GateRun, runGates } from '../../src/gate/run.js';
import { COMMENT_LIMIT } from '../../src/github/limits.js';
import { markdownText } from '../../src/render/markdown.js';

function bigReport(files: number): CoverageReport {
  const map = new Map();
  for (let i = 0; i < files; i++) {
    const path = `packages/module-${i}/src/some/deeply/nested/directory/file-${i}.ts`;
    map.set(path, {
      path,
      lines: new Map(Array.from({ length: 20 }, (_, n) => [n + 1, n % ((i % 7) + 2) ? 1 : 0])),
    });
  }
  return { files: map, formats: ['lcov'], approximate: new Set() };
}

describe('the sticky comment', () => {
  it('puts the worst files first and stays under GitHub’s 65,536 characters with a note', () => {
    const report = bigReport(3000);
    const run = runGates({
      config: { test_coverage: { threshold: 80, action: 'fail_if_below' } },
      coverage: report,
      today: '2026-01-01',
    });
    const comment = renderComment(run);
    expect(comment.length).toBeLessThan(COMMENT_LIMIT);
    expect(comment).toMatch(
      /_\d+ more file\(s\) not shown: the comment is limited in size; the job summary lists them all\._/,
    );
    const rows = [...comment.matchAll(/^\| (packages\/\S+) \| ([\d.]+)% \|/gm)].map((m) => Number(m[2]));
    expect(rows.length).toBeGreaterThan(100);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    // The summary keeps every file.
    expect(renderSummary(run).match(/^\| packages\//gm)).toHaveLength(3000);
  });

  it('treats paths and titles as data: no table breaks, HTML or mentions', () => {
    expect(markdownText('a|b\n<img src=x onerror=alert(1)> @octocat `x`')).toBe(
      'a\\|b \\<img src=x onerror=alert(1)\\> @\u200boctocat \\`x\\`',
    );
    const path = 'a|b <img src=x> [x](y)_1.ts';
    const run: GateRun = { verdict: 'pass', results: [], uncovered: [], warnings: [], files: [] };
    run.files.push({ path, percent: 50, covered: 1, total: 2 });
    expect(renderSummary(run)).toContain('| a\\|b \\<img src=x\\> \\[x\\](y)\\_1.ts | 50');
  });
});

describe('annotations', () => {
  it('one per uncovered stretch of changed lines, nowhere else', () => {
    const report: CoverageReport = {
      files: new Map([
        [
          'a.ts',
          {
            path: 'a.ts',
            lines: new Map([
              [1, 1],
              [2, 0],
              [3, 0],
              [5, 0],
              [9, 0],
            ]),
          },
        ],
      ]),
      formats: ['lcov'],
      approximate: new Set(),
    };
    const diff = parseUnifiedDiff('--- a/a.ts\n+++ b/a.ts\n@@ -1,0 +1,5 @@\n+a\n+b\n+c\n+d\n+e\n');
    const run = runGates({
      config: { test_coverage: { threshold: 0, patch: 0, action: 'fail_if_below' } },
      coverage: report,
      diff,
      today: '2026-01-01',
    });
    expect(
      uncoveredAnnotations(run.uncovered).map((a) => [a.path, a.start_line, a.end_line, a.message]),
    ).toEqual([
      ['a.ts', 2, 3, 'Lines 2-3 were added or changed and no test ran them.'],
      ['a.ts', 5, 5, 'Line 5 was added or changed and no test ran it.'],
    ]);
  });
});
