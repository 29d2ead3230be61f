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

  it('lists a squash commit once, under its header, whatever its body lists; reads Co-authored-by', () => {
    const changes = parse(
      'feat: bulk import (#88)\n\n* feat: bulk import\n\n* fix(io): close the file on error\n\n* perf: stream rows\n\nNote: not a change\n\n---------\n\nCo-authored-by: Grace Hopper <grace@example.com>\nSigned-off-by: Ada <ada@example.com>',
    );
    expect(changes.map((c) => [c.type, c.scope, c.subject, c.pr, c.breaking])).toEqual([
      ['feat', undefined, 'bulk import', 88, false],
    ]);
    expect(changes[0]?.coAuthors).toEqual([{ name: 'Grace Hopper', email: 'grace@example.com' }]);
  });

  it('keeps a breaking change that a squash body or its footer declares', () => {
    const [bang] = parse('feat: v2 client (#9)\n\n* feat!: drop the v1 client\n\n* fix: typo');
    expect(bang).toMatchObject({ type: 'feat', subject: 'v2 client', breaking: true });
    expect(bang?.breakingNotes).toEqual(['drop the v1 client']);
    const [footer] = parse(
      'fix: stricter parsing (#10)\n\n* fix: x\n\nBREAKING CHANGE: unknown keys are errors',
    );
    expect(footer?.breakingNotes).toEqual(['unknown keys are errors']);
  });

  it('replaces the commit by the lines of a BEGIN_COMMIT_OVERRIDE block (release-please)', () => {
    // The shape of a real squash commit of AztecProtocol/aztec-packages (366d980, #13592), shortened.
    const changes = parse(
      'chore: Bump Noir reference (#13592)\n\nAutomated pull of nightly from the\n[noir](https://github.com/noir-lang/noir) programming language, a\ndependency of Aztec.\nBEGIN_COMMIT_OVERRIDE\nfix(brillig): SliceRefCount reads from the appropriate pointer\n(https://github.com/noir-lang/noir/pull/8148)\nchore: remove try_merge_only_changed_indices\n(https://github.com/noir-lang/noir/pull/8142)\nfeat: `#[allow(dead_code)]`\n(https://github.com/noir-lang/noir/pull/8066)\nEND_COMMIT_OVERRIDE\n\n---------\n\nCo-authored-by: AztecBot <tech@aztecprotocol.com>',
    );
    expect(changes.map((c) => [c.type, c.scope, c.subject, c.pr])).toEqual([
      [
        'fix',
        'brillig',
        'SliceRefCount reads from the appropriate pointer (https://github.com/noir-lang/noir/pull/8148)',
        13592,
      ],
      [
        'chore',
        undefined,
        'remove try_merge_only_changed_indices (https://github.com/noir-lang/noir/pull/8142)',
        13592,
      ],
      ['feat', undefined, '`#[allow(dead_code)]` (https://github.com/noir-lang/noir/pull/8066)', 13592],
    ]);
    expect(changes.every((c) => c.coAuthors.length === 1 && c.sha === 'a'.repeat(40))).toBe(true);
  });

  it('reads breaking changes and PR numbers inside an override block; an empty block changes nothing', () => {
    const changes = parse(
      'chore: sync (#5)\n\nBEGIN_COMMIT_OVERRIDE\nfeat(api)!: remove /v1 (#41)\nfix: retry on 503\nBREAKING CHANGE: retries are on by default\nEND_COMMIT_OVERRIDE',
    );
    expect(changes.map((c) => [c.type, c.subject, c.pr, c.breaking, c.breakingNotes])).toEqual([
      ['feat', 'remove /v1', 41, true, ['remove /v1']],
      ['fix', 'retry on 503', 5, true, ['retries are on by default']],
    ]);
    const [kept] = parse(
      'docs: reword (#6)\n\nBEGIN_COMMIT_OVERRIDE\nfeat: a new thing\nEND_COMMIT_OVERRIDE\n\nBREAKING CHANGE: the old thing is gone',
    );
    expect(kept).toMatchObject({
      type: 'feat',
      subject: 'a new thing',
      breaking: true,
      breakingNotes: ['the old thing is gone'],
    });
    expect(parse('fix: y (#7)\n\nBEGIN_COMMIT_OVERRIDE\n\nEND_COMMIT_OVERRIDE')).toEqual([
      expect.objectContaining({ type: 'fix', subject: 'y', pr: 7 }),
    ]);
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
