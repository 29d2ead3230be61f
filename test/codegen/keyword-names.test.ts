import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { generateFromFile } from '../../src/codegen/generate.js';
import { tempDir } from './helpers.js';

/**
 * A spec whose properties are named `name(keyword)`: an int64 in one, a readOnly field inside
 * another, each reached through a $ref. Properties may be called `default` or `example` as much as
 * `count`: what they hold is a schema like any other.
 */
const spec = (name: (keyword: string) => string) => `openapi: 3.0.3
info: { title: Keywords, version: '1' }
paths:
  /things:
    get:
      operationId: getThing
      responses:
        '200':
          description: ok
          content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } }
    post:
      operationId: postThing
      requestBody:
        content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } }
      responses:
        '204': { description: ok }
components:
  schemas:
    Thing:
      type: object
      properties:
        ${name('default')}: { type: integer, format: int64 }
        ${name('const')}: { type: array, items: { type: integer, format: int64 } }
        ${name('example')}:
          type: object
          properties:
            id: { type: string, readOnly: true }
            ${name('enum')}: { type: integer, format: int64 }
`;

async function generated(name: (keyword: string) => string) {
  const dir = tempDir('keywords');
  writeFileSync(join(dir, 'openapi.yaml'), spec(name));
  const g = await generateFromFile(join(dir, 'openapi.yaml'), { int64: 'string' });
  // The header's hash is of the output, which the names change.
  const text = (f: string) =>
    (g.files.get(f) as string).replace(/Output sha256:[0-9a-f]{16}/, 'Output sha256:-');
  return { client: text('client.ts'), types: text('types.ts') };
}

it('properties named default, const, example or enum are walked like any other (int64, readOnly)', async () => {
  const plain = await generated((k) => `${k}Zz`);
  const keywords = await generated((k) => k);
  // The same int64 shapes and request type as with plain names, the names aside.
  expect(keywords.client).toBe(plain.client.replaceAll('Zz', ''));
  expect(keywords.types).toBe(plain.types.replaceAll('Zz', ''));
  // What that means: both int64 fields decode exactly, and the readOnly id is not sent.
  expect(keywords.client).toContain('"int64":{"r":"Thing"}');
  expect(keywords.client).toContain(
    '"Thing": {"o":{"const":{"l":"i"},"default":"i","example":{"o":{"enum":"i"}}}}',
  );
  expect(keywords.types).toMatch(/export type ThingRequest = \{/);
});
