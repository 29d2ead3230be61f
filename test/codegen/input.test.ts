import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFromFile } from '../../src/codegen/generate.js';
import { parseSpecText } from '../../src/codegen/spec-text.js';
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

  it('a parameter or security requirement that is not an object: its pointer and line', async () => {
    const p = await failure('bad/malformed.yaml');
    expect(p.message).toBe('parameter is not an object');
    expect(p.location).toEqual({ file: 'bad/malformed.yaml', line: 8 });
    const s = await failure('bad/security.yaml');
    expect(s.message).toBe('`security` must be a list of requirement objects');
    expect(s.location).toEqual({ file: 'bad/security.yaml', line: 8 });
  });

  it('Swagger 2.0 with a value of the wrong type: an error naming the file', async () => {
    const e = await failure('bad/swagger2-null-parameter.yaml');
    expect(e.message).toMatch(/^Swagger 2\.0 document has a value of the wrong type/);
    expect(e.location).toEqual({ file: 'bad/swagger2-null-parameter.yaml' });
  });

  it('a YAML alias inside its own anchor: refused at the alias, not a stack overflow', async () => {
    const e = await failure('bad/circular-alias.yaml');
    expect(e.message).toBe('YAML alias *node sits inside its own anchor &node');
    expect(e.location).toEqual({ file: 'bad/circular-alias.yaml', line: 9, column: 16 });
    // An anchor shared by siblings is fine.
    const shared = 'a: &s {type: string}\nb: *s\nc: {items: *s}\n';
    expect(parseSpecText(shared, 'shared.yaml').data).toEqual({
      a: { type: 'string' },
      b: { type: 'string' },
      c: { items: { type: 'string' } },
    });
  });

  it('a YAML alias bomb (600 bytes, a billion nodes): refused instead of hanging', async () => {
    const e = await failure('bad/alias-bomb.yaml');
    expect(e.message).toBe('YAML aliases expand too far (aliases of aliases)');
    expect(e.location).toEqual({ file: 'bad/alias-bomb.yaml', line: 6, column: 12 });
  });

  it('schemas nested deeper than the call stack: a ShipkitError naming the file', async () => {
    const dir = tempDir('deep');
    const deep = join(dir, 'deep.json');
    const n = 20000;
    const schema = `${'{"type":"array","items":'.repeat(n)}{"type":"string"}${'}'.repeat(n)}`;
    writeFileSync(deep, `{"openapi":"3.0.3","paths":{},"components":{"schemas":{"A":${schema}}}}`);
    const e = await failure(deep);
    expect(e.message).toMatch(/nests too deep/);
    expect(e.location).toEqual({ file: deep });
  });

  it('a $ref to a missing file under escaped keys and a list index: its pointer and line', async () => {
    const dir = tempDir('pointer');
    const spec = join(dir, 'spec.json');
    const schema = '{"allOf":[{"type":"object"},\n{"$ref":"./gone.json#/A"}]}';
    const media = `{"content":{"application/json":{"schema":${schema}}}}`;
    writeFileSync(spec, `{"openapi":"3.0.3","paths":{"/a~b/{id}":{"get":{"responses":{"200":${media}}}}}}`);
    const e = await failure(spec);
    expect(e.message).toBe('$ref "./gone.json#/A" points at a file that does not exist');
    expect(e.hint).toContain(
      '/paths/~1a~0b~1{id}/get/responses/200/content/application~1json/schema/allOf/1/$ref',
    );
    expect(e.location?.file).toMatch(/spec\.json$/);
    expect(e.location?.line).toBe(2);
  });

  it('a JSON spec: a file $ref is followed however its text spells it (spaces, escapes)', async () => {
    const dir = tempDir('spelled');
    const spellings: Record<string, string> = {
      'spaces and a line break': '"$ref" :\n  "./gone.json#/A"',
      'an escaped key': '"\\u0024ref": "./gone.json#/A"',
      'an escaped first character': '"$ref": "\\u002e/gone.json#/A"',
      'an escaped slash': '"$ref": ".\\/gone.json#/A"',
    };
    for (const [name, ref] of Object.entries(spellings)) {
      const spec = join(dir, `${name.replaceAll(' ', '-')}.json`);
      const media = `{"content":{"application/json":{"schema":{${ref}}}}}`;
      writeFileSync(spec, `{"openapi":"3.0.3","paths":{"/a":{"get":{"responses":{"200":${media}}}}}}`);
      const e = await failure(spec);
      expect(e.message, name).toBe('$ref "./gone.json#/A" points at a file that does not exist');
    }
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
