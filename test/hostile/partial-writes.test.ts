import { mkdtempSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFilesAtomic } from '../../src/fs/atomic.js';
import { renderPlanFiles, writePlanFiles } from '../../src/plan/documents.js';
import { loadTemplates } from '../../src/plan/templates.js';
import { writeUpdates } from '../../src/release/version-files.js';
import { plan, TEAM } from '../plan/helpers.js';

/** Issue 11 item 6: a command that writes several files writes them all or none. */

const temp = () => mkdtempSync(join(tmpdir(), 'shipkit-partial-'));

/** Every entry under dir (recursive), with file contents: the state a failure must leave alone. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = join(e.parentPath, e.name);
    out[path.slice(dir.length + 1)] = e.isFile() ? await readFile(path, 'utf8') : '<dir>';
  }
  return out;
}

describe('all-or-nothing writes', () => {
  it('plan: a task file that cannot be written leaves plan.md, plan.json and the workflow unwritten', async () => {
    const files = renderPlanFiles(
      plan(`${TEAM}items:\n  - {id: a, title: a, points: 1}\n  - {id: b, title: b, points: 1}\n`),
      await loadTemplates(),
    );
    const out = temp();
    await writeFile(join(out, 'plan.md'), 'the plan of last sprint\n');
    // `tasks` is a file here: the per-task files, written after plan.md, cannot go in it.
    await writeFile(join(out, 'tasks'), 'not a directory\n');
    const before = await snapshot(out);
    await expect(writePlanFiles(out, files)).rejects.toThrow(/EEXIST|ENOTDIR/);
    expect(await snapshot(out)).toEqual(before);
  });

  it('plan: it writes every file when nothing is in the way', async () => {
    const files = renderPlanFiles(
      plan(`${TEAM}items:\n  - {id: a, title: a, points: 1}\n`),
      await loadTemplates(),
    );
    const out = temp();
    await writeFile(join(out, 'plan.md'), 'old\n');
    expect(await writePlanFiles(out, files)).toEqual([...files.keys()]);
    const after = await snapshot(out);
    for (const [name, text] of files) expect(after[name]).toBe(text);
    expect(Object.keys(after).filter((n) => n.includes('.shipkit-'))).toEqual([]);
  });

  it('release: CHANGELOG.md stays as it was when a version file cannot be written', async () => {
    const root = temp();
    await writeFile(join(root, 'CHANGELOG.md'), '# Changelog\n\n## 1.0.0\n');
    await writeFile(join(root, 'package.json'), '{"version":"1.0.0"}\n');
    await writeFile(join(root, 'packages'), 'a file where a directory was expected\n');
    const before = await snapshot(root);
    const updates = [
      { path: 'CHANGELOG.md', content: '# Changelog\n\n## 1.1.0\n\n## 1.0.0\n' },
      { path: 'package.json', content: '{"version":"1.1.0"}\n' },
      { path: 'packages/core/package.json', content: '{"version":"1.1.0"}\n' },
    ];
    await expect(writeUpdates(root, updates)).rejects.toThrow(/EEXIST|ENOTDIR/);
    expect(await snapshot(root)).toEqual(before);
  });

  it('a directory in the way, a name too long, or a path out of the root: nothing written, new directories removed', async () => {
    const root = temp();
    await writeFile(join(root, 'keep.txt'), 'keep\n');
    await mkdir(join(root, 'busy'));
    const before = await snapshot(root);
    const cases: [string, RegExp][] = [
      ['busy', /EISDIR/],
      [`new/${'x'.repeat(300)}.txt`, /ENAMETOOLONG/],
      ['../escape.txt', /outside/],
    ];
    for (const [bad, error] of cases) {
      const files = new Map([
        ['keep.txt', 'replaced\n'],
        ['new/deep/a.txt', 'a\n'],
        [bad, 'b\n'],
      ]);
      await expect(writeFilesAtomic(root, files)).rejects.toThrow(error);
      expect(await snapshot(root)).toEqual(before);
    }
  });
});
