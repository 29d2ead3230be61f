// protoc-gen-es in shipkit's process behind the relay plugin (src/process/proto-relay.ts), against
// the real tools (buf 1.75.0 and protoc-gen-es 2.13.0 from the tools cache) on a real API with
// comments and imports (google.example.library.v1 over googleapis): the files of the response it
// keeps are byte for byte the ones buf writes when it runs protoc-gen-es itself, the image taken
// from buf's request is buf's (printed as JSON without source info: the full image's files with
// sourceCodeInfo left out), the comments read back from it are the ones buf prints, and a failure
// of protoc-gen-es reaches buf as protoc-gen-es's own message.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addLeadingComments,
  type FileJson,
  type GeneratedFile,
  generatedFiles,
  type ImageJson,
} from '../../src/codegen/proto-image.js';
import { imageOfRequest } from '../../src/codegen/proto-request.js';
import { type BufTools, bufTools } from '../../src/process/buf.js';
import { hostProtocGenEs } from '../../src/process/proto-relay.js';
import { PROTOC_GEN_ES, root, tempDir } from './helpers.js';

const FIX = join(root, 'test/fixtures/proto');

function filesOf(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesOf(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

/** A buf workspace of the library example and googleapis, in `dir`/ws. */
function workspace(dir: string): string {
  const ws = join(dir, 'ws');
  mkdirSync(ws);
  symlinkSync(join(FIX, 'library'), join(ws, 'm0'), 'dir');
  symlinkSync(join(FIX, 'googleapis'), join(ws, 'm1'), 'dir');
  writeFileSync(join(ws, 'buf.yaml'), 'version: v2\nmodules:\n  - path: m0\n  - path: m1\n');
  return ws;
}

/** `buf generate` of the library example with these plugins (each with `opt`), in `dir`. */
async function generate(
  tools: BufTools,
  dir: string,
  ws: string,
  locals: [string[], string][],
  opt: string[],
) {
  const plugin = { opt, include_imports: true, strategy: 'all' };
  const template = { version: 'v2', plugins: locals.map(([local, out]) => ({ local, out, ...plugin })) };
  writeFileSync(join(dir, 'buf.gen.json'), JSON.stringify(template));
  const args = ['generate', '.', '--template', join(dir, 'buf.gen.json')];
  return tools.run([...args, '--path', 'm0/google/example/library/v1'], { cwd: ws });
}

describe('proto relay: the same files, image and comments as buf and protoc-gen-es themselves', () => {
  const dir = tempDir('proto-relay');
  const direct = join(dir, 'direct');
  let request: Uint8Array;
  let response: GeneratedFile[] | undefined;
  let full: ImageJson;
  let lean: ImageJson;

  beforeAll(async () => {
    const tools = await bufTools();
    const ws = workspace(dir);
    mkdirSync(join(dir, 'kept'));
    // protoc-gen-es as buf runs it, and behind the relay, side by side.
    const es = tools.protocGenEs(join(dir, 'kept'));
    try {
      const locals: [string[], string][] = [
        [[process.execPath, PROTOC_GEN_ES], direct],
        [es.command, join(dir, 'none')],
      ];
      const run = await generate(tools, dir, ws, locals, ['target=ts', 'import_extension=js']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      [request, response] = await Promise.all([es.request, es.response]);
    } finally {
      es.close();
    }
    const print = (image: Uint8Array, more: string[]) =>
      tools.run(['build', '-#format=binpb', ...more, '-o', '-#format=json'], { cwd: dir, input: image });
    const excluded = ['--exclude-source-info'];
    const [withInfo, without, stripped] = await Promise.all([
      print(imageOfRequest(request), []),
      print(imageOfRequest(request), excluded),
      print(imageOfRequest(request, { sourceInfo: false }), excluded),
    ]);
    expect([withInfo.code, without.code, stripped.code]).toEqual([0, 0, 0]);
    full = JSON.parse(withInfo.stdout) as ImageJson;
    lean = JSON.parse(without.stdout) as ImageJson;
    // What shipkit gives buf to print: the image without its source info, printed the same.
    expect(stripped.stdout).toBe(without.stdout);
  }, 120_000);

  it("hands over protoc-gen-es's files: each one byte for byte what buf writes, none written", () => {
    const files = generatedFiles(response ?? []);
    const written = filesOf(direct).sort();
    expect(written).toContain('google/example/library/v1/library_pb.ts');
    expect([...files.keys()].sort()).toEqual(written);
    for (const name of written) expect(files.get(name)).toBe(readFileSync(join(direct, name), 'utf8'));
    expect(filesOf(dir)).not.toContain('none');
  });

  it("takes buf's image from the request: every file, imports first, printed without source info as buf prints it", () => {
    const strip = ({ sourceCodeInfo: _drop, ...rest }: FileJson) => rest;
    expect(full.file.some((f) => f.sourceCodeInfo?.location?.length)).toBe(true);
    expect(full.file.map((f) => f.name)).toContain('google/api/annotations.proto');
    expect(full.file.at(-1)?.name).toBe('google/example/library/v1/library.proto');
    expect(lean.file.map((f) => JSON.stringify(f))).toEqual(full.file.map((f) => JSON.stringify(strip(f))));
  });

  it('reads the leading comments from the binary image as buf prints them (path and text), for the files asked for', () => {
    const library = 'google/example/library/v1/library.proto';
    addLeadingComments(lean, imageOfRequest(request), new Set([library]));
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

describe('proto relay: failures', () => {
  it("a protoc-gen-es error fails buf with protoc-gen-es's own message, and no response", async () => {
    const tools = await bufTools();
    const dir = tempDir('proto-relay-error');
    const ws = workspace(dir);
    const opt = ['bogus'];
    const alone = await generate(tools, dir, ws, [[[process.execPath, PROTOC_GEN_ES], join(dir, 'a')]], opt);
    expect(alone.code).not.toBe(0);
    expect(alone.stderr).toContain('protoc-gen-es: invalid option "bogus"\n');
    const es = tools.protocGenEs(dir);
    try {
      const relayed = await generate(tools, dir, ws, [[es.command, join(dir, 'b')]], opt);
      expect(relayed.code).not.toBe(0);
      expect(relayed.stderr).toContain('protoc-gen-es: invalid option "bogus"\n');
      expect(await es.response).toBeUndefined();
    } finally {
      es.close();
    }
  }, 120_000);

  it('a protoc-gen-es that cannot be loaded fails buf with one line naming it', async () => {
    const tools = await bufTools();
    const dir = tempDir('proto-relay-missing');
    const ws = workspace(dir);
    const es = hostProtocGenEs(join(dir, 'nowhere/bin/protoc-gen-es'), dir);
    try {
      const run = await generate(tools, dir, ws, [[es.command, join(dir, 'b')]], ['target=ts']);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(
        /protoc-gen-es could not be loaded from .*nowhere\/bin\/protoc-gen-es: Cannot find module/,
      );
    } finally {
      es.close();
    }
  }, 120_000);
});

describe('proto relay: a request that is not one', () => {
  it('the relay exits 1 with one line naming the problem, and nothing is generated', async () => {
    const es = hostProtocGenEs(PROTOC_GEN_ES, tempDir('proto-relay-garbage'));
    try {
      // A length-delimited field that runs past the end.
      const relay = spawn(es.command[0] as string, es.command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      relay.stderr.on('data', (d) => (stderr += d));
      relay.stdin.end(Buffer.from([0x0a, 0x7f, 0x61]));
      const code = await new Promise((resolve) => relay.on('close', resolve));
      expect(code).toBe(1);
      expect(stderr).toBe("shipkit: buf's request is unreadable: truncated protobuf message\n");
    } finally {
      es.close();
    }
  });
});

describe('generatedFiles', () => {
  const file = (name: string, content: string, insertionPoint = '') => ({ name, insertionPoint, content });

  it('a file without a name continues the one before', () => {
    const files = generatedFiles([file('a_pb.ts', 'one '), file('', 'two'), file('b/c_pb.ts', 'ü')]);
    expect([...files]).toEqual([
      ['a_pb.ts', 'one two'],
      ['b/c_pb.ts', 'ü'],
    ]);
  });

  it('refuses an insertion point, a file twice and a first file without a name', () => {
    expect(() => generatedFiles([file('a', 'x', 'here')])).toThrow(/insertion point/);
    expect(() => generatedFiles([file('a', ''), file('a', '')])).toThrow(/twice/);
    expect(() => generatedFiles([file('', 'x')])).toThrow(/without a name/);
  });
});
