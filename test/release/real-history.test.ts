import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { releaseSchema } from '../../src/config/sections/release.js';
import { prepareRelease } from '../../src/release/prepare.js';
import { ROOT } from '../harness/runner.js';
import { commitsOf, HEADING_TYPES, readChangelog } from './changelog-history.js';
import { makeRepo } from './git-repo.js';
import { localGit } from '../../src/process/git.js';

// The anthropic-sdk-typescript history between sdk-v0.13.0 and sdk-v0.41.0, rebuilt from the CHANGELOG.md
// release-please committed (see test/fixtures/release/SOURCE.md), against the notes shipkit writes for each tag.
const versions = readChangelog(join(ROOT, 'test/fixtures/release/anthropic-sdk-changelog-0.13-0.41.md.gz'));
const repo = makeRepo(commitsOf(versions, 'sdk-v'));
// This project's release-please settings: every type shown, under its own headings.
const config = releaseSchema.parse({
  tag_prefix: 'sdk-v',
  sections: Object.fromEntries(Object.entries(HEADING_TYPES).map(([heading, type]) => [type, heading])),
  hidden: [],
  version_files: [],
});

const key = (e: { scope: string | null; subject: string; pr: number | null }) =>
  `${e.scope ?? ''}|${e.subject}|${e.pr ?? ''}`;

describe('notes against a real project (anthropic-sdk-typescript 0.13–0.41, release-please)', () => {
  it('has the history it claims', () => {
    expect(versions).toHaveLength(64);
    // 285 entries: 284 under a type heading, one also under ⚠ BREAKING CHANGES (0.14.0).
    expect(versions.reduce((n, v) => n + [...v.sections.values()].flat().length, 0)).toBe(284);
    expect(versions.flatMap((v) => v.breaking.map((b) => `${v.version} ${b.subject}`))).toEqual([
      '0.14.0 messages is generally available',
    ]);
  });

  it.each([
    '0.14.0',
    '0.16.0',
    '0.20.0',
    '0.27.0',
    '0.30.0',
    '0.33.0',
    '0.36.0',
    '0.37.0',
    '0.40.0',
    '0.41.0',
  ])('%s: same Features and Bug Fixes, the previous tag and the bump between tags', async (version) => {
    const i = versions.findIndex((v) => v.version === version);
    const committed = versions[i];
    const before = versions[i - 1];
    if (!committed || !before) throw new Error(`no ${version} or its predecessor in the fixture`);
    const r = await prepareRelease({
      cwd: repo,
      git: localGit(repo),
      tag: `sdk-v${version}`,
      config,
      warn: () => {},
    });
    expect(r.notes.previous).toBe(`sdk-v${before.version}`);
    for (const heading of ['Features', 'Bug Fixes']) {
      const ours = r.notes.sections.find((s) => s.title === heading)?.changes ?? [];
      const theirs = committed.sections.get(heading) ?? [];
      expect(ours.map(key).sort(), heading).toEqual(theirs.map(key).sort());
    }
    expect(r.notes.breaking.map(key)).toEqual(committed.breaking.map(key));
    // The bump release-please made between the two tags is the one the commits require.
    expect(r.bump).toBe(r.required);
  });

  it('the bump between every pair of tags follows the commits (0.x: breaking and features minor)', async () => {
    const mismatches: string[] = [];
    for (const v of versions.slice(1)) {
      const r = await prepareRelease({
        cwd: repo,
        git: localGit(repo),
        tag: `sdk-v${v.version}`,
        config: { ...config, allow_smaller_bump: true },
        warn: () => {},
      });
      if (r.bump !== r.required) mismatches.push(`${v.version}: tag ${r.bump}, commits ${r.required}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('full CHANGELOG from one git log', () => {
  it('rebuilds every release section of the real project with the same Features and Bug Fixes', async () => {
    const { fullChangelog } = await import('../../src/release/full-changelog.js');
    const text = await fullChangelog({ cwd: repo, git: localGit(repo), config });
    const parts = text.split(/^(?=## )/m).slice(1);
    expect(parts.map((p) => /^## (\S+)/.exec(p)?.[1])).toEqual(versions.map((v) => v.version).reverse());
    for (const [i, part] of parts.entries()) {
      const committed = versions[versions.length - 1 - i];
      const features = (part.split('### Features\n\n')[1] ?? '').split('\n\n')[0] ?? '';
      const count = features ? features.split('\n').filter((l) => l.startsWith('* ')).length : 0;
      expect(count, committed?.version).toBe(committed?.sections.get('Features')?.length ?? 0);
    }
  });
});
