import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFromFile } from '../../src/codegen/generate.js';
import { ShipkitError } from '../../src/errors.js';
import { fixtures, tempDir } from './helpers.js';

const opts = { int64: 'string' as const };

async function failure(file: string): Promise<ShipkitError> {
  const err = await generateFromFile(file, opts, fixtures).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ShipkitError);
  return err as ShipkitError;
}

describe('codegen input', () => {
  it('reads a 3.1 spec split over YAML and JSON files with circular external $refs', async () => {
    const g = await generateFromFile('split/openapi.yaml', opts, fixtures);
    expect(g.model.operations.map((o) => o.name)).toEqual(['getNode', 'listFiles']);
    const types = g.files.get('types.ts') as string;
    expect(types).toContain('export type TreeNode = {');
    expect(types).toContain('children: TreeNode[];');
    expect(types).toContain('owner?: TreeNode;');
    expect(types).toContain('code?: number | null;');
    // File and Error are DOM/ES globals: the schemas get other names.
    expect(types).toContain('export type FileModel = {');
    expect(types).toContain('errors: { status: 404; body: ErrorModel }');
  });

  it('converts Swagger 2.0: body and formData parameters, collectionFormat, x-nullable', async () => {
    const g = await generateFromFile('swagger2.yaml', opts, fixtures);
    const types = g.files.get('types.ts') as string;
    expect(types).toMatch(/addPet: \{\n {4}input: \{\n {6}body: NewPet;/);
    expect(types).toContain('tag?: string | null;');
    expect(types).toMatch(/uploadPhoto: \{[\s\S]*?body: \{\n\s+caption\?: string;\n\s+file: Blob;/);
    const client = g.files.get('client.ts') as string;
    expect(client).toContain('["query","tags","form",true]');
    expect(client).toContain('"body":"multipart/form-data"');
    expect(client).toContain('const DEFAULT_BASE_URL = "https://petstore.example/v1";');
  });

  it('broken YAML: file, line and column', async () => {
    const e = await failure('bad/broken.yaml');
    expect(e.message).toMatch(/^invalid YAML/);
    expect(e.location).toMatchObject({ file: 'bad/broken.yaml', line: 8, column: 3 });
  });

  it('dangling $ref: the JSON pointer and its line', async () => {
    const e = await failure('bad/dangling.yaml');
    expect(e.message).toContain('"#/components/schemas/Pet" points at nothing');
    expect(e.message).toContain('/paths/~1pets/get/responses/200/content/application~1json/schema/$ref');
    expect(e.location).toEqual({ file: 'bad/dangling.yaml', line: 13 });
  });

  it('duplicate operationIds: the second one, naming the first (JSON line found by pointer)', async () => {
    const e = await failure('bad/duplicate.json');
    expect(e.message).toBe('duplicate operationId "fetch" (also on GET /a)');
    expect(e.location).toEqual({ file: 'bad/duplicate.json', line: 8 });
  });

  it('a file that is not OpenAPI, and a $ref to a missing file', async () => {
    expect((await failure('bad/not-openapi.yaml')).message).toMatch(/^not an OpenAPI document/);
    const e = await failure('bad/missing-file.yaml');
    expect(e.message).toContain('"./nowhere.yaml" points at a file that does not exist');
    expect(e.location).toEqual({ file: 'bad/missing-file.yaml', line: 5 });
  });

  it('an oversize spec is refused before it is read', async () => {
    const dir = tempDir('big');
    const big = join(dir, 'huge.json');
    writeFileSync(big, '{}');
    truncateSync(big, 100 * 1024 * 1024);
    const e = await failure(big);
    expect(e.message).toMatch(/spec file is 100 MB, over the 64 MB limit/);
  });
});
