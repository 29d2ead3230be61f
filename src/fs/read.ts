import * as buffer from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from 'node:fs';
import { ShipkitError } from '../errors.js';

/**
 * The one way shipkit reads a file: its type and size are checked before a byte is read, so a
 * symlink to /dev/zero, a FIFO, a socket or a directory is refused with a one-line error naming
 * the file, and a file over its kind's limit is refused before it fills memory.
 */

/** What a file is to shipkit; each kind has its own size limit. */
export type FileKind =
  | 'config'
  | 'backlog'
  | 'spec'
  | 'report'
  | 'coverage'
  | 'diff'
  | 'payload'
  | 'template'
  | 'source'
  | 'asset';

const MB = 1024 * 1024;

/**
 * Default limits in MiB. `coverage` is streamed (lcov, XML, Go), so it may be far larger than what
 * is parsed whole (`report`: JSON must fit in one string). Each can be changed with
 * SHIPKIT_MAX_<KIND>_MB, e.g. SHIPKIT_MAX_REPORT_MB=1024.
 */
export const DEFAULT_LIMITS_MB: Record<FileKind, number> = {
  config: 1,
  backlog: 16,
  spec: 64,
  report: 256,
  coverage: 4096,
  diff: 256,
  payload: 64,
  template: 4,
  source: 64,
  asset: 2048,
};

/** The limit in bytes for a kind of file (the environment may change the default). */
export function limitOf(kind: FileKind): number {
  const env = process.env[`SHIPKIT_MAX_${kind.toUpperCase()}_MB`];
  const mb = env && /^\d+(\.\d+)?$/.test(env.trim()) ? Number(env) : DEFAULT_LIMITS_MB[kind];
  return Math.floor(mb * MB);
}

export interface ReadTarget {
  /** Which limit applies. */
  kind: FileKind;
  /** What the file is, in the user's words: `the jscpd report`, `the config file`. */
  what: string;
  /** How the file is named to the user (default: the path as given). */
  file?: string;
  /** How to fix a missing file. */
  hint?: string;
}

function size(bytes: number): string {
  const one = (n: number) => n.toFixed(1).replace(/\.0$/, '');
  if (bytes >= 1024 * MB) return `${one(bytes / (1024 * MB))} GB`;
  if (bytes >= MB) return `${one(bytes / MB)} MB`;
  return `${bytes} bytes`;
}

function typeName(s: Stats): string {
  if (s.isDirectory()) return 'a directory';
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Throws unless `s` is a regular file within the kind's limit. */
function checkStats(s: Stats, t: ReadTarget): void {
  const file = t.file ?? '';
  if (!s.isFile()) {
    throw new ShipkitError(`cannot read ${t.what}: it is ${typeName(s)}, not a regular file`, {
      location: { file },
      hint: 'Name the file itself; shipkit reads only regular files.',
    });
  }
  const limit = limitOf(t.kind);
  if (s.size > limit) {
    throw new ShipkitError(`${t.what} is ${size(s.size)}, over the ${size(limit)} limit`, {
      location: { file },
      hint: `Check that this is the file you meant; SHIPKIT_MAX_${t.kind.toUpperCase()}_MB raises the limit.`,
    });
  }
}

function ioError(err: unknown, t: ReadTarget): ShipkitError {
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? String(err));
  return new ShipkitError(`cannot read ${t.what}: ${why}`, {
    location: { file: t.file ?? '' },
    ...(t.hint ? { hint: t.hint } : {}),
    cause: err,
  });
}

/** A regular file opened for reading; reads past the kind's limit throw (a file that grows). */
export class BoundedFile {
  private total = 0;

  constructor(
    readonly fd: number,
    /** Size when opened, in bytes. */
    readonly size: number,
    private readonly limit: number,
    private readonly target: ReadTarget,
  ) {}

