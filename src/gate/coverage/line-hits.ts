/** Hits are capped here (4,294,967,294): a line's hits + 1 is stored, 0 marking a line that is not executable. */
export const MAX_HITS = 0xfffffffe;
/** The largest stored value: MAX_HITS + 1. */
const TOP = MAX_HITS + 1;
/** Past this line number a line is kept in a side map rather than the dense array. */
const DENSE_LIMIT = 1 << 20;

/** A file's stored hits: one byte a line while its hits stay under 255, two under 65,535, else four. */
type Hits = Uint8Array | Uint16Array | Uint32Array;
const NONE: Hits = new Uint8Array(0);

/** The largest value an array of these elements holds. */
function room(hits: Hits): number {
  return hits.BYTES_PER_ELEMENT === 1 ? 0xff : hits.BYTES_PER_ELEMENT === 2 ? 0xffff : TOP;
}

/**
 * Exact-size arrays for finished files are cut from shared 1 MiB slabs (one per element size): one
 * backing store per slab rather than one per file, which keeps a report of 100,000 files from
 * churning the GC.
 */
const SLAB_BYTES = 1 << 20;
const slabs = [
  { slab: new Uint8Array(0) as Hits, used: 0 },
  { slab: new Uint16Array(0) as Hits, used: 0 },
  { slab: new Uint32Array(0) as Hits, used: 0 },
];

/**
 * Room for `length` lines, all absent, in elements that hold stored values up to `peak`: cut from a
 * slab (its array and an offset, not a view: a view is ~100 bytes a file) when it is `exact` (a
 * finished file's) and small, else an array of its own.
 */
function allocate(length: number, peak: number, exact: boolean): { array: Hits; at: number } {
  const kind = peak <= 0xff ? 0 : peak <= 0xffff ? 1 : 2;
  const bytes = 1 << kind;
  const make = (n: number): Hits =>
    kind === 0 ? new Uint8Array(n) : kind === 1 ? new Uint16Array(n) : new Uint32Array(n);
  if (!exact || length * bytes > SLAB_BYTES / 16) return { array: make(length), at: 0 };
  const s = slabs[kind] as { slab: Hits; used: number };
  if (s.used + length > s.slab.length) {
    s.slab = make(SLAB_BYTES / bytes);
    s.used = 0;
  }
  const at = s.used;
  s.used += length;
  return { array: s.slab, at };
}

/** The value stored for `hits` (whole, capped at MAX_HITS) plus `before` (a stored value, or 0). */
function stored(hits: number, before: number): number {
  const h = hits > 0 ? Math.floor(hits) : 0;
  const v = before === 0 ? h + 1 : before + h;
  return v < TOP ? v : TOP;
}

/**
 * A scratch array of `length` lines for a reader to fill (0: absent; hits + 1 for a line), taken by
 * LineHits.addDense exact-size.
 */
export function scratchLines(length: number): Uint32Array {
  return new Uint32Array(length);
}

/**
 * A `Map<number, number>` of line → hits stored densely in a typed array indexed by line number,
 * one to four bytes a line as the hits need (capped at 4,294,967,294), instead of a Map entry's ~40:
 * what keeps a 200 MB report within memory. It is a Map to every reader of the model (get, set,
 * has, size, iteration in line order).
 */
export class LineHits implements Map<number, number> {
  /** Line n is hits[at + n], for n below length. */
  private hits: Hits = NONE;
  private at = 0;
  private length = 0;
  /** Whether the lines are exact-size in the narrowest elements (as addDense makes them): trim has nothing to do. */
  private exact = false;
  private count = 0;
  /** How many dense lines have hits above 0, when known (addDense was told; nothing changed since), else -1. */
  private covered = -1;
  private sparse: Map<number, number> | undefined;

  constructor(entries?: Iterable<readonly [number, number]>) {
    if (entries) for (const [line, hits] of entries) this.set(line, hits);
  }

  get size(): number {
    return this.count + (this.sparse?.size ?? 0);
  }

  get [Symbol.toStringTag](): string {
    return 'Map';
  }

  private dense(line: number): boolean {
    return Number.isInteger(line) && line >= 0 && line < DENSE_LIMIT;
  }

  get(line: number): number | undefined {
    if (!this.dense(line)) return this.sparse?.get(line);
    const v = line < this.length ? (this.hits[this.at + line] as number) : 0;
    return v === 0 ? undefined : v - 1;
  }

  has(line: number): boolean {
    return this.get(line) !== undefined;
  }

  set(line: number, hits: number): this {
    const h = hits > 0 ? Math.min(Math.floor(hits), MAX_HITS) : 0;
    if (!this.dense(line)) {
      this.sparse ??= new Map();
      this.sparse.set(line, h);
      return this;
    }
    this.put(line, h + 1);
    return this;
  }

