import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShipkitError } from '../../src/errors.js';
import { type DiffFile, parseUnifiedDiff } from '../../src/gate/diff.js';
import { checkDiffApplies } from '../../src/gate/diff-apply.js';
import { numbered, tempRepo } from './git-repo.js';

/** Lines of `path` at HEAD that git blame does not attribute to `base` (an oracle apart from diff). */
function blameAdded(repo: ReturnType<typeof tempRepo>, base: string, path: string): number[] {
  const out = repo.git('blame', '--porcelain', `${base}..HEAD`, '--', path);
  const boundary = new Set<string>();
  let current = '';
  const lines: [string, number][] = [];
  for (const line of out.split('\n')) {
    const m = /^([0-9a-f]{40}) \d+ (\d+)/.exec(line);
    if (m) {
      current = m[1] as string;
      lines.push([current, Number(m[2])]);
    } else if (line === 'boundary') boundary.add(current);
  }
  return lines.filter(([sha]) => !boundary.has(sha)).map(([, n]) => n);
}

function byPath(files: DiffFile[]): Record<string, DiffFile> {
  return Object.fromEntries(files.map((f) => [f.path, f]));
}

describe('unified diffs from real git', () => {
  const repo = tempRepo();
  repo.write('src/keep.ts', numbered(40));
  repo.write('src/old name.ts', numbered(30, 'renamed'));
  repo.write('src/gone.ts', numbered(12, 'gone'));
  repo.write('assets/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0, 0, 255]));
  repo.write('src/tail.ts', 'a\nb\nc');
  const base = repo.commit('base');
  const keep = numbered(40).split('\n');
  keep.splice(4, 2, 'changed 5', 'changed 6', 'inserted');
  keep.splice(30, 3);
  repo.write('src/keep.ts', keep.join('\n'));
  repo.remove('src/old name.ts');
  const renamed = numbered(30, 'renamed').split('\n');
  renamed[9] = 'edited after rename';
  repo.write('src/new näme.ts', renamed.join('\n'));
  repo.remove('src/gone.ts');
  repo.write('src/added.ts', numbered(3, 'fresh'));
  repo.write('assets/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 9, 9, 9, 0, 0, 254]));
  repo.write('src/tail.ts', 'a\nb\nc\nd');
  repo.commit('head');
  const text = repo.git('diff', `${base}...HEAD`);
  const files = byPath(parseUnifiedDiff(text, 'pr.diff'));

  it('maps added and changed lines to head line numbers', () => {
    expect(files['src/keep.ts']).toMatchObject({ status: 'modified', added: [5, 6, 7], removed: 5 });
    expect(files['src/keep.ts']?.added).toEqual(blameAdded(repo, base, 'src/keep.ts'));
  });

  it('follows renames, including quoted non-ASCII paths', () => {
    expect(files['src/new näme.ts']).toMatchObject({
      status: 'renamed',
      oldPath: 'src/old name.ts',
      added: [10],
      removed: 1,
    });
  });

  it('knows new, deleted and binary files and a missing final newline', () => {
    expect(files['src/added.ts']).toMatchObject({ status: 'added', added: [1, 2, 3] });
    expect(files['src/gone.ts']).toMatchObject({ status: 'deleted', added: [], removed: 12 });
    expect(files['assets/logo.png']).toMatchObject({ binary: true, added: [] });
    expect(files['src/tail.ts']).toMatchObject({ added: [3, 4], removed: 1 });
  });

  it('agrees with git diff --numstat and --shortstat', () => {
    const numstat = repo.git('diff', '--numstat', '--no-renames', `${base}...HEAD`);
    for (const [path, f] of [
      ['src/keep.ts', files['src/keep.ts']],
      ['src/added.ts', files['src/added.ts']],
    ] as const) {
      const row = numstat.split('\n').find((l) => l.endsWith(`\t${path}`));
      expect(row).toBe(`${f?.added.length}\t${f?.removed}\t${path}`);
    }
    expect(numstat).toMatch(/^-\t-\tassets\/logo\.png$/m);
    const totals = repo.git('diff', '--shortstat', `${base}...HEAD`);
    const parsed = Object.values(files);
    expect(parsed.reduce((s, d) => s + d.added.length, 0)).toBe(Number(/(\d+) insertion/.exec(totals)?.[1]));
    expect(parsed.reduce((s, d) => s + d.removed, 0)).toBe(Number(/(\d+) deletion/.exec(totals)?.[1]));
    expect(Number(/(\d+) files? changed/.exec(totals)?.[1])).toBe(parsed.length);
  });

  it('applies to the working tree it was taken from', () => {
    const read = (p: string) => {
      try {
        return readFileSync(join(repo.dir, p), 'utf8');
      } catch {
        return undefined;
      }
    };
    expect(() => checkDiffApplies(Object.values(files), read, 'pr.diff')).not.toThrow();
    const stale = (p: string) => (p === 'src/keep.ts' ? numbered(40) : read(p));
    expect(() => checkDiffApplies(Object.values(files), stale, 'pr.diff')).toThrow(
      /the diff does not apply: line 5 of src\/keep\.ts is not what the diff says/,
    );
  });
});

describe('diffs that do not add up', () => {
  it('names the line where a truncated diff ends', () => {
    const text = 'diff --git a/x.ts b/x.ts\n--- a/x.ts\n+++ b/x.ts\n@@ -1,3 +1,4 @@\n a\n+b\n';
    let err: unknown;
    try {
      parseUnifiedDiff(text, 'pr.diff');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ShipkitError);
    expect((err as ShipkitError).message).toMatch(/the diff ends inside a hunk of x\.ts/);
    expect((err as ShipkitError).location).toEqual({ file: 'pr.diff', line: 6 });
  });

  it('refuses a malformed hunk header and a hunk before any file', () => {
    expect(() => parseUnifiedDiff('--- a/x\n+++ b/x\n@@ -1 +1 @\n', 'd')).toThrow(/malformed hunk header/);
    expect(() => parseUnifiedDiff('@@ -1 +1 @@\n-a\n+b\n', 'd')).toThrow(/a hunk before any file header/);
  });

  it('reads an empty diff as no files', () => {
    expect(parseUnifiedDiff('', 'd')).toEqual([]);
  });
});

describe('the API’s diff (list pull request files)', () => {
  it('reads patches, renames, binary files, and names files GitHub left out', async () => {
    const { diffFromPullRequestFiles } = await import('../../src/gate/diff-api.js');
    const entry = (over: Record<string, unknown>) => ({ additions: 0, deletions: 0, ...over }) as never;
    const { files, missing } = diffFromPullRequestFiles([
      entry({
        filename: 'src/a.ts',
        status: 'modified',
        additions: 2,
        deletions: 1,
        patch: '@@ -1,2 +1,3 @@\n a\n-b\n+B\n+c',
      }),
      entry({
        filename: 'src/new.ts',
        previous_filename: 'src/old.ts',
        status: 'renamed',
        additions: 1,
        patch: '@@ -3,0 +4 @@\n+x',
      }),
      entry({ filename: 'logo.png', status: 'modified' }),
      entry({ filename: 'huge.json', status: 'modified', additions: 90000 }),
      entry({
        filename: 'gone.ts',
        status: 'removed',
        deletions: 4,
        patch: '@@ -1,4 +0,0 @@\n-a\n-b\n-c\n-d',
      }),
    ]);
    expect(files.map((f) => [f.path, f.status, f.added, f.binary])).toEqual([
      ['src/a.ts', 'modified', [2, 3], false],
      ['src/new.ts', 'renamed', [4], false],
      ['logo.png', 'modified', [], true],
      ['huge.json', 'modified', [], false],
      ['gone.ts', 'deleted', [], false],
    ]);
    expect(files[1]?.oldPath).toBe('src/old.ts');
    expect(missing).toEqual(['huge.json']);
  });
});

describe('globs in shipkit.yml', () => {
  it('match as teams write them', async () => {
    const { pathMatcher } = await import('../../src/gate/glob.js');
    const m = pathMatcher(['src/core/**', '*.test.ts', 'docs/{a,b}/*.md']);
    expect(['src/core/x.ts', 'src/core/a/b.ts', 'test/x.test.ts', 'x.test.ts', 'docs/a/r.md'].every(m)).toBe(
      true,
    );
    expect(['src/corex.ts', 'src/ui/x.ts', 'docs/c/r.md', 'docs/a/b/r.md'].some(m)).toBe(false);
  });
});