  /** Reads into `buffer` from the current position (or `position`); 0 at the end. */
  read(buffer: Buffer, offset: number, length: number, position: number | null = null): number {
    const n = readSync(this.fd, buffer, offset, length, position);
    this.total += n;
    if (this.total > this.limit) {
      throw new ShipkitError(`${this.target.what} grew past the ${size(this.limit)} limit while being read`, {
        location: { file: this.target.file ?? '' },
      });
    }
    return n;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/**
 * Opens a file after checking it: a regular file (symlinks followed) within the kind's limit. It
 * is opened non-blocking (a FIFO swapped in after the check cannot hang the open) and checked again
 * through the descriptor, so what is read is what was checked.
 */
export function openFile(path: string, target: ReadTarget): BoundedFile {
  const t = { ...target, file: target.file ?? path };
  const before = checkFile(path, t);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw ioError(err, t);
  }
  try {
    const now = fstatSync(fd);
    checkStats(now, t);
    if (now.ino !== before.ino || now.dev !== before.dev) {
      throw new ShipkitError(`cannot read ${t.what}: it was replaced while being opened`, {
        location: { file: t.file },
      });
    }
    return new BoundedFile(fd, now.size, limitOf(t.kind), t);
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/** Throws the error openFile would, without opening the file; returns its stats. */
export function checkFile(path: string, target: ReadTarget): Stats {
  const t = { ...target, file: target.file ?? path };
  let s: Stats;
  try {
    s = statSync(path);
  } catch (err) {
    throw ioError(err, t);
  }
  checkStats(s, t);
  return s;
}

/** A buffer twice the size of `buffer` holding its first `used` bytes (for reads that outgrow it). */
export function doubled(buffer: Buffer, used: number) {
  const bigger = Buffer.allocUnsafe(buffer.length * 2);
  buffer.copy(bigger, 0, 0, used);
  return bigger;
}

/** The whole file as bytes, after the checks of openFile. */
export function readBytes(path: string, target: ReadTarget): Buffer {
  const f = openFile(path, target);
  try {
    // One byte more than its size shows whether it grew since.
    let buffer = Buffer.allocUnsafe(f.size + 1);
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) buffer = doubled(buffer, filled);
      const n = f.read(buffer, filled, buffer.length - filled);
      if (n === 0) break;
      filled += n;
    }
    return buffer.subarray(0, filled);
  } catch (err) {
    if (err instanceof ShipkitError) throw err;
    throw ioError(err, { ...target, file: target.file ?? path });
  } finally {
    f.close();
  }
}

/** The whole file as UTF-8 text, after the checks of openFile. */
export function readText(path: string, target: ReadTarget): string {
  return utf8Text(readBytes(path, target));
}

// Node 20 decodes UTF-8 with V8's decoder, about 400 MB/s once the text holds one character
// outside ASCII; Node 24 decodes GitHub's 13 MB spec in 10 ms, faster than anything below (Node 22,
// not measured, keeps the plain decoder too). Read from the namespace: a Node built without ICU
// has no transcode.
const V8_DECODER = Number(process.versions.node.split('.')[0]) < 22;
const transcode = buffer.transcode as typeof buffer.transcode | undefined;

/**
 * `bytes.toString('utf8')`, the same string, made faster on Node 20 for a text of 1 to 64 MiB (a
 * spec's size): valid UTF-8 (checked with simdutf) is converted to UTF-16 by ICU and copied in as
 * is. GitHub's 13 MB REST description with 140 bytes outside ASCII: 33 ms down to 20. The UTF-16
 * copy costs twice the text's size for a moment, so larger files (coverage reports) keep the plain
 * decoder, as do ASCII text (fast there) and invalid UTF-8 (replaced as it always was).
 * `viaTranscode` is for tests, which run on Node 24 in CI.
 */
export function utf8Text(bytes: Buffer, viaTranscode = V8_DECODER): string {
  if (
    !viaTranscode ||
    !transcode ||
    bytes.length < MB ||
    bytes.length > 64 * MB ||
    buffer.isAscii(bytes) ||
    !buffer.isUtf8(bytes)
  )
    return bytes.toString('utf8');
  return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
}

/** Like readText, but undefined when the file does not exist. */
export function readTextIfExists(path: string, target: ReadTarget): string | undefined {
  try {
    statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
  }
  return readText(path, target);
}
