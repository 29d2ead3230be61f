import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shipkit } from '../harness/cli.js';
import { git, makeRepo } from './git-repo.js';

describe('shipkit release (CLI)', () => {
  const repo = makeRepo([
    {
      message: 'feat: one',
      tags: ['pkg@1.0.0'],
      files: { 'packages/pkg/a.js': '1', 'package.json': '{"version": "1.0.0"}\n' },
    },
    { message: 'fix(pkg): two (#5)', files: { 'packages/pkg/a.js': '2' } },
    { message: 'feat(other): not in pkg', files: { 'packages/other/a.js': '1' } },
    {
      message: 'feat(pkg)!: three\n\nBREAKING CHANGE: renamed',
      files: { 'packages/pkg/a.js': '3' },
      tags: ['pkg@2.0.0'],
    },
    { message: 'fix(pkg): after', files: { 'packages/pkg/a.js': '4' } },
  ]);

  it('prints the JSON of the issue for a tag range with a path and a prefix', async () => {
    const r = await shipkit(
      [
        'release',
        'notes',
        '--from',
        'pkg@1.0.0',
        '--to',
        'pkg@2.0.0',
        '--path',
        'packages/pkg',
        '--tag-prefix',
        'pkg@',
        '--json',
      ],
      repo,
    );
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    const sha = (ref: string) => git(repo, 'rev-parse', ref).trim();
    expect(json).toEqual({
      version: '2.0.0',
      previous: 'pkg@1.0.0',
      bump: 'major',
      sections: [
        {
          title: 'Features',
          commits: [{ sha: sha('pkg@2.0.0'), subject: 'three', scope: 'pkg', pr: null, breaking: true }],
        },
        {
          title: 'Bug Fixes',
          commits: [{ sha: sha('pkg@2.0.0~2'), subject: 'two', scope: 'pkg', pr: 5, breaking: false }],
        },
      ],
    });
  });

  it('numbers an unreleased HEAD from the previous tag; changelog is a dry run until --write', async () => {
    const notes = await shipkit(['release', 'notes', '--tag-prefix', 'pkg@'], repo);
    expect(notes.code).toBe(0);
    expect(notes.stdout).toMatch(
      /^## 2\.0\.1 \(\d{4}-\d{2}-\d{2}\)\n\n### Bug Fixes\n\n\* \*\*pkg:\*\* after \([0-9a-f]{7}\)\n/,
    );
    writeFileSync(join(repo, '.shipkit.yml'), 'release:\n  tag_prefix: pkg@\n');
    const dry = await shipkit(['release', 'changelog', '--config', '.shipkit.yml'], repo);
    expect(dry.stdout).toContain('would write CHANGELOG.md\nwould write package.json');
    expect(git(repo, 'status', '--porcelain')).toBe('?? .shipkit.yml\n');
    const write = await shipkit(['release', 'changelog', '--config', '.shipkit.yml', '--write'], repo);
    expect(write.code).toBe(0);
    expect(readFileSync(join(repo, 'CHANGELOG.md'), 'utf8')).toMatch(/^# Changelog\n\n## 2\.0\.1 /);
    const again = await shipkit(['release', 'changelog', '--config', '.shipkit.yml', '--write'], repo);
    expect(again.stdout).toContain('already hold 2.0.1: nothing to do');
  });

  it('explains bad input with exit 1 and a wrong command line with exit 2', async () => {
    const bad = await shipkit(
      ['release', 'notes', '--from', 'nope', '--to', 'pkg@2.0.0', '--tag-prefix', 'pkg@'],
      repo,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--from nope names no commit');
    expect((await shipkit(['release', 'notes', '--frm', 'x'], repo)).code).toBe(2);
  });

  it('release notes prints the notes of a tag smaller than its commits ask, with a warning; changelog refuses', async () => {
    const small = makeRepo([
      { message: 'feat: one', tags: ['v1.0.0'] },
      { message: 'feat!: drop the old API (#3)', tags: ['v1.0.1'] },
    ]);
    const notes = await shipkit(['release', 'notes', '--to', 'v1.0.1'], small);
    expect(notes.code).toBe(0);
    expect(notes.stdout).toMatch(/^## 1\.0\.1 /);
    expect(notes.stdout).toContain('drop the old API');
    expect(notes.stderr).toMatch(
      /^warning: v1\.0\.1 is a patch release after v1\.0\.0, but the commits require a major release \([0-9a-f]{7} feat!: drop the old API\)\. The release pipeline refuses this tag unless release\.allow_smaller_bump is true\n$/,
    );
    const changelog = await shipkit(['release', 'changelog', '--tag', 'v1.0.1'], small);
    expect(changelog.code).toBe(1);
    expect(changelog.stdout).toBe('');
    expect(changelog.stderr).toContain('but the commits require a major release');
    expect(changelog.stderr).toContain('release.allow_smaller_bump: true');
  });
});
