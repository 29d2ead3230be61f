import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectAssets, globToRegExp } from '../../src/release/assets.js';

describe('release assets by glob', () => {
  it('matches *, **, ? and {a,b} on relative paths', () => {
    expect(globToRegExp('dist/*.tgz').test('dist/a.tgz')).toBe(true);
    expect(globToRegExp('dist/*.tgz').test('dist/x/a.tgz')).toBe(false);
    expect(globToRegExp('**/*.{zip,tgz}').test('a/b/c.zip')).toBe(true);
    expect(globToRegExp('**/*.{zip,tgz}').test('c.tgz')).toBe(true);
    expect(globToRegExp('v?.txt').test('v1.txt')).toBe(true);
  });

  it('reads the files with their sha256, and names a glob that matches nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipkit-assets-'));
    mkdirSync(join(dir, 'dist/sub'), { recursive: true });
    writeFileSync(join(dir, 'dist/a.tgz'), 'abc');
    writeFileSync(join(dir, 'dist/sub/b.zip'), 'zip');
    const assets = await collectAssets(dir, ['dist/*.tgz', 'dist/**/*.zip']);
    expect(assets.map((a) => [a.name, a.path, a.sha256.slice(0, 8), a.contentType])).toEqual([
      ['a.tgz', 'dist/a.tgz', 'ba7816bf', 'application/gzip'],
      ['b.zip', 'dist/sub/b.zip', '4a70fe9a', 'application/zip'],
    ]);
    await expect(collectAssets(dir, ['build/*.tgz'])).rejects.toThrow(
      'asset glob "build/*.tgz" matches no file',
    );
    writeFileSync(join(dir, 'dist/sub/a.tgz'), 'other');
    await expect(collectAssets(dir, ['dist/**/*.tgz'])).rejects.toThrow(/two assets would be named a.tgz/);
  });
});
