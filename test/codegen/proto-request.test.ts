// The request protoc-gen-es is given (src/codegen/proto-request.ts), on a real request: buf 1.75.0's
// CodeGeneratorRequest for googleapis' library example with its imports (captured by a plugin that
// keeps it), decoded with @bufbuild/protobuf, and run through protoc-gen-es 2.13.0 (the tools
// cache) as its bin runs it: the source info is left only where protoc-gen-es reads it, nothing
// else changes, and protoc-gen-es writes the same files from it, whole or in runs of files.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { clone, fromBinary, toBinary } from '@bufbuild/protobuf';
import {
  type CodeGeneratorRequest,
  CodeGeneratorRequestSchema,
  type CodeGeneratorResponse,
  FileDescriptorProtoSchema,
  FileDescriptorSetSchema,
} from '@bufbuild/protobuf/wkt';
import { beforeAll, describe, expect, it } from 'vitest';
import { filesToGenerate, generationRequest, imageOfRequest } from '../../src/codegen/proto-request.js';
import { bufTools } from '../../src/process/buf.js';
import { PROTOC_GEN_ES, root, tempDir } from './helpers.js';

const FIX = join(root, 'test/fixtures/proto');

/** protoc-gen-es's run on encoded request bytes, as its bin does it: its files, name and content. */
function generate(request: Uint8Array): string[] {
  const load = createRequire(PROTOC_GEN_ES);
  const es = load('../dist/cjs/src/protoc-gen-es-plugin.js') as {
    protocGenEs: { run(r: unknown): CodeGeneratorResponse };
  };
  const pb = load('@bufbuild/protobuf') as { fromBinary: typeof fromBinary };
  const wkt = load('@bufbuild/protobuf/wkt') as {
    CodeGeneratorRequestSchema: typeof CodeGeneratorRequestSchema;
  };
  const res = es.protocGenEs.run(pb.fromBinary(wkt.CodeGeneratorRequestSchema, request));
  return res.file.map((f) => `${f.name}\n${f.insertionPoint}\n${f.content}`);
}

describe('generationRequest', () => {
  let request: Uint8Array;
  let decoded: CodeGeneratorRequest;

  beforeAll(async () => {
    const tools = await bufTools();
    const dir = tempDir('proto-request');
    const ws = join(dir, 'ws');
    mkdirSync(ws);
    symlinkSync(join(FIX, 'library'), join(ws, 'm0'), 'dir');
    symlinkSync(join(FIX, 'googleapis'), join(ws, 'm1'), 'dir');
    writeFileSync(join(ws, 'buf.yaml'), 'version: v2\nmodules:\n  - path: m0\n  - path: m1\n');
    // A plugin that keeps the request and answers with an empty response.
    const keep = join(dir, 'keep.cjs');
    const kept = join(dir, 'request.bin');
    writeFileSync(
      keep,
      `require('fs').writeFileSync(${JSON.stringify(kept)}, require('fs').readFileSync(0));`,
    );
    const local = [process.execPath, keep];
    const plugin = {
      local,
      out: join(dir, 'none'),
      include_imports: true,
      strategy: 'all',
      opt: ['target=ts'],
    };
    writeFileSync(join(dir, 'buf.gen.json'), JSON.stringify({ version: 'v2', plugins: [plugin] }));
    const args = ['generate', '.', '--template', join(dir, 'buf.gen.json')];
    const run = await tools.run([...args, '--path', 'm0/google/example/library/v1'], { cwd: ws });
    expect(run.code).toBe(0);
    request = readFileSync(kept);
    decoded = fromBinary(CodeGeneratorRequestSchema, request);
  }, 120_000);

  it('the request holds every file to generate twice, with its comments in both copies', () => {
    expect(decoded.fileToGenerate).toContain('google/example/library/v1/library.proto');
    expect(decoded.fileToGenerate.length).toBeGreaterThan(5);
    expect(filesToGenerate(request)).toEqual(decoded.fileToGenerate);
    for (const name of decoded.fileToGenerate) {
      expect(decoded.protoFile.find((f) => f.name === name)?.sourceCodeInfo?.location.length).toBeGreaterThan(
        0,
      );
      expect(
        decoded.sourceFileDescriptors.find((f) => f.name === name)?.sourceCodeInfo?.location.length,
      ).toBeGreaterThan(0);
    }
    expect(decoded.protoFile.length).toBeGreaterThan(decoded.fileToGenerate.length);
  });

  it('keeps source info only in the source descriptors of the files generated; nothing else changes', () => {
    const names = decoded.fileToGenerate;
    const some = new Set(names.filter((_, i) => i % 2 === 1));
    for (const generate of [undefined, some]) {
      const got = fromBinary(CodeGeneratorRequestSchema, generationRequest(request, generate));
      const want = clone(CodeGeneratorRequestSchema, decoded);
      want.fileToGenerate = names.filter((n) => !generate || generate.has(n));
      for (const f of want.protoFile) f.sourceCodeInfo = undefined;
      for (const f of want.sourceFileDescriptors)
        if (!want.fileToGenerate.includes(f.name)) f.sourceCodeInfo = undefined;
      const [a, b] = [got, want].map((r) => Buffer.from(toBinary(CodeGeneratorRequestSchema, r)));
      expect(a?.equals(b as Buffer)).toBe(true);
      const kept = got.sourceFileDescriptors.filter((f) => f.sourceCodeInfo).map((f) => f.name);
      expect(kept).toEqual(want.fileToGenerate);
    }
  });

  it('a proto_file keeps its source info when buf sent no source descriptor for it', () => {
    const without = clone(CodeGeneratorRequestSchema, decoded);
    without.sourceFileDescriptors = [];
    const got = fromBinary(
      CodeGeneratorRequestSchema,
      generationRequest(toBinary(CodeGeneratorRequestSchema, without)),
    );
    const commented = got.protoFile.filter((f) => f.sourceCodeInfo).map((f) => f.name);
    expect(commented).toEqual(
      decoded.protoFile.map((f) => f.name).filter((n) => decoded.fileToGenerate.includes(n)),
    );
  });

  it('protoc-gen-es writes the same files from it, whole or in two runs of files one after the other', () => {
    const whole = generate(request);
    expect(whole.length).toBe(decoded.fileToGenerate.length);
    expect(generate(generationRequest(request))).toEqual(whole);
    const names = decoded.fileToGenerate;
    const first = new Set(names.slice(0, 3));
    const rest = new Set(names.slice(3));
    expect([
      ...generate(generationRequest(request, first)),
      ...generate(generationRequest(request, rest)),
    ]).toEqual(whole);
  });

  it("imageOfRequest: the request's proto_file as a FileDescriptorSet, with or without source info", () => {
    const image = fromBinary(FileDescriptorSetSchema, imageOfRequest(request));
    expect(image.file.map((f) => toBinary(FileDescriptorProtoSchema, f))).toEqual(
      decoded.protoFile.map((f) => toBinary(FileDescriptorProtoSchema, f)),
    );
    const lean = fromBinary(FileDescriptorSetSchema, imageOfRequest(request, { sourceInfo: false }));
    expect(lean.file.map((f) => toBinary(FileDescriptorProtoSchema, f))).toEqual(
      decoded.protoFile.map((f) => {
        const copy = clone(FileDescriptorProtoSchema, f);
        copy.sourceCodeInfo = undefined;
        return toBinary(FileDescriptorProtoSchema, copy);
      }),
    );
  });
});
