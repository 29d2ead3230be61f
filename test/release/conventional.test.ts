import { describe, expect, it } from 'vitest';
import { DEFAULT_HIDDEN, DEFAULT_SECTIONS } from '../../src/config/sections/release.js';
import { cancelReverts, parseCommit } from '../../src/release/conventional.js';
import type { RawCommit } from '../../src/release/git.js';

const knownTypes = new Set([...Object.keys(DEFAULT_SECTIONS), ...DEFAULT_HIDDEN]);
const raw = (message: string, extra: Partial<RawCommit> = {}): RawCommit => ({
  sha: 'a'.repeat(40),
  parents: ['b'.repeat(40)],
  authorName: 'Ada',
  authorEmail: 'ada@example.com',
  time: 0,
  message,
  ...extra,
});
const parse = (m: string, extra?: Partial<RawCommit>) => parseCommit(raw(m, extra), { knownTypes });

describe('Conventional Commits parser', () => {
  it('reads type, scope, ! and the PR number of the subject', () => {
    const [c] = parse('feat(api)!: drop v1 endpoints (#123)\n');
    expect(c).toMatchObject({
      type: 'feat',
      scope: 'api',
      subject: 'drop v1 endpoints',
      breaking: true,
      pr: 123,
    });
    expect(c?.breakingNotes).toEqual(['drop v1 endpoints']);
    expect(parse('Fix: typo')[0]).toMatchObject({ type: 'fix', scope: undefined, breaking: false, pr: null });
  });

  it('reads BREAKING CHANGE and BREAKING-CHANGE footers with their descriptions', () => {
    const [c] = parse(
      'fix: accept any case\n\nLonger body.\n\nBREAKING CHANGE: header names are now\ncase-insensitive\nRefs: #12',
    );
    expect(c?.breaking).toBe(true);
    expect(c?.breakingNotes).toEqual(['header names are now\ncase-insensitive']);
    expect(parse('refactor: x\n\nBREAKING-CHANGE: gone')[0]?.breakingNotes).toEqual(['gone']);
  });

  it('keeps a message that is not conventional, without a type', () => {
    expect(parse('Update README.md')).toEqual([
      expect.objectContaining({ type: undefined, subject: 'Update README.md' }),
    ]);
  });

  it('reads GitHub merge commits by their PR title and skips branch merges', () => {
    const two = { parents: ['b'.repeat(40), 'c'.repeat(40)] };
    const [m] = parse('Merge pull request #77 from ada/topic\n\nfeat(cli): add --json\n', two);
    expect(m).toMatchObject({ type: 'feat', scope: 'cli', subject: 'add --json', pr: 77 });
    expect(parse("Merge branch 'main' into topic", two)).toEqual([]);
  });

  it('splits a squash body with several conventional lines and reads Co-authored-by', () => {
    const changes = parse(
      'feat: bulk import (#88)\n\n* feat: bulk import\n\n* fix(io): close the file on error\n\n* perf: stream rows\n\nNote: not a change\n\n---------\n\nCo-authored-by: Grace Hopper <grace@example.com>\nSigned-off-by: Ada <ada@example.com>',
    );
    expect(changes.map((c) => [c.type, c.scope, c.subject, c.pr])).toEqual([
      ['feat', undefined, 'bulk import', 88],
      ['fix', 'io', 'close the file on error', 88],
      ['perf', undefined, 'stream rows', 88],
    ]);
    expect(changes[0]?.coAuthors).toEqual([{ name: 'Grace Hopper', email: 'grace@example.com' }]);
  });

  it('cancels a revert and its target when both are in the range; keeps a revert of older work', () => {
    const target = parse('feat: shiny', { sha: '1234567'.padEnd(40, '0') });
    const revert = parse(
      'Revert "feat: shiny"\n\nThis reverts commit 1234567000000000000000000000000000000000.',
      {
        sha: 'f'.repeat(40),
      },
    );
    expect(revert[0]).toMatchObject({ type: 'revert', subject: 'feat: shiny' });
    expect(cancelReverts([...revert, ...target])).toEqual([]);
    const old = parse('revert: feat: older\n\nThis reverts commit 9999999.', { sha: 'e'.repeat(40) });
    expect(cancelReverts([...old, ...target])).toHaveLength(2);
  });
});
