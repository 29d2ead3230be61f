// buf's CodeGeneratorRequest, read and rewritten at the byte level: the image it carries (what the
// committed buf-image.json and the clients' comments come from), and the request protoc-gen-es is
// given. buf sends each file to generate twice, in proto_file and in source_file_descriptors (the
// latter with its source-retention options), both with their source info (the comments), which is
// half of the request (Google Ads v25: 4.4 of 8.8 MB). protoc-gen-es reads a file's comments only
// from the descriptor it builds that file from (source_file_descriptors, else proto_file), and
// only for the files it generates; every other copy of the source info is dropped before it
// decodes the request, so it decodes about half as much and writes the same files.
import { fields, lengthPrefix } from './proto-wire.js';

const FILE_TO_GENERATE = 1; // CodeGeneratorRequest.file_to_generate
const PROTO_FILE = 15; // CodeGeneratorRequest.proto_file
const SOURCE_FILE_DESCRIPTORS = 17; // CodeGeneratorRequest.source_file_descriptors
const SET_FILE = 1; // FileDescriptorSet.file
const DESCRIPTOR_NAME = 1; // FileDescriptorProto.name
const SOURCE_CODE_INFO = 9; // FileDescriptorProto.source_code_info

/**
 * The image of a CodeGeneratorRequest: its proto_file (every file, imports first) as a
 * FileDescriptorSet, each file's bytes as buf sent them, or (`sourceInfo: false`) without their
 * source_code_info: a third of the bytes for buf to read when it prints the image without it.
 */
export function imageOfRequest(request: Uint8Array, options: { sourceInfo?: boolean } = {}): Uint8Array {
  const bytes = Buffer.from(request.buffer, request.byteOffset, request.byteLength);
  const parts: Uint8Array[] = [];
  for (const f of fields(request)) {
    if (f.field !== PROTO_FILE || f.wire !== 2) continue;
    const descriptor = bytes.subarray(f.start, f.end);
    if (options.sourceInfo === false) parts.push(withoutSourceInfo(SET_FILE, descriptor));
    else parts.push(lengthPrefix(SET_FILE, descriptor.length), descriptor);
  }
  return Buffer.concat(parts);
}

/** The request's file_to_generate, in its order. */
export function filesToGenerate(request: Uint8Array): string[] {
  const bytes = Buffer.from(request.buffer, request.byteOffset, request.byteLength);
  return fields(request)
    .filter((f) => f.field === FILE_TO_GENERATE && f.wire === 2)
    .map((f) => bytes.toString('utf8', f.start, f.end));
}

/**
 * The request protoc-gen-es decodes to generate `generate` (default: the request's own
 * file_to_generate): file_to_generate limited to those files (in the request's order), and source
 * info kept only where protoc-gen-es reads it: in the source_file_descriptors of the files it
 * generates, or their proto_file when buf sent no source descriptor for them. Everything else is
 * the request's bytes as buf sent them.
 */
export function generationRequest(request: Uint8Array, generate?: ReadonlySet<string>): Uint8Array {
  const bytes = Buffer.from(request.buffer, request.byteOffset, request.byteLength);
  const all = fields(request);
  const nameOf = (f: { start: number; end: number }) => descriptorName(bytes.subarray(f.start, f.end));
  const withSource = new Set(
    all.filter((f) => f.field === SOURCE_FILE_DESCRIPTORS && f.wire === 2).map(nameOf),
  );
  const generated = generate ?? new Set(filesToGenerate(request));
  const parts: Uint8Array[] = [];
  for (const f of all) {
    const whole = bytes.subarray(f.at, f.end);
    if (f.wire !== 2 || ![FILE_TO_GENERATE, PROTO_FILE, SOURCE_FILE_DESCRIPTORS].includes(f.field)) {
      parts.push(whole);
    } else if (f.field === FILE_TO_GENERATE) {
      if (generated.has(bytes.toString('utf8', f.start, f.end))) parts.push(whole);
    } else {
      const name = nameOf(f);
      const keep = generated.has(name) && (f.field === SOURCE_FILE_DESCRIPTORS || !withSource.has(name));
      parts.push(keep ? whole : withoutSourceInfo(f.field, bytes.subarray(f.start, f.end)));
    }
  }
  return Buffer.concat(parts);
}

/** A descriptor's name (FileDescriptorProto.name). */
function descriptorName(descriptor: Buffer): string {
  const name = fields(descriptor).find((g) => g.field === DESCRIPTOR_NAME && g.wire === 2);
  return name ? descriptor.toString('utf8', name.start, name.end) : '';
}

/** The field `field` holding `descriptor` without its source_code_info. */
function withoutSourceInfo(field: number, descriptor: Buffer): Uint8Array {
  const kept = fields(descriptor)
    .filter((g) => g.field !== SOURCE_CODE_INFO)
    .map((g) => descriptor.subarray(g.at, g.end));
  const body = Buffer.concat(kept);
  return Buffer.concat([lengthPrefix(field, body.length), body]);
}
