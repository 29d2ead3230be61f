// The protobuf wire format, as far as proto codegen reads and rewrites it without a protobuf
// library: top-level fields of a message, varints, and a length-delimited field put back together.

/** A top-level field: its number, wire type, where its tag starts, and its value (wire type 2: its bytes). */
export interface WireField {
  field: number;
  wire: number;
  /** Where the field's tag starts: [at, end) is the whole field. */
  at: number;
  start: number;
  end: number;
}

/** Each top-level field of a protobuf message. */
export function fields(bytes: Uint8Array): WireField[] {
  const out: WireField[] = [];
  let i = 0;
  while (i < bytes.length) {
    const [tag, afterTag] = varint(bytes, i);
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    let start = afterTag;
    let end: number;
    if (wire === 2) {
      const [length, at] = varint(bytes, afterTag);
      start = at;
      end = at + length;
    } else if (wire === 0) end = varint(bytes, afterTag)[1];
    else if (wire === 1) end = afterTag + 8;
    else if (wire === 5) end = afterTag + 4;
    else throw new Error(`unexpected wire type ${wire} in a protobuf message`);
    if (end > bytes.length) throw new Error('truncated protobuf message');
    out.push({ field, wire, at: i, start, end });
    i = end;
  }
  return out;
}

export function varint(bytes: Uint8Array, start: number): [number, number] {
  let value = 0;
  let scale = 1;
  for (let i = start; i < bytes.length && i < start + 10; i++) {
    const b = bytes[i] as number;
    value += (b & 0x7f) * scale;
    scale *= 128;
    if (b < 0x80) return [value, i + 1];
  }
  throw new Error('bad varint in a protobuf message');
}

/** The tag and length of a length-delimited field `field` holding `length` bytes. */
export function lengthPrefix(field: number, length: number): Uint8Array {
  const out = [...varintBytes(field * 8 + 2), ...varintBytes(length)];
  return Uint8Array.from(out);
}

function varintBytes(n: number): number[] {
  const out: number[] = [];
  let rest = n;
  while (rest >= 0x80) {
    out.push((rest % 128) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return out;
}
