import { describe, expect, it } from 'vitest';
import { releaseSchema } from '../../src/config/sections/release.js';
import { readReleaseHistory } from '../../src/release/history.js';
import { prepareRelease } from '../../src/release/prepare.js';
import { parseVersion } from '../../src/release/semver.js';
import { previousTag, releaseTags } from '../../src/release/tags.js';
import { makeRepo } from './git-repo.js';
import { localGit } from '../../src/process/git.js';

const knownTypes = new Set(['feat', 'fix', 'perf', 'chore', 'docs', 'revert']);
const config = (extra: Record<string, unknown> = {}) => releaseSchema.parse(extra);

describe('previous tag by semver order within a prefix', () => {
  const tags = releaseTags(
    ['v1.9.0', 'v1.10.0', 'v1.10.1-rc.1', 'v2.0.0-rc.1', 'v2.0.0-rc.2', 'pkg@3.0.0', 'nightly', 'v1.2'].map(
      (name) => ({
        name,
        commit: '',
      }),
    ),
    'v',
  );
  const prev = (v: string) => {
    const version = parseVersion(v);
    if (!version) throw new Error(`not semver: ${v}`);
    return previousTag(tags, version)?.name;
  };

  it('orders numerically, skips pre-releases for a stable version, keeps them for a pre-release', () => {
    expect(tags.map((t) => t.name)).toEqual([
      'v2.0.0-rc.2',
      'v2.0.0-rc.1',
      'v1.10.1-rc.1',
      'v1.10.0',
      'v1.9.0',
    ]);
    expect(prev('2.0.0')).toBe('v1.10.0');
    expect(prev('2.0.0-rc.3')).toBe('v2.0.0-rc.2');
    expect(prev('1.10.0')).toBe('v1.9.0');
    expect(prev('1.0.0')).toBeUndefined();
  });

  it('keeps the packages of a monorepo apart: pkg@, pkg-v', () => {
    const all = ['pkg@1.0.0', 'pkg@1.1.0', 'pkg-v9.0.0', 'other@5.0.0', 'v7.0.0'].map((name) => ({
      name,
      commit: '',
    }));
    expect(releaseTags(all, 'pkg@').map((t) => t.name)).toEqual(['pkg@1.1.0', 'pkg@1.0.0']);
    expect(releaseTags(all, 'pkg-v').map((t) => t.name)).toEqual(['pkg-v9.0.0']);
  });
});

describe('history from real git', () => {
  const repo = makeRepo([
    { message: 'feat: first', tags: ['v1.0.0'] },
    { message: 'fix: one (#3)', author: { name: 'Grace', email: 'grace@example.com' } },
    { message: 'feat(api): two', files: { 'packages/api/index.js': '1' }, tags: ['v1.1.0-rc.1'] },
    { message: 'chore: three\n\nBREAKING CHANGE: node 20 required', files: { 'packages/web/index.js': '1' } },
    { message: 'not conventional', tags: ['v2.0.0', 'api@0.3.0'] },
    { message: 'fix: after', tags: ['v2.0.1'] },
  ]);

  it('reads the commits between the previous stable tag and the pushed one, in one git log', async () => {
    const h = await readReleaseHistory({
      git: localGit(repo),
      tag: 'v2.0.0',
      prefix: 'v',
      knownTypes,
      withEarlierAuthors: true,
    });
    expect(h.previous?.name).toBe('v1.0.0');
    expect(h.commitCount).toBe(4);
    expect(h.changes.map((c) => c.subject)).toEqual(['not conventional', 'three', 'two', 'one']);
    expect(h.changes.every((c) => /^[0-9a-f]{40}$/.test(c.sha))).toBe(true);
    expect([...h.earlierAuthors]).toEqual(['ada@example.com']);
  });

  it('filters by path for a monorepo package', async () => {
    const h = await readReleaseHistory({
      git: localGit(repo),
      tag: 'api@0.3.0',
      prefix: 'api@',
      paths: ['packages/api'],
      knownTypes,
    });
    expect(h.previous).toBeUndefined();
    expect(h.changes.map((c) => c.subject)).toEqual(['two']);
  });

  it('rejects a tag that is not semver, naming the expected form', async () => {
    await expect(
      readReleaseHistory({ git: localGit(repo), tag: 'v2.0', prefix: 'v', knownTypes }),
    ).rejects.toThrow(/not a release tag: expected v<semver>/);
  });

  it('requires a major bump for a breaking change and refuses a smaller tag unless allowed', async () => {
    const ok = await prepareRelease({
      cwd: repo,
      git: localGit(repo),
      tag: 'v2.0.0',
      config: config(),
      warn: () => {},
    });
    expect([ok.required, ok.bump]).toEqual(['major', 'major']);
    const small = makeRepo([
      { message: 'feat: a', tags: ['v1.0.0'] },
      { message: 'feat!: remove the old API', tags: ['v1.0.1'] },
    ]);
    await expect(
      prepareRelease({ cwd: small, git: localGit(small), tag: 'v1.0.1', config: config(), warn: () => {} }),
    ).rejects.toThrow(
      /v1.0.1 is a patch release after v1.0.0, but the commits require a major release \([0-9a-f]{7} feat!: remove the old API\)/,
    );
    const warnings: string[] = [];
    const allowed = await prepareRelease({
      cwd: small,
      git: localGit(small),
      tag: 'v1.0.1',
      config: config({ allow_smaller_bump: true }),
      warn: (m) => warnings.push(m),
    });
    expect(allowed.bump).toBe('patch');
    expect(warnings[0]).toMatch(/allowed by release.allow_smaller_bump/);
  });

  it('applies the configurable 0.x rules', async () => {
    const zero = makeRepo([
      { message: 'feat: a', tags: ['v0.3.0'] },
      { message: 'feat!: b', tags: ['v0.4.0'] },
    ]);
    const usual = await prepareRelease({
      cwd: zero,
      git: localGit(zero),
      tag: 'v0.4.0',
      config: config(),
      warn: () => {},
    });
    expect(usual.required).toBe('minor');
    await expect(
      prepareRelease({
        cwd: zero,
        git: localGit(zero),
        tag: 'v0.4.0',
        config: config({ initial_development: 'major' }),
        warn: () => {},
      }),
    ).rejects.toThrow(/require a major release/);
  });

  it('starts a first release from the root commit', async () => {
    const first = await prepareRelease({
      cwd: repo,
      git: localGit(repo),
      tag: 'v1.0.0',
      config: config(),
      warn: () => {},
    });
    expect(first.notes.previous).toBeNull();
    expect(first.history.commitCount).toBe(1);
    expect(first.bump).toBe('minor');
  });
});
