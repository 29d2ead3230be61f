/** Marks a line that is not executable; hits are capped one below it. */
export const ABSENT = 0xffffffff;
export const MAX_HITS = ABSENT - 1;
/** Past this line number a line is kept in a side map rather than the dense array. */
const DENSE_LIMIT = 1 << 20;
const NONE: Uint32Array = new Uint32Array(0);

/**
 * Exact-size arrays for finished files are cut from shared 1 MiB slabs: one backing store per
 * slab rather than one per file, which keeps a report of 100,000 files from churning the GC.
 */
const SLAB = 1 << 18;
let slab: Uint32Array = NONE;
let slabUsed = 0;

function allocate(length: number): Uint32Array {
  if (length > SLAB / 16) return new Uint32Array(length);
  if (slabUsed + length > slab.length) {
    slab = new Uint32Array(SLAB);
    slabUsed = 0;
  }
  // The constructor rather than subarray, which is several times slower in V8.
  const view = new Uint32Array(slab.buffer, slabUsed * 4, length);
  slabUsed += length;
  return view;
}

/** An array of `length` lines, all absent, for a reader to fill (see addDense). */
export function scratchLines(length: number): Uint32Array {
  return new Uint32Array(length).fill(ABSENT);
}

/**
 * A `Map<number, number>` of line → hits stored densely in a Uint32Array indexed by line number
 * (hits capped at 4,294,967,294): about 4 bytes a line instead of a Map entry's ~40, which is what keeps a 200 MB report within
 * memory. It is a Map to every reader of the model (get, set, has, size, iteration in line order).
 */
