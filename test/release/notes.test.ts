import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { releaseSchema } from '../../src/config/sections/release.js';
import { hasVersion, insertSection } from '../../src/release/changelog.js';
import { notesJson } from '../../src/release/notes.js';
import { prepareRelease } from '../../src/release/prepare.js';
import { versionFileUpdates, workingTreeReader, writeUpdates } from '../../src/release/version-files.js';
import { makeRepo } from './git-repo.js';
import { localGit } from '../../src/process/git.js';

const links = { serverUrl: 'https://github.com', owner: 'acme', repo: 'rocket' };

describe('release notes', () => {
  const repo = makeRepo([
    { message: 'feat: start', tags: ['v1.0.0'] },
    {
      message: 'fix(parser): handle <script> in titles (#12)',
      author: { name: 'Grace', email: 'grace@example.com' },
    },
    { message: 'docs: hidden by default' },
    { message: 'perf: faster\n\nBREAKING CHANGE: needs `node >= 20`' },
    { message: 'feat(cli): `--json` output\n\nCo-authored-by: Linus <linus@example.com>' },
    { message: 'Bump deps', tags: ['v2.0.0'] },
  ]);
  const base = { cwd: repo, git: localGit(repo), tag: 'v2.0.0', links, date: '2026-11-21', warn: () => {} };

  it('puts breaking changes first, sections in the configured order, Other last, with links and newcomers', async () => {
    const r = await prepareRelease({ ...base, config: releaseSchema.parse({}) });
    const md = r.markdown;
    expect(md.split('\n')[0]).toBe(
      '## [2.0.0](https://github.com/acme/rocket/compare/v1.0.0...v2.0.0) (2026-11-21)',
    );
    const order = [
      '### ⚠ BREAKING CHANGES',
      '### Features',
      '### Bug Fixes',
      '### Performance Improvements',
      '### Other',
      '### Contributors',
      '### New contributors',
    ];
    const at = order.map((h) => md.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(md).toContain('* needs `node >= 20`'.replace('>', '&gt;'));
    expect(md).toContain(
      '* **parser:** handle &lt;script&gt; in titles ([#12](https://github.com/acme/rocket/pull/12))',
    );
    expect(md).toContain('* **cli:** `--json` output (');
    expect(md).not.toContain('hidden by default');
    expect(md).toContain('### Contributors\n\nAda Lovelace, Linus, Grace\n');
    expect(md).toMatch(/\* Linus made their first contribution\n\* Grace made their first contribution/);
  });

  it('follows a configured order and headings, and a user template', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipkit-tpl-'));
    writeFileSync(
      join(repo, 'notes.hbs'),
      '{{#each sections}}[{{title}}:{{changes.length}}]{{/each}} {{{version}}}\n',
    );
    const config = releaseSchema.parse({
      sections: { fix: 'Fixes', feat: 'New' },
      other_heading: 'Misc',
      template: 'notes.hbs',
    });
    const r = await prepareRelease({ ...base, config });
    expect(r.markdown).toBe('[Fixes:1][New:1][Misc:2] 2.0.0\n');
    expect(dir).toBeTruthy();
  });

  it('names the file and line of a user template with a syntax error, and a missing one', async () => {
    writeFileSync(join(repo, 'broken.hbs'), '## {{version}}\n{{#each sections}}\n{{title}}\n');
    const broken = releaseSchema.parse({ template: 'broken.hbs' });
    await expect(prepareRelease({ ...base, config: broken })).rejects.toMatchObject({
      message: expect.stringMatching(/^template syntax error: Parse error on line 4/),
      location: { file: expect.stringMatching(/broken\.hbs$/), line: 4 },
    });
    const missing = releaseSchema.parse({ template: 'nope.hbs' });
    await expect(prepareRelease({ ...base, config: missing })).rejects.toMatchObject({
      message: 'cannot read the template: no such file',
    });
  });

  it('gives the JSON of the issue: full sha, subject, scope, pr, breaking', async () => {
    const r = await prepareRelease({ ...base, config: releaseSchema.parse({}) });
    const json = notesJson(r.notes);
    expect(Object.keys(json)).toEqual(['version', 'previous', 'bump', 'sections']);
    expect(json).toMatchObject({ version: '2.0.0', previous: 'v1.0.0', bump: 'major' });
    const fixes = json.sections.find((s) => s.title === 'Bug Fixes');
    expect(fixes?.commits).toEqual([
      {
        sha: expect.stringMatching(/^[0-9a-f]{40}$/),
        subject: 'handle <script> in titles',
        scope: 'parser',
        pr: 12,
        breaking: false,
      },
    ]);
  });
});

describe('CHANGELOG.md and version files', () => {
  it('inserts on top below the title, once', () => {
    const old = '# Changelog\n\nAll notable changes.\n\n## [1.0.0](x) (2026-01-01)\n\n* a\n';
    const once = insertSection(old, '1.1.0', '## 1.1.0 (2026-02-01)\n\n* b\n');
    expect(once).toBe(
      '# Changelog\n\nAll notable changes.\n\n## 1.1.0 (2026-02-01)\n\n* b\n\n## [1.0.0](x) (2026-01-01)\n\n* a\n',
    );
    expect(insertSection(once, '1.1.0', '## 1.1.0 (2026-02-02)\n\n* c\n')).toBe(once);
    expect(hasVersion('## [v1.1.0](x)', '1.1.0')).toBe(true);
    expect(hasVersion('## 1.1.0-rc.1', '1.1.0')).toBe(false);
    expect(hasVersion('## 11.1.0', '1.1.0')).toBe(false);
    expect(insertSection('', '1.0.0', '## 1.0.0\n')).toBe('# Changelog\n\n## 1.0.0\n');
  });

  it('bumps package.json with its lockfile and marked lines, and a re-run changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipkit-vf-'));
    writeFileSync(join(dir, 'package.json'), '{\n    "name": "x",\n    "version": "1.0.0"\n}\n');
    writeFileSync(
      join(dir, 'package-lock.json'),
      JSON.stringify(
        {
          name: 'x',
          version: '1.0.0',
          lockfileVersion: 3,
          packages: { '': { name: 'x', version: '1.0.0' } },
        },
        null,
        2,
      ),
    );
    writeFileSync(
      join(dir, 'version.py'),
      '__version__ = "1.0.0"  # x-release-please-version\nother = "1.0.0"\n',
    );
    const files = [{ path: 'package.json' }, { path: 'version.py', marker: 'x-release-please-version' }];
    const updates = await versionFileUpdates(workingTreeReader(dir), files, '1.1.0');
    expect(updates.map((u) => u.path)).toEqual(['package.json', 'package-lock.json', 'version.py']);
    await writeUpdates(dir, updates);
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe(
      '{\n    "name": "x",\n    "version": "1.1.0"\n}\n',
    );
    expect(JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')).packages[''].version).toBe(
      '1.1.0',
    );
    expect(readFileSync(join(dir, 'version.py'), 'utf8')).toBe(
      '__version__ = "1.1.0"  # x-release-please-version\nother = "1.0.0"\n',
    );
    expect(await versionFileUpdates(workingTreeReader(dir), files, '1.1.0')).toEqual([]);
    await expect(
      versionFileUpdates(workingTreeReader(dir), [{ path: 'version.py', marker: 'nope' }], '1.2.0'),
    ).rejects.toThrow(/no line with the marker "nope"/);
  });
});
