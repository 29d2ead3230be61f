// The relay plugin (src/process/proto-relay.ts) against the real tools (buf 1.75.0 and
// protoc-gen-es 2.13.0 from the tools cache) on a real API with comments and imports
// (google.example.library.v1 over googleapis): the files read from its kept response are byte for
// byte the ones buf writes when it runs protoc-gen-es itself, its JSON image is buf's with the
// source info left out, and the comments read back from its binary image are the ones buf prints.
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addLeadingComments,
  type FileJson,
  type ImageJson,
  responseFiles,
} from '../../src/codegen/proto-image.js';
import { bufTools } from '../../src/process/buf.js';
import { root, tempDir } from './helpers.js';

const FIX = join(root, 'test/fixtures/proto');

function filesOf(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesOf(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

describe('proto relay: the same files, image and comments as buf and protoc-gen-es themselves', () => {
  const dir = tempDir('proto-relay');
  const kept = join(dir, 'kept');
  const direct = join(dir, 'direct');
  let full: ImageJson;

  beforeAll(async () => {
    const tools = await bufTools();
    const ws = join(dir, 'ws');
    mkdirSync(ws);
    mkdirSync(kept);
    symlinkSync(join(FIX, 'library'), join(ws, 'm0'), 'dir');
    symlinkSync(join(FIX, 'googleapis'), join(ws, 'm1'), 'dir');
    writeFileSync(join(ws, 'buf.yaml'), 'version: v2\nmodules:\n  - path: m0\n  - path: m1\n');
    const opt = ['target=ts', 'import_extension=js'];
    const plugin = { opt, include_imports: true, strategy: 'all' };
    // protoc-gen-es as buf runs it (its arguments are the relay's config) and the relay, side by side.
    const es = (JSON.parse(tools.relay.config) as { plugin: string[] }).plugin;
    writeFileSync(join(dir, 'relay.cjs'), tools.relay.source);
    const relay = [tools.relay.node, join(dir, 'relay.cjs'), tools.relay.config, kept];
    const template = {
      version: 'v2',
      plugins: [
        { local: es, out: direct, ...plugin },
        { local: relay, out: join(dir, 'none'), ...plugin },
      ],
    };
    writeFileSync(join(dir, 'buf.gen.json'), JSON.stringify(template));
    const args = ['generate', '.', '--template', join(dir, 'buf.gen.json')];
    const run = await tools.run([...args, '--path', 'm0/google/example/library/v1'], { cwd: ws });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = await tools.run(['build', join(kept, 'image.binpb'), '-o', '-#format=json'], { cwd: dir });
    expect(json.code).toBe(0);
    full = JSON.parse(json.stdout) as ImageJson;
  }, 120_000);

  it("keeps protoc-gen-es's files in one response: each one byte for byte what buf writes", () => {
    const files = responseFiles(readFileSync(join(kept, 'response.bin')));
    const written = filesOf(direct).sort();
    expect(written).toContain('google/example/library/v1/library_pb.ts');
    expect([...files.keys()].sort()).toEqual(written);
    for (const name of written) expect(files.get(name)).toBe(readFileSync(join(direct, name), 'utf8'));
  });

  it("keeps buf's JSON image without source info: the full image with sourceCodeInfo left out", () => {
    expect(JSON.parse(readFileSync(join(kept, 'image.status'), 'utf8'))).toEqual({ code: 0, stderr: '' });
    const lean = JSON.parse(readFileSync(join(kept, 'image.json'), 'utf8')) as ImageJson;
    const strip = ({ sourceCodeInfo: _drop, ...rest }: FileJson) => rest;
    expect(full.file.some((f) => f.sourceCodeInfo?.location?.length)).toBe(true);
    expect(lean.file.map((f) => JSON.stringify(f))).toEqual(full.file.map((f) => JSON.stringify(strip(f))));
  });

  it('reads the leading comments from the binary image as buf prints them (path and text), for the files asked for', () => {
    const lean = JSON.parse(readFileSync(join(kept, 'image.json'), 'utf8')) as ImageJson;
    const library = 'google/example/library/v1/library.proto';
    addLeadingComments(lean, readFileSync(join(kept, 'image.binpb')), new Set([library]));
    for (const [i, file] of lean.file.entries()) {
      if (file.name !== library) {
        expect(file.sourceCodeInfo).toBeUndefined();
        continue;
      }
      const expected = (full.file[i]?.sourceCodeInfo?.location ?? [])
        .filter((l) => l.leadingComments !== undefined)
        .map((l) => ({ path: l.path ?? [], leadingComments: l.leadingComments }));
      expect(expected.filter((l) => l.leadingComments?.includes('Creates a shelf')).length).toBe(1);
      expect(file.sourceCodeInfo?.location).toEqual(expected);
    }
  });
});

describe('responseFiles', () => {
  const field = (n: number, text: string) => {
    const bytes = Buffer.from(text);
    return Buffer.concat([Buffer.from([n * 8 + 2, bytes.length]), bytes]);
  };
  const file = (...parts: Buffer[]) => {
    const body = Buffer.concat(parts);
    return Buffer.concat([Buffer.from([15 * 8 + 2, body.length]), body]);
  };

  it('a file without a name continues the one before; other fields are passed over', () => {
    const response = Buffer.concat([
      Buffer.from([2 * 8, 3]),
      file(field(1, 'a_pb.ts'), field(15, 'one ')),
      file(field(15, 'two')),
      file(field(1, 'b/c_pb.ts'), field(15, 'ü')),
    ]);
    expect([...responseFiles(response)]).toEqual([
      ['a_pb.ts', 'one two'],
      ['b/c_pb.ts', 'ü'],
    ]);
  });

  it('refuses an insertion point, a file twice and a truncated response', () => {
    expect(() => responseFiles(file(field(1, 'a'), field(2, 'here'), field(15, 'x')))).toThrow(
      /insertion point/,
    );
    expect(() => responseFiles(Buffer.concat([file(field(1, 'a')), file(field(1, 'a'))]))).toThrow(/twice/);
    expect(() => responseFiles(file(field(1, 'abc')).subarray(0, 4))).toThrow(/truncated/);
  });
});