export class LineHits implements Map<number, number> {
  private hits: Uint32Array = NONE;
  private count = 0;
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
    const v = line < this.hits.length ? (this.hits[line] ?? ABSENT) : ABSENT;
    return v === ABSENT ? undefined : v;
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
    if (line >= this.hits.length) {
      const grown = new Uint32Array(Math.max(line + 1, Math.min(DENSE_LIMIT, this.hits.length * 2), 16));
      grown.fill(ABSENT);
      grown.set(this.hits);
      this.hits = grown;
    }
    if (this.hits[line] === ABSENT) this.count++;
    this.hits[line] = h;
    return this;
  }

  /** Adds `hits` to a line's count (a line not yet present starts at 0): `set(line, get(line) + hits)`. */
  add(line: number, hits: number): void {
    const h = hits > 0 ? Math.floor(hits) : 0;
    if (line >= 0 && line < this.hits.length && (line | 0) === line) {
      const before = this.hits[line] as number;
      if (before === ABSENT) {
        this.count++;
        this.hits[line] = h < MAX_HITS ? h : MAX_HITS;
      } else {
        const sum = before + h;
        this.hits[line] = sum < MAX_HITS ? sum : MAX_HITS;
      }
      return;
    }
    this.set(line, (this.get(line) ?? 0) + h);
  }

  /**
   * Adds lines `0 … length - 1` of a scratch array (absent lines marked as scratchLines marks them)
   * and resets those entries to absent, so the scratch array can take the next file. `present`:
   * how many of those lines are present, when the caller counted them.
   */
  addDense(scratch: Uint32Array, length: number, present?: number): void {
    if (length <= 0) return;
    if (this.hits.length === 0) {
      const hits = allocate(length);
      if (present !== undefined) {
        // Native copy and fill; a view made with the constructor (subarray is slow in V8).
        hits.set(new Uint32Array(scratch.buffer, scratch.byteOffset, length));
        scratch.fill(ABSENT, 0, length);
        this.hits = hits;
        this.count += present;
        return;
      }
      let count = 0;
      for (let line = 0; line < length; line++) {
        const h = scratch[line] as number;
        hits[line] = h;
        scratch[line] = ABSENT;
        if (h !== ABSENT) count++;
      }
      this.hits = hits;
      this.count += count;
      return;
    }
    for (let line = 0; line < length; line++) {
      const h = scratch[line] as number;
      if (h !== ABSENT) this.add(line, h);
      scratch[line] = ABSENT;
    }
  }

  /** Adds every line of `other` into this one (hits summed). */
  addAll(other: Map<number, number>): void {
    if (other instanceof LineHits) {
      const hits = other.hits;
      for (let line = 0; line < hits.length; line++) {
        const h = hits[line] as number;
        if (h !== ABSENT) this.add(line, h);
      }
      if (other.sparse) for (const [line, h] of other.sparse) this.add(line, h);
      return;
    }
    for (const [line, h] of other) this.add(line, h);
  }

  delete(line: number): boolean {
    if (!this.dense(line)) return this.sparse?.delete(line) ?? false;
    if (line >= this.hits.length || this.hits[line] === ABSENT) return false;
    this.hits[line] = ABSENT;
    this.count--;
    return true;
  }

  clear(): void {
    this.hits = NONE;
    this.count = 0;
    this.sparse = undefined;
  }

  forEach(callback: (value: number, key: number, map: Map<number, number>) => void, thisArg?: unknown): void {
    for (const [line, hits] of this.entries()) callback.call(thisArg, hits, line, this);
  }

  *entries(): MapIterator<[number, number]> {
    const hits = this.hits;
    for (let line = 0; line < hits.length; line++) {
      const h = hits[line] ?? ABSENT;
      if (h !== ABSENT) yield [line, h];
    }
    if (this.sparse) yield* [...this.sparse].sort((a, b) => a[0] - b[0]);
  }

  *keys(): MapIterator<number> {
    const hits = this.hits;
    for (let line = 0; line < hits.length; line++) if (hits[line] !== ABSENT) yield line;
    if (this.sparse) yield* [...this.sparse.keys()].sort((a, b) => a - b);
  }

  *values(): MapIterator<number> {
    const hits = this.hits;
    for (let line = 0; line < hits.length; line++) {
      const h = hits[line] ?? ABSENT;
      if (h !== ABSENT) yield h;
    }
    if (this.sparse) for (const [, h] of [...this.sparse].sort((a, b) => a[0] - b[0])) yield h;
  }

  /** Drops the spare room left by growing (call when a file is complete). */
  trim(): void {
    let last = this.hits.length - 1;
    while (last >= 0 && this.hits[last] === ABSENT) last--;
    if (last + 1 < this.hits.length) {
      const trimmed = allocate(last + 1);
      for (let line = 0; line <= last; line++) trimmed[line] = this.hits[line] as number;
      this.hits = trimmed;
    }
  }

  /** Lines with hits above 0 (what summaries count), without iterating. */
  coveredCount(): number {
    let n = 0;
    const hits = this.hits;
    for (let line = 0; line < hits.length; line++) {
      const h = hits[line] ?? ABSENT;
      if (h !== ABSENT && h > 0) n++;
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

  constructor(readonly length = 1 << 16) {
    this.hits = scratchLines(length);
  }

  /** Adds whole hits to a line below `length`; false (nothing done) for any other line or count. */
  add(line: number, hits: number): boolean {
    if (!(line >= 0 && line < this.length && (line | 0) === line && hits >= 0 && hits <= MAX_HITS))
      return false;
    if ((hits | 0) !== hits && Math.floor(hits) !== hits) return false;
    const v = this.hits[line] as number;
    if (v === ABSENT) {
      this.hits[line] = hits;
      this.present++;
      if (line >= this.top) this.top = line + 1;
    } else {
      const sum = v + hits;
      this.hits[line] = sum < MAX_HITS ? sum : MAX_HITS;
    }
    return true;
  }

  /**
   * Sets a line below `length` to `hits` (whole, 0 … MAX_HITS), as LineHits.set would; false
   * (nothing done) for any other line.
   */
  set(line: number, hits: number): boolean {
    if (!(line >= 0 && line < this.length && (line | 0) === line)) return false;
    if (this.hits[line] === ABSENT) {
      this.present++;
      if (line >= this.top) this.top = line + 1;
    }
    this.hits[line] = hits;
    return true;
  }

  /** Adds what was gathered into `lines` and starts empty again. */
  flushInto(lines: LineHits): void {
    lines.addDense(this.hits, this.top, this.present);
    this.top = 0;
    this.present = 0;
  }
}
