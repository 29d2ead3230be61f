import { StringDecoder } from 'node:string_decoder';
import { type BoundedFile, doubled, openFile } from '../../fs/read.js';

const CHUNK = 1 << 20;

/**
 * Calls `onLine(chunk, start, end, lineNumber)` for each line of a file, reading 1 MiB at a time so
 * memory stays bounded whatever the file's size. The line is `chunk.slice(start, end)` (a trailing
 * `\r` left out); readers that parse in place never allocate a string per line.
 */
function forEachLineIn(
  path: string,
  onLine: (chunk: string, start: number, end: number, lineNumber: number) => void,
): number {
  const f = open(path);
  const buffer = Buffer.allocUnsafe(CHUNK);
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let n = 0;
  try {
    for (;;) {
      const read = f.read(buffer, 0, CHUNK);
      if (read === 0) break;
      const text = carry + decoder.write(buffer.subarray(0, read));
      let start = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
        const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        onLine(text, start, end, ++n);
        start = nl + 1;
      }
      carry = text.slice(start);
    }
    carry += decoder.end();
    if (carry.length > 0) onLine(carry, 0, carry.endsWith('\r') ? carry.length - 1 : carry.length, ++n);
    return n;
  } finally {
    f.close();
  }
}

/** Calls `onLine(text, lineNumber)` for each line of a file (see forEachLineIn). */
export function forEachLine(path: string, onLine: (text: string, lineNumber: number) => void): number {
  return forEachLineIn(path, (chunk, start, end, n) => onLine(chunk.slice(start, end), n));
}

/**
 * Calls `onBlock(buffer, start, end)` with the bytes of a file cut into runs of whole lines: each
 * run ends just after a `\n`, except the file's last line when it has none. Reads `chunk` bytes
 * at a time (the buffer grows only for a line longer than that), so memory stays bounded and a
 * reader can parse bytes in place without a string per line. The buffer is reused between calls.
 */
export function forEachLineBlock(
  path: string,
  onBlock: (buffer: Buffer, start: number, end: number) => void,
  chunk = 4 * CHUNK,
): void {
  const f = open(path);
  // One buffer reused from file to file, no larger than the file (a fresh 4 MiB buffer for a 1 MiB
  // report costs a full GC).
  const size = Math.max(1, Math.min(chunk, f.size + 1));
  let buffer = spare && spare.length >= size && spare.length <= chunk ? spare : Buffer.allocUnsafe(size);
  spare = undefined;
  let kept = 0;
  try {
    for (;;) {
      if (kept === buffer.length) buffer = doubled(buffer, kept);
      const read = f.read(buffer, kept, buffer.length - kept);
      if (read === 0) {
        if (kept > 0) onBlock(buffer, 0, kept);
        return;
      }
      const filled = kept + read;
      const last = buffer.lastIndexOf(10, filled - 1);
      if (last < kept) {
        kept = filled;
        continue;
      }
      onBlock(buffer, 0, last + 1);
      kept = filled - last - 1;
      buffer.copy(buffer, 0, last + 1, filled);
    }
  } finally {
    f.close();
    if (buffer.length <= chunk) spare = buffer;
  }
}

let spare: Buffer | undefined;

function open(path: string): BoundedFile {
  return openFile(path, { kind: 'coverage', what: 'the coverage report' });
}