  /** Stores value `v` (hits + 1) for a dense line, growing or widening the array for it. */
  private put(line: number, v: number): void {
    if (line >= this.length || v > room(this.hits)) {
      const length =
        line >= this.length ? Math.max(line + 1, Math.min(DENSE_LIMIT, this.length * 2), 16) : this.length;
      const grown = allocate(length, Math.max(v, this.length === 0 ? 0 : room(this.hits)), false).array;
      grown.set(this.view());
      this.hits = grown;
      this.at = 0;
      this.length = length;
      this.exact = false;
    }
    const at = this.at + line;
    if (this.hits[at] === 0) this.count++;
    this.hits[at] = v;
    this.covered = -1;
  }

  /** The lines as an array of their own (a view made with the constructor: subarray is slow in V8). */
  private view(): Hits {
    const { hits, at, length } = this;
    if (at === 0 && length === hits.length) return hits;
    const offset = hits.byteOffset + at * hits.BYTES_PER_ELEMENT;
    return hits.BYTES_PER_ELEMENT === 1
      ? new Uint8Array(hits.buffer, offset, length)
      : hits.BYTES_PER_ELEMENT === 2
        ? new Uint16Array(hits.buffer, offset, length)
        : new Uint32Array(hits.buffer, offset, length);
  }

  /** Adds `hits` to a line's count (a line not yet present starts at 0): `set(line, get(line) + hits)`. */
  add(line: number, hits: number): void {
    if (!this.dense(line)) {
      this.set(line, (this.get(line) ?? 0) + (hits > 0 ? Math.floor(hits) : 0));
      return;
    }
    this.put(line, stored(hits, line < this.length ? (this.hits[this.at + line] as number) : 0));
  }

  /**
   * Adds lines `0 … length - 1` of a scratch array (see scratchLines) and resets those entries to
   * absent, so the scratch array can take the next file. `present`, `peak` and `covered`: how many
   * of those lines are present, the largest value among them and how many have hits above 0, when
   * the caller counted them.
   */
  addDense(scratch: Uint32Array, length: number, present?: number, peak?: number, covered?: number): void {
    if (length <= 0) return;
    if (this.length === 0) {
      let count = present ?? 0;
      let top = peak ?? 0;
      if (present === undefined || peak === undefined) {
        count = 0;
        top = 0;
        for (let line = 0; line < length; line++) {
          const v = scratch[line] as number;
          if (v !== 0) count++;
          if (v > top) top = v;
        }
      }
      const { array, at } = allocate(length, top, true);
      // Native copy and fill; a view made with the constructor (subarray is slow in V8).
      array.set(new Uint32Array(scratch.buffer, scratch.byteOffset, length), at);
      scratch.fill(0, 0, length);
      this.hits = array;
      this.at = at;
      this.length = length;
      this.exact = true;
      this.count += count;
      this.covered = covered ?? -1;
      return;
    }
    for (let line = 0; line < length; line++) {
      const v = scratch[line] as number;
      if (v !== 0) this.add(line, v - 1);
      scratch[line] = 0;
    }
  }

  /** Adds every line of `other` into this one (hits summed). */
  addAll(other: Map<number, number>): void {
    if (other instanceof LineHits) {
      const { hits, at } = other;
      // the in-place sums below bypass put(): the covered count a reader left is stale
      this.covered = -1;
      // Summed in place while the line is within the array and its elements hold the sum (what
      // `add` stores, without its checks); else `add` grows or widens the array, and on it goes.
      let mine = this.hits;
      let base = this.at;
      let top = room(mine);
      let length = this.length;
      for (let line = 0; line < other.length; line++) {
        const v = hits[at + line] as number;
        if (v === 0) continue;
        if (line < length) {
          const before = mine[base + line] as number;
          const sum = before === 0 ? v : before + v - 1;
          if (sum <= top) {
            if (before === 0) this.count++;
            mine[base + line] = sum;
            continue;
          }
        }
        this.add(line, v - 1);
        mine = this.hits;
        base = this.at;
        top = room(mine);
        length = this.length;
      }
      if (other.sparse) for (const [line, h] of other.sparse) this.add(line, h);
      return;
    }
    for (const [line, h] of other) this.add(line, h);
  }

  delete(line: number): boolean {
    if (!this.dense(line)) return this.sparse?.delete(line) ?? false;
    if (line >= this.length || this.hits[this.at + line] === 0) return false;
    this.hits[this.at + line] = 0;
    this.covered = -1;
    this.exact = false;
    this.count--;
    return true;
  }

