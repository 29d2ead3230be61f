import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFromFile } from '../../src/codegen/generate.js';
import { formatError, ShipkitError } from '../../src/errors.js';

/**
 * Issue 11 item 4: local `$ref`s read only inside the repository holding the spec (or, with
 * `refs: spec-directory`, inside the spec's directory); the rest is refused with the reference's
 * file, line and JSON pointer, before anything is read.
 */
const hostile = resolve(import.meta.dirname, '../fixtures/hostile/codegen/refs');
const ROOT = resolve(import.meta.dirname, '../..');

async function problem(spec: string, cwd: string, refs?: 'repository' | 'spec-directory'): Promise<string> {
  const error = await generateFromFile(spec, { int64: 'string', ...(refs ? { refs } : {}) }, cwd).then(
    (g) => g.files.get('types.ts'),
    (err: unknown) => err,
  );
  if (!(error instanceof ShipkitError))
    throw new Error(`expected a refusal, got ${String(error).slice(0, 400)}`);
  return formatError(error).join('\n');
}

/** base/repo (a git repository) with api/openapi.yaml whose Secret schema is `$ref: ref`; a secret beside the repo. */
async function layout(ref: string): Promise<{ base: string; repo: string }> {
  const base = mkdtempSync(join(tmpdir(), 'shipkit-refs-'));
  const repo = join(base, 'repo');
  await mkdir(join(repo, 'api'), { recursive: true });
  await mkdir(join(repo, 'shared'));
  await mkdir(join(base, 'sibling'));
  execFileSync('git', ['init', '-q', repo]);
  await writeFile(join(base, 'sibling/secret.yaml'), 'type: string\nenum: [s3cr3t-from-outside]\n');
  await writeFile(join(repo, 'shared/common.yaml'), 'type: string\nenum: [shared-inside]\n');
  await writeFile(
    join(repo, 'api/openapi.yaml'),
    `openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths: {}\ncomponents:\n  schemas:\n    Secret:\n      $ref: "${ref}"\n`,
  );
  return { base, repo };
}

describe('codegen: $ref stays inside the repository', () => {
  it.each([
    ['absolute.yaml', /reads outside/],
    ['proc.yaml', /reads outside/],
    ['climb.yaml', /reads outside/],
    ['file-url.yaml', /is a URL; shipkit reads local files only/],
    ['http-url.yaml', /is a URL; shipkit reads local files only/],
  ])('refuses %s with its file, line and pointer', async (name, reason) => {
    const text = await problem(join(hostile, name), ROOT);
    expect(text).toMatch(reason);
    expect(text).toContain(`test/fixtures/hostile/codegen/refs/${name}:8: $ref "`);
    expect(text).toContain('at /components/schemas/Secret/$ref');
  });

  it('refuses a sibling directory of the repository, and a symbolic link that leads there', async () => {
    const { repo } = await layout('../../sibling/secret.yaml');
    const text = await problem('api/openapi.yaml', repo);
    expect(text).toMatch(
      /^api\/openapi\.yaml:7: \$ref "\.\.\/\.\.\/sibling\/secret\.yaml" at \/components\/schemas\/Secret\/\$ref reads outside .*repo/,
    );
    expect(text).not.toContain('s3cr3t');

    const linked = await layout('./link.yaml');
    await symlink(join(linked.base, 'sibling/secret.yaml'), join(linked.repo, 'api/link.yaml'));
    expect(await problem('api/openapi.yaml', linked.repo)).toMatch(/\$ref "\.\/link\.yaml" .* reads outside/);
  });

  it('reads files elsewhere in the repository, or only the spec directory with refs: spec-directory', async () => {
    const { repo } = await layout('../shared/common.yaml');
    const g = await generateFromFile('api/openapi.yaml', { int64: 'string' }, repo);
    expect(g.files.get('types.ts')).toContain('"shared-inside"');
    expect(await problem('api/openapi.yaml', repo, 'spec-directory')).toMatch(
      /\$ref "\.\.\/shared\/common\.yaml" .* reads outside .*repo\/api/,
    );
  });
});
