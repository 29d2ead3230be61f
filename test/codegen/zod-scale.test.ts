import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { tscPath, writeClientProject } from '../../scripts/client-project.mjs';
import { generate } from '../../src/codegen/generate.js';
import { parseSpecText } from '../../src/codegen/spec-text.js';
import { tempDir } from './helpers.js';

// Microsoft Graph's shape in small: a 40-deep allOf chain (each level extends the one before, as
// Graph's entity → directoryObject → … do), nullable anyOf refs, int64, a shared enum, a collection
// response per level. Graph's schemas.ts (2,600 schemas) used to take tsc past its 4 GB heap.
const DEPTH = 40;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function chainSpec(depth: number): string {
  const schemas: Record<string, unknown> = {
    Entity: {
      type: 'object',
      required: ['@odata.type'],
      properties: { '@odata.type': { type: 'string' }, id: { type: 'string' } },
    },
    State: { type: 'string', enum: ['active', 'suspended', 'deleted', 'unknownFutureValue'] },
  };
  for (let i = 1; i <= depth; i++) {
    const parent = i === 1 ? 'Entity' : `Level${i - 1}`;
    schemas[`Level${i}`] = {
      allOf: [
        ref(parent),
        {
          type: 'object',
          required: ['@odata.type'],
          properties: {
            '@odata.type': { type: 'string' },
            [`name${i}`]: { type: 'string', nullable: true },
            [`count${i}`]: { type: 'integer', format: 'int64' },
            [`state${i}`]: ref('State'),
            [`parent${i}`]: { anyOf: [ref(parent), { type: 'object', nullable: true }] },
            [`children${i}`]: { type: 'array', items: ref(`Level${i}`) },
          },
        },
      ],
    };
    schemas[`Level${i}CollectionResponse`] = {
      type: 'object',
      properties: {
        value: { type: 'array', items: ref(`Level${i}`) },
        '@odata.nextLink': { type: 'string', nullable: true },
      },
    };
  }
  return JSON.stringify({
    openapi: '3.0.1',
    info: { title: 'chain', version: '1' },
    paths: {},
    components: { schemas },
  });
}

/** types.ts + schemas.ts (as generated, or edited) in dir/name, ready for tsc -p. */
function project(dir: string, name: string, files: Map<string, string>): string {
  const at = join(dir, name);
  mkdirSync(at, { recursive: true });
  for (const f of ['types.ts', 'schemas.ts']) writeFileSync(join(at, f), files.get(f) as string);
  return writeClientProject(at, { files: ['types.ts', 'schemas.ts'], lib: ['ES2022'] });
}

/** Runs the real tsc over a project: its diagnostics and its `--extendedDiagnostics` counters. */
async function check(at: string): Promise<{ errors: string[]; instantiations: number }> {
  const out = await promisify(execFile)(process.execPath, [tscPath, '-p', at, '--extendedDiagnostics'], {
    maxBuffer: 1 << 24,
  }).then(
    (r) => r.stdout,
    (err: { stdout?: string }) => String(err.stdout),
  );
  return {
    errors: out.split('\n').filter((l) => l.includes('error TS')),
    instantiations: Number(/^Instantiations:\s+(\d+)/m.exec(out)?.[1]),
  };
}

/** The schema an error line points into: the nearest `export const` at or above it. */
function schemaAt(text: string, line: number): string | undefined {
  const lines = text.split('\n').slice(0, line).reverse();
  for (const l of lines) {
    const m = /^export const (\w+):/.exec(l);
    if (m) return m[1];
  }
  return undefined;
}

let files: Map<string, string>;
let dir: string;
let clean: { errors: string[]; instantiations: number };
let edited: { errors: string[]; text: string };
let schemaCount: number;

