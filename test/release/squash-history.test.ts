import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { releaseSchema } from '../../src/config/sections/release.js';
import { prepareRelease } from '../../src/release/prepare.js';
import { ROOT } from '../harness/runner.js';
import { readChangelog } from './changelog-history.js';
import { type FakeCommit, makeRepo } from './git-repo.js';
import { localGit } from '../../src/process/git.js';

// A real history whose squash commits carry `* fix: …` lines in their bodies (astandrik/ydb-qdrant,
// release-please; see test/fixtures/release/SOURCE.md), against the CHANGELOG release-please wrote for it.
const dir = join(ROOT, 'test/fixtures/release/ydb-qdrant');
const recorded: { sha: string; message: string; author: FakeCommit['author']; tag?: string }[] = JSON.parse(
  readFileSync(join(dir, 'commits.json'), 'utf8'),
);
const versions = readChangelog(join(dir, 'changelog-4.7.0-4.8.1.md'));
// The record starts after v4.6.0: a stand-in commit carries that tag. 39e3bbd (#112) predates the record.
const BEFORE_RECORD = new Set(['39e3bbd']);
const repo = makeRepo([
  { message: 'chore: history before the recorded commits (stand-in)\n', tags: ['v4.6.0'] },
  ...recorded.map((c) => ({ message: c.message, author: c.author, tags: c.tag ? [c.tag] : [] })),
]);
const config = releaseSchema.parse({ version_files: [] });
const key = (e: { scope: string | null; subject: string; pr: number | null }) =>
  `${e.scope ?? ''}|${e.subject}|${e.pr ?? ''}`;

describe('release notes of squash commits against a real CHANGELOG (ydb-qdrant 4.7.0–4.8.1)', () => {
  it('has the history it claims: 19 commits, 5 release tags, 4 versions with Conventional lines in bodies', () => {
    expect(recorded).toHaveLength(19);
    expect(versions.map((v) => v.version)).toEqual(['4.7.0', '4.7.1', '4.7.2', '4.8.0', '4.8.1']);
    const bodies = recorded.filter((c) => /\n\* (feat|fix): /.test(c.message));
    expect(bodies.map((c) => c.sha.slice(0, 7))).toEqual([
      'b7733ce',
      'a654fe6',
      'e28db4d',
      '017686f',
      'bd6848e',
      'fb0a208',
    ]);
  });

  it.each([
    '4.7.0',
    '4.7.1',
    '4.7.2',
    '4.8.0',
    '4.8.1',
  ])('%s: every commit listed once, under its header, as the committed CHANGELOG lists it', async (version) => {
    const committed = versions.find((v) => v.version === version);
    if (!committed) throw new Error(`no ${version} in the fixture`);
    const r = await prepareRelease({
      cwd: repo,
      git: localGit(repo),
      tag: `v${version}`,
      config,
      warn: () => {},
    });
    for (const heading of ['Features', 'Bug Fixes']) {
      const ours = r.notes.sections.find((s) => s.title === heading)?.changes ?? [];
      const theirs = (committed.sections.get(heading) ?? []).filter((e) => !BEFORE_RECORD.has(e.sha));
      expect(ours.map(key).sort(), heading).toEqual(theirs.map(key).sort());
    }
    expect(r.notes.breaking).toEqual([]);
    expect(r.bump).toBe(r.required);
  });
});
