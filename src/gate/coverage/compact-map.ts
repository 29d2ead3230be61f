// The read side of a Map over compact storage (typed arrays cut from shared slabs), for the stores a
// reader freezes a file's branches and functions into: a report of 100,000 files then holds a few
// objects per file instead of a Map, an object and an array per function and per branch line.

/**
 * A Map that a subclass backs with its own storage: it gives get, size and entries, in the order a
 * Map built the same way would iterate. Read-only: get returns a fresh value each time, so code that
 * changes a file's figures copies the store into a Map first (`new Map(store)`, as merge does).
 */
export abstract class CompactMap<K, V> implements Map<K, V> {
  abstract get(key: K): V | undefined;
  abstract get size(): number;
  abstract entries(): MapIterator<[K, V]>;

  get [Symbol.toStringTag](): string {
    return 'Map';
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  *keys(): MapIterator<K> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) callback.call(thisArg, v, k, this);
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  /** The entries in a Map of their own (a subclass walks its storage without an iterator). */
  toMap(): Map<K, V> {
    return new Map(this);
  }

  set(): this {
    throw readOnly();
  }

  delete(): boolean {
    throw readOnly();
  }

  clear(): void {
    throw readOnly();
  }
}

function readOnly(): Error {
  return new Error('a compact coverage store is read-only: copy it into a Map to change it');
}

/** Copies a compact store into a Map that can be changed (a Map is returned as it is). */
export function thawed<K, V>(m: Map<K, V>): Map<K, V> {
  return m instanceof CompactMap ? m.toMap() : m;
}

const SLAB = 1 << 17;
let slab = new Float64Array(0);
let used = 0;

/** Where a run of numbers was cut: `array[at]` onwards (a shared slab, or an array of its own). */
export interface Cut {
  array: Float64Array;
  at: number;
}

/**
 * `length` numbers cut from a shared 1 MiB slab, given as the slab and an offset rather than a view
 * (a view is an object of ~100 bytes a file; one backing store per slab rather than per file keeps a
 * report of 100,000 files from churning the GC); a large run gets its own array.
 */
export function floats(length: number): Cut {
  if (length > SLAB / 16) return { array: new Float64Array(length), at: 0 };
  if (used + length > slab.length) {
    slab = new Float64Array(SLAB);
    used = 0;
  }
  const at = used;
  used += length;
  return { array: slab, at };
}
