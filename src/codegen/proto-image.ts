/**
 * The compiled descriptors of a proto target, as buf's JSON image (google.protobuf.FileDescriptorSet
 * in protobuf JSON), as buf prints it for the image taken from the request buf sent its plugin
 * (src/process/proto-relay.ts; read without a protobuf library: only the fields that hold it are
 * walked), and the files protoc-gen-es generated.
 */

import { fields, varint } from './proto-wire.js';

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

/** A file of protoc-gen-es's CodeGeneratorResponse, as it returned it. */
export interface GeneratedFile {
  name: string;
  insertionPoint: string;
  content: string;
}

/**
 * The files of a CodeGeneratorResponse (name → content), in its order: what buf would write for
 * the plugin. A file without a name continues the one before (as protoc and buf read it); an
 * insertion point, which protoc-gen-es never sends, is refused.
 */
export function generatedFiles(response: readonly GeneratedFile[]): Map<string, string> {
  const files = new Map<string, string>();
  let last: string | undefined;
  for (const { name, insertionPoint, content } of response) {
    if (insertionPoint !== '') throw new Error('protoc-gen-es answered with an insertion point');
    if (name === '') {
      if (last === undefined) throw new Error('protoc-gen-es answered with a file without a name');
      files.set(last, `${files.get(last) ?? ''}${content}`);
    } else {
      if (files.has(name)) throw new Error(`protoc-gen-es answered with ${name} twice`);
      files.set(name, content);
      last = name;
    }
  }
  return files;
}

const SET_FILE = 1; // FileDescriptorSet.file
const DESCRIPTOR_NAME = 1; // FileDescriptorProto.name
const SOURCE_CODE_INFO = 9; // FileDescriptorProto.source_code_info
const LOCATION = 1; // SourceCodeInfo.location
const LOCATION_PATH = 1; // SourceCodeInfo.Location.path (packed, or one varint a field)
const LEADING_COMMENTS = 3; // SourceCodeInfo.Location.leading_comments

/**
 * Gives the files named in `names` their source info's leading comments (the locations that have
 * one: all that commentAt reads), from the binary image (FileDescriptorSet) the JSON image was
 * printed from without source info: buf prints a third of the JSON, and only the files whose
 * comments the clients carry are walked.
 */
export function addLeadingComments(image: ImageJson, binary: Uint8Array, names: Set<string>): void {
  if (names.size === 0) return;
  const byName = new Map(image.file.map((f) => [f.name, f]));
  const bytes = Buffer.from(binary.buffer, binary.byteOffset, binary.byteLength);
  for (const f of fields(bytes)) {
    if (f.field !== SET_FILE || f.wire !== 2) continue;
    const proto = bytes.subarray(f.start, f.end);
    const parts = fields(proto);
    const name = parts.find((p) => p.field === DESCRIPTOR_NAME && p.wire === 2);
    const file = name && byName.get(proto.toString('utf8', name.start, name.end));
    if (!file || !names.has(file.name)) continue;
    const location: LocationJson[] = [];
    for (const info of parts) {
      if (info.field !== SOURCE_CODE_INFO || info.wire !== 2) continue;
      const infoBytes = proto.subarray(info.start, info.end);
      for (const l of fields(infoBytes)) {
        if (l.field !== LOCATION || l.wire !== 2) continue;
        const commented = commentedLocation(infoBytes.subarray(l.start, l.end));
        if (commented) location.push(commented);
      }
    }
    file.sourceCodeInfo = { location };
  }
}

/** A location with a leading comment (its path and the comment); none without one. */
function commentedLocation(bytes: Buffer): LocationJson | undefined {
  const parts = fields(bytes);
  const comment = parts.find((g) => g.field === LEADING_COMMENTS && g.wire === 2);
  if (!comment) return undefined;
  const path: number[] = [];
  for (const g of parts) {
    if (g.field === LOCATION_PATH && g.wire === 0) path.push(varint(bytes, g.start)[0]);
    else if (g.field === LOCATION_PATH && g.wire === 2) {
      for (let i = g.start; i < g.end; ) {
        const [n, next] = varint(bytes, i);
        path.push(n);
        i = next;
      }
    }
  }
  return { path, leadingComments: bytes.toString('utf8', comment.start, comment.end) };
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
