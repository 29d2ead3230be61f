import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { type GenerateOptions, generateFromFile } from '../../src/codegen/generate.js';
import { fixtures, root, tempDir } from './helpers.js';

/**
 * The sha256 of every file generated from the codegen fixtures and GitHub's spec, as recorded in
 * test/fixtures/codegen/output-sha256.json: a change to the generator that is meant to be only
 * faster must leave them all as they are. When the output is meant to change, regenerate the
 * record (SHIPKIT_UPDATE_GOLDEN=1 npx vitest run test/codegen/golden.test.ts) and say why in the commit.
 */
const record = join(fixtures, 'output-sha256.json');
const VARIANTS: Record<string, GenerateOptions> = {
  string: { int64: 'string' },
  'bigint-zod-mocks': { int64: 'bigint', zod: true, mocks: true },
};

it('generated output is byte-identical to the recorded output (fixtures and GitHub, two option sets)', async () => {
  const dir = tempDir('golden');
  const specs: string[] = [join(fixtures, 'split/openapi.yaml'), join(fixtures, 'swagger2.yaml')];
  const gz = [
    ...readdirSync(join(fixtures, 'specs')).map((f) => join(fixtures, 'specs', f)),
    join(root, 'test/fixtures/github/api.github.com.json.gz'),
  ];
  mkdirSync(join(dir, 'specs'));
  for (const file of gz.sort()) {
    const to = join(dir, 'specs', file.replace(/^.*\//, '').replace(/\.gz$/, ''));
    writeFileSync(to, gunzipSync(readFileSync(file)));
    specs.push(to);
  }
  const got: Record<string, Record<string, string>> = {};
  for (const spec of specs) {
    for (const [variant, options] of Object.entries(VARIANTS)) {
      const g = await generateFromFile(spec, options, dir);
      const name = `${spec.replace(/^.*\/(specs|codegen)\//, '')} ${variant}`;
      got[name] = Object.fromEntries(
        [...g.files].map(([f, text]) => [f, createHash('sha256').update(text).digest('hex').slice(0, 16)]),
      );
    }
  }
  if (process.env.SHIPKIT_UPDATE_GOLDEN === '1') writeFileSync(record, `${JSON.stringify(got, null, 2)}\n`);
  expect(got).toEqual(JSON.parse(readFileSync(record, 'utf8')));
}, 240_000);