  clear(): void {
    this.hits = NONE;
    this.at = 0;
    this.length = 0;
    this.exact = false;
    this.count = 0;
    this.covered = -1;
    this.sparse = undefined;
  }

  forEach(callback: (value: number, key: number, map: Map<number, number>) => void, thisArg?: unknown): void {
    for (const [line, hits] of this.entries()) callback.call(thisArg, hits, line, this);
  }

  *entries(): MapIterator<[number, number]> {
    const { hits, at } = this;
    for (let line = 0; line < this.length; line++) {
      const v = hits[at + line] as number;
      if (v !== 0) yield [line, v - 1];
    }
    if (this.sparse) yield* [...this.sparse].sort((a, b) => a[0] - b[0]);
  }

  *keys(): MapIterator<number> {
    const { hits, at } = this;
    for (let line = 0; line < this.length; line++) if (hits[at + line] !== 0) yield line;
    if (this.sparse) yield* [...this.sparse.keys()].sort((a, b) => a - b);
  }

  *values(): MapIterator<number> {
    const { hits, at } = this;
    for (let line = 0; line < this.length; line++) {
      const v = hits[at + line] as number;
      if (v !== 0) yield v - 1;
    }
    if (this.sparse) for (const [, h] of [...this.sparse].sort((a, b) => a[0] - b[0])) yield h;
  }

  /** Drops the spare room left by growing, and narrows the array to what its hits need (call when a file is complete). */
  trim(): void {
    if (this.exact) return;
    const { hits, at } = this;
    let last = this.length - 1;
    let peak = 0;
    for (let line = last; line >= 0; line--)
      if ((hits[at + line] as number) > peak) peak = hits[at + line] as number;
    while (last >= 0 && hits[at + last] === 0) last--;
    const narrower = (peak <= 0xff ? 1 : peak <= 0xffff ? 2 : 4) < hits.BYTES_PER_ELEMENT;
    if (last + 1 < this.length || narrower) {
      const trimmed = allocate(last + 1, peak, true);
      for (let line = 0; line <= last; line++) trimmed.array[trimmed.at + line] = hits[at + line] as number;
      this.hits = trimmed.array;
      this.at = trimmed.at;
      this.length = last + 1;
    }
    this.exact = true;
  }

  /** Lines with hits above 0 (what summaries count), without iterating. */
  coveredCount(): number {
    let n = this.covered;
    const { hits, at } = this;
    if (n < 0) {
      n = 0;
      for (let line = 0; line < this.length; line++) if ((hits[at + line] as number) > 1) n++;
    }
    for (const h of this.sparse?.values() ?? []) if (h > 0) n++;
    return n;
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }
}

/**
 * Line hits of the file a reader is in, gathered in one reused array and copied out exact-size when
 * the file ends (flushInto): no growing array, and no spare backing store, per file.
 */
export class LineScratch {
  private readonly hits: Uint32Array;
  private top = 0;
  private present = 0;
  private peak = 0;

  constructor(readonly length = 1 << 16) {
    this.hits = scratchLines(length);
  }

  /** Adds whole hits to a line below `length`; false (nothing done) for any other line or count. */
  add(line: number, hits: number): boolean {
    if (!(line >= 0 && line < this.length && (line | 0) === line && hits >= 0 && hits <= MAX_HITS))
      return false;
    if ((hits | 0) !== hits && Math.floor(hits) !== hits) return false;
    const before = this.hits[line] as number;
    if (before === 0) {
      this.present++;
      if (line >= this.top) this.top = line + 1;
    }
    const v = before === 0 ? hits + 1 : before + hits < TOP ? before + hits : TOP;
    this.hits[line] = v;
    if (v > this.peak) this.peak = v;
    return true;
  }

  /**
   * Sets a line below `length` to `hits` (whole, 0 … MAX_HITS), as LineHits.set would; false
   * (nothing done) for any other line.
   */
  set(line: number, hits: number): boolean {
    if (!(line >= 0 && line < this.length && (line | 0) === line)) return false;
    if (this.hits[line] === 0) {
      this.present++;
      if (line >= this.top) this.top = line + 1;
    }
    // Stored as hits + 1 (0 is "not executable"), whole and capped as LineHits.set keeps them.
    const v = (hits > 0 ? Math.min(Math.floor(hits), MAX_HITS) : 0) + 1;
    this.hits[line] = v;
    if (v > this.peak) this.peak = v;
    return true;
  }

  /** Adds what was gathered into `lines` and starts empty again. */
  flushInto(lines: LineHits): void {
    lines.addDense(this.hits, this.top, this.present, this.peak);
    this.top = 0;
    this.present = 0;
    this.peak = 0;
  }
}
