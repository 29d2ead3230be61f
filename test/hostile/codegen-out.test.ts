import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run as cli } from '../../src/cli/codegen.js';
import { ShipkitError } from '../../src/errors.js';

/**
 * Issue 11 item 3: `codegen openapi --out` replaces only a directory shipkit wrote (it holds
 * .shipkit-codegen.json), an empty one or a new one; never the working directory or one above
 * it, a directory holding the spec, or a repository's root. Real directories, a real git repo.
 */
const ROOT = new URL('../../', import.meta.url).pathname;
const home = process.cwd();
afterEach(() => process.chdir(home));

const quiet = { out: () => {}, err: () => {} };

/** base/repo: a git repository with the spec under api/, a README and a docs folder. */
async function repository(): Promise<{ base: string; repo: string }> {
  const base = mkdtempSync(join(tmpdir(), 'shipkit-codegen-out-'));
  const repo = join(base, 'repo');
  await mkdir(join(repo, 'api'), { recursive: true });
  await mkdir(join(repo, 'docs'));
  await cp(join(ROOT, 'examples/api/openapi.yaml'), join(repo, 'api/openapi.yaml'));
  await writeFile(join(repo, 'README.md'), '# a project\n');
  await writeFile(join(repo, 'docs/notes.md'), 'notes nobody generated\n');
  execFileSync('git', ['init', '-q', repo]);
  return { base, repo };
}

async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => !e.parentPath.includes(`${join(dir, '.git')}`))
    .map((e) => join(e.parentPath, e.name).slice(dir.length))
    .sort();
}

async function refused(args: string[], reason: RegExp): Promise<void> {
  const error = await cli(['openapi', 'api/openapi.yaml', ...args], quiet).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(ShipkitError);
  expect((error as ShipkitError).message).toMatch(reason);
  expect((error as ShipkitError).hint).toMatch(/empty or new directory/);
}

describe('codegen --out', () => {
  it('refuses the working directory, its parent, the spec directory and unrelated directories', async () => {
    const { base, repo } = await repository();
    process.chdir(repo);
    const before = await tree(base);
    await refused(['--out', '.'], /refusing to replace \.: it is the working directory or holds it/);
    await refused(['--out', '..'], /refusing to replace \.\.: it is the working directory or holds it/);
    await refused(['--out', 'api'], /refusing to replace api: it holds the spec api\/openapi\.yaml/);
    await refused(
      ['--out', 'docs'],
      /refusing to replace docs: it holds files shipkit did not write \(notes\.md\)/,
    );
    await refused(['--out', 'README.md'], /it is not a directory/);
    await symlink(join(repo, 'docs'), join(repo, 'linked'));
    await refused(['--out', 'linked'], /it is a symbolic link/);
    expect(await tree(base)).toEqual([...before, '/repo/linked'].sort());
    expect(await readFile(join(repo, 'docs/notes.md'), 'utf8')).toBe('notes nobody generated\n');
  });

  it('refuses a repository root, even one holding a planted marker', async () => {
    const { repo } = await repository();
    const other = await repository();
    await writeFile(join(other.repo, '.shipkit-codegen.json'), '{"generator":"shipkit codegen"}\n');
    process.chdir(repo);
    await refused(['--out', other.repo], /it is the root of a git repository/);
    expect(await readFile(join(other.repo, 'README.md'), 'utf8')).toBe('# a project\n');
  });

  it('writes a new or empty directory, then replaces what it wrote (marker) or what an older shipkit wrote', async () => {
    const { repo } = await repository();
    process.chdir(repo);
    expect(await cli(['openapi', 'api/openapi.yaml', '--out', 'src/gen'], quiet)).toBe(0);
    const names = await readdir(join(repo, 'src/gen'));
    expect(names).toContain('.shipkit-codegen.json');
    const marker = JSON.parse(await readFile(join(repo, 'src/gen/.shipkit-codegen.json'), 'utf8'));
    expect(marker).toMatchObject({ generator: 'shipkit codegen', spec: 'openapi.yaml' });
    expect(marker.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await cli(['openapi', 'api/openapi.yaml', '--out', 'src/gen', '--zod'], quiet)).toBe(0);
    expect(await readdir(join(repo, 'src/gen'))).toContain('schemas.ts');
    await mkdir(join(repo, 'empty'));
    expect(await cli(['openapi', 'api/openapi.yaml', '--out', 'empty'], quiet)).toBe(0);
    // Output of a shipkit from before the marker: generated names only, with the generated header.
    const { rm } = await import('node:fs/promises');
    await rm(join(repo, 'empty/.shipkit-codegen.json'));
    expect(await cli(['openapi', 'api/openapi.yaml', '--out', 'empty'], quiet)).toBe(0);
    // The marker makes the directory shipkit's: it is replaced whole, a file added to it included.
    await writeFile(join(repo, 'empty/extra.ts'), 'export const mine = 1;\n');
    expect(await cli(['openapi', 'api/openapi.yaml', '--out', 'empty'], quiet)).toBe(0);
    expect(await readdir(join(repo, 'empty'))).not.toContain('extra.ts');
  });
});