// What a wrong schema looks like: each edit makes one schema parse something its type does not allow.
const EDITS: [string, string, string][] = [
  ['Entity', '"@odata.type": z.string(),', '"@odata.type": z.string().optional(),'], // required → optional
  ['Level3', 'count3: z.string().regex(/^-?\\d+$/).optional()', 'count3: z.number().int().optional()'], // int64 as number
  ['Level5', 'name5: z.string().nullable().optional()', 'name5: z.boolean().nullable().optional()'],
  ['State', '"suspended"', '"Suspended"'], // an enum value the type does not have
  ['Level7CollectionResponse', 'value: z.array(Level7).optional()', 'value: z.array(z.unknown()).optional()'],
];

beforeAll(async () => {
  const file = parseSpecText(chainSpec(DEPTH), '/specs/chain.json');
  const spec = { root: file, files: new Map([[file.path, file]]), display: () => 'chain.json' };
  const g = generate({ ...spec, version: '3.0', swagger2: false }, { int64: 'string', zod: true });
  files = g.files;
  schemaCount = g.model.named.size;
  dir = tempDir('zod-scale');
  let text = files.get('schemas.ts') as string;
  for (const [name, from, to] of EDITS) {
    const at = text.indexOf(`export const ${name}:`);
    const hit = text.indexOf(from, at);
    expect(hit, `${name}: ${from}`).toBeGreaterThan(at);
    text = text.slice(0, hit) + to + text.slice(hit + from.length);
  }
  const [a, b] = await Promise.all([
    check(project(dir, 'clean', files)),
    check(project(dir, 'edited', new Map([...files, ['schemas.ts', text]]))),
  ]);
  clean = a;
  edited = { errors: b.errors, text };
}, 60_000);

describe('zod schemas on a deep allOf chain', () => {
  it('compile, at a few hundred type instantiations per schema (z.ZodType<T.X> itself cost thousands)', () => {
    expect(schemaCount).toBe(2 * DEPTH + 2);
    expect(clean.errors).toEqual([]);
    // tsc 5.9 counts ~41,000 here (~500 a schema); assigning z.lazy(…) to z.ZodType<T.X> directly
    // counted 370,000 (~4,500 a schema), the cost that took Graph past 4 GB. A count, not a time.
    expect(clean.instantiations).toBeGreaterThan(0);
    expect(clean.instantiations / schemaCount).toBeLessThan(1000);
  });

  it('still prove each schema agrees with its type: every wrong schema is a tsc error, no other', () => {
    const named = edited.errors.map((e) => {
      const line = Number(/\((\d+),\d+\): error/.exec(e)?.[1]);
      return schemaAt(edited.text, line);
    });
    expect(named.sort()).toEqual(EDITS.map(([name]) => name).sort());
  });

  it('parse at run time: recursion through z.lazy, int64 as a string, enums as one z.literal([…])', async () => {
    const schemas = files.get('schemas.ts') as string;
    expect(schemas).toContain('z.literal(["active", "suspended", "deleted", "unknownFutureValue"])');
    const js = ts.transpileModule(schemas, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    writeFileSync(join(dir, 'clean', 'schemas.mjs'), js);
    const z = await import(pathToFileURL(join(dir, 'clean', 'schemas.mjs')).href);
    const leaf = { '@odata.type': '#x', id: '1', count1: '9007199254740993', state1: 'active' };
    const two = { '@odata.type': '#y', count2: '-5', parent2: leaf, children2: [{ '@odata.type': '#y' }] };
    expect(z.Level2.parse(two)).toEqual(two);
    expect(z.Level1CollectionResponse.parse({ value: [leaf] })).toEqual({ value: [leaf] });
    expect(z.Level1.safeParse({ ...leaf, count1: 5 }).success).toBe(false);
    expect(z.Level1.safeParse({ ...leaf, state1: 'archived' }).success).toBe(false);
    expect(z.Level2.safeParse({ ...two, children2: [{ id: 'no type' }] }).success).toBe(false);
    expect(z.Level2.safeParse({ ...two, parent2: null }).success).toBe(true);
  });
});
