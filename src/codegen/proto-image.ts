/**
 * The compiled descriptors of a proto target, as buf's JSON image (google.protobuf.FileDescriptorSet
 * in protobuf JSON). buf hands them to every plugin in a CodeGeneratorRequest; a tiny plugin keeps
 * that request's bytes, and `requestToImage` turns it into an image (FileDescriptorSet) without a
 * protobuf library: only the top-level fields are walked.
 */

export interface FieldJson {
  name: string;
  number: number;
  label?: string;
  type?: string;
  typeName?: string;
  oneofIndex?: number;
  proto3Optional?: boolean;
}
export interface MessageJson {
  name: string;
  field?: FieldJson[];
  nestedType?: MessageJson[];
  enumType?: EnumJson[];
  options?: { mapEntry?: boolean };
}
export interface EnumJson {
  name: string;
  value?: { name: string; number: number }[];
}
export interface MethodJson {
  name: string;
  inputType: string;
  outputType: string;
  clientStreaming?: boolean;
  serverStreaming?: boolean;
  options?: { idempotencyLevel?: string; deprecated?: boolean };
}
export interface ServiceJson {
  name: string;
  method?: MethodJson[];
}
export interface LocationJson {
  path?: number[];
  leadingComments?: string;
}
export interface FileJson {
  name: string;
  package?: string;
  dependency?: string[];
  messageType?: MessageJson[];
  enumType?: EnumJson[];
  service?: ServiceJson[];
  syntax?: string;
  edition?: string;
  sourceCodeInfo?: { location?: LocationJson[] };
}
export interface ImageJson {
  file: FileJson[];
}

const PROTO_FILE = 15; // CodeGeneratorRequest.proto_file
const FILE_TO_GENERATE = 1; // CodeGeneratorRequest.file_to_generate
const SET_FILE = 1; // FileDescriptorSet.file

/** A CodeGeneratorRequest's proto_file entries re-tagged as a FileDescriptorSet, and its file_to_generate. */
export function requestToImage(request: Uint8Array): { image: Uint8Array; toGenerate: string[] } {
  const parts: Uint8Array[] = [];
  const toGenerate: string[] = [];
  let i = 0;
  while (i < request.length) {
    const [tag, afterTag] = varint(request, i);
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    if (wire === 2) {
      const [length, start] = varint(request, afterTag);
      const end = start + length;
      if (end > request.length) throw new Error('truncated CodeGeneratorRequest');
      if (field === PROTO_FILE)
        parts.push(encodeVarint(SET_FILE * 8 + 2), encodeVarint(length), request.subarray(start, end));
      if (field === FILE_TO_GENERATE)
        toGenerate.push(Buffer.from(request.subarray(start, end)).toString('utf8'));
      i = end;
    } else if (wire === 0) i = varint(request, afterTag)[1];
    else if (wire === 1) i = afterTag + 8;
    else if (wire === 5) i = afterTag + 4;
    else throw new Error(`unexpected wire type ${wire} in CodeGeneratorRequest`);
  }
  return { image: Buffer.concat(parts), toGenerate };
}

function varint(bytes: Uint8Array, start: number): [number, number] {
  let value = 0;
  let scale = 1;
  for (let i = start; i < bytes.length && i < start + 10; i++) {
    const b = bytes[i] as number;
    value += (b & 0x7f) * scale;
    scale *= 128;
    if (b < 0x80) return [value, i + 1];
  }
  throw new Error('bad varint in CodeGeneratorRequest');
}

function encodeVarint(n: number): Uint8Array {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v % 128) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return Uint8Array.from(out);
}

/**
 * The image kept beside the generated code (buf-image.json): the target files and the files they
 * import (so `buf breaking --against` it stands alone), without source info, one file a line.
 */
export function committedImage(image: ImageJson, targets: Set<string>): string {
  const byName = new Map(image.file.map((f) => [f.name, f]));
  const keep = new Set<string>();
  const visit = (name: string) => {
    if (keep.has(name)) return;
    keep.add(name);
    for (const dep of byName.get(name)?.dependency ?? []) visit(dep);
  };
  for (const t of targets) visit(t);
  const files = image.file
    .filter((f) => keep.has(f.name))
    .map((f) => {
      const { sourceCodeInfo: _drop, ...rest } = f;
      return JSON.stringify(rest);
    });
  return `{"file":[\n${files.join(',\n')}\n]}\n`;
}

const comments = new WeakMap<FileJson, Map<string, string>>();

/** The leading comment of a declaration by its source path (e.g. [6, 0, 2, 1]: service 0, method 1). */
export function commentAt(file: FileJson, path: number[]): string | undefined {
  let byPath = comments.get(file);
  if (!byPath) {
    byPath = new Map();
    for (const l of file.sourceCodeInfo?.location ?? []) {
      const text = l.leadingComments?.trim();
      if (text) byPath.set((l.path ?? []).join(','), text);
    }
    comments.set(file, byPath);
  }
  return byPath.get(path.join(','));
}
