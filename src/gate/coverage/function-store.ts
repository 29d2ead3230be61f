// A file's functions in the lcov reader: a working table for the record being read, frozen into a
// compact store (names, and one Float64Array of line and hits) at each end_of_record.
import { CompactMap, floats } from './compact-map.js';
import { own, uniqueName } from './source.js';

type Fn = { line: number; hits: number };

/**
 * name → { line, hits } in the order the functions were first named. `origins` says which FN name
 * made each entry (undefined: an FNDA or FNA without FN); left out when every entry's is its name.
 */
export class FunctionStore extends CompactMap<string, Fn> {
  private index: Map<string, number> | undefined;

  constructor(
    readonly names: readonly string[],
    /** line, hits of each function in turn, from nums[at]. */
    private readonly nums: Float64Array,
    private readonly at0: number,
    readonly origins: readonly (string | undefined)[] | undefined,
  ) {
    super();
  }

  get size(): number {
    return this.names.length;
  }

  private at(name: string): number {
    if (this.names.length <= 16) return this.names.indexOf(name);
    if (!this.index) {
      this.index = new Map();
      for (let i = 0; i < this.names.length; i++) this.index.set(this.names[i] as string, i);
    }
    return this.index.get(name) ?? -1;
  }

  get(name: string): Fn | undefined {
    const i = this.at(name);
    return i === -1 ? undefined : { line: this.line(i), hits: this.hits(i) };
  }

  override has(name: string): boolean {
    return this.at(name) !== -1;
  }

  *entries(): MapIterator<[string, Fn]> {
    const names = this.names;
    for (let i = 0; i < names.length; i++)
      yield [names[i] as string, { line: this.line(i), hits: this.hits(i) }];
  }

  override toMap(): Map<string, Fn> {
    const map = new Map<string, Fn>();
    for (let i = 0; i < this.names.length; i++)
      map.set(this.names[i] as string, { line: this.line(i), hits: this.hits(i) });
    return map;
  }

  line(i: number): number {
    return this.nums[this.at0 + 2 * i] as number;
  }

  hits(i: number): number {
    return this.nums[this.at0 + 2 * i + 1] as number;
  }

  /**
   * This store with `other`'s hits added, when both name the same functions in the same order (shards
   * of one test run); undefined otherwise (merge.ts then goes by name). Lines and origins are this one's.
   */
  plus(other: FunctionStore): FunctionStore | undefined {
    const n = this.names.length;
    if (other.names.length !== n) return undefined;
    for (let i = 0; i < n; i++) if (this.names[i] !== other.names[i]) return undefined;
    const { array, at } = floats(2 * n);
    for (let i = 0; i < n; i++) {
      array[at + 2 * i] = this.line(i);
      array[at + 2 * i + 1] = this.hits(i) + other.hits(i);
    }
    return new FunctionStore(this.names, array, at, this.origins);
  }

  /** Functions with hits above 0 (what summaries count), without an object each. */
  coveredCount(): number {
    let n = 0;
    for (let i = 0; i < this.names.length; i++) if (this.hits(i) > 0) n++;
    return n;
  }
}

/**
 * The functions of the record being read, as lcov-record's rules name them: each FN record of a block
 * is a function, the n-th of a name in a block is the n-th of that name in the file (`name`, then
 * `name@line`), and the n-th FNDA of a name in a block goes to the n-th function of that name.
 */
export class FunctionTable {
  /** Whether the record reports functions (FN, FNDA, FNA, FNF or FNH seen). */
  reported = false;
  private names: string[] = [];
  private lines: number[] = [];
  private hits: number[] = [];
  private origins: (string | undefined)[] = [];
  /**
   * Each name met (as an entry's name, an FN's, an FNDA's) has a slot, found with one Map look-up a
   * line. Per slot: the entry of that name in this record (-1: none), the entries FN lines of that
   * name made in it, in order, and how many FN and FNDA lines of that name this block has had. The
   * Map is kept from record to record (no new hash table each record); a slot's record and block
   * stamps say whether what it holds is this record's and this block's.
   */
  private readonly slots = new Map<string, number>();
  private readonly entry: number[] = [];
  private readonly made: (number[] | undefined)[] = [];
  private readonly seen: number[] = [];
  private readonly calls: number[] = [];
  private readonly recordOf: number[] = [];
  private readonly blockOf: number[] = [];
  private record = 0;
  private block = 0;

  /** Starts a record: empty, or holding what earlier records of the same file froze. */
  start(before: FunctionStore | undefined): void {
    if (this.names.length > 0) {
      this.names = [];
      this.lines = [];
      this.hits = [];
      this.origins = [];
    }
    this.record++;
    this.block++;
    if (this.slots.size > 1 << 16) {
      // Names of earlier records only: let them go.
      this.slots.clear();
      for (const a of [this.entry, this.made, this.seen, this.calls, this.recordOf, this.blockOf])
        a.length = 0;
    }
    this.reported = before !== undefined;
    if (!before) return;
    for (let i = 0; i < before.names.length; i++) {
      const name = before.names[i] as string;
      const origin = before.origins ? before.origins[i] : name;
      this.push(name, before.line(i), before.hits(i), origin, this.slot(name));
    }
  }

  /** The slot of `name`, made (or emptied, when it holds an earlier record's or block's) if need be. */
  private slot(name: string): number {
    let s = this.slots.get(name);
    if (s === undefined) {
      s = this.entry.length;
      this.slots.set(name, s);
      this.entry.push(-1);
      this.made.push(undefined);
      this.seen.push(0);
      this.calls.push(0);
      this.recordOf.push(this.record);
      this.blockOf.push(this.block);
      return s;
    }
    if (this.recordOf[s] !== this.record) {
      this.recordOf[s] = this.record;
      this.entry[s] = -1;
      this.made[s] = undefined;
    }
    if (this.blockOf[s] !== this.block) {
      this.blockOf[s] = this.block;
      this.seen[s] = 0;
      this.calls[s] = 0;
    }
    return s;
  }

  /** An FN record. */
  define(name: string, line: number): void {
    this.reported = true;
    const s = this.slot(name);
    const nth = this.seen[s] as number;
    this.seen[s] = nth + 1;
    const at = this.made[s]?.[nth];
    if (at !== undefined) {
      if (this.lines[at] === 0) this.lines[at] = line; // its FNDA came first
      return;
    }
    if (nth === 0 && this.entry[s] === -1) this.push(name, line, 0, name, s);
    else {
      const fresh = uniqueName(this.taken, name, line);
      this.push(fresh, line, 0, name, this.slot(fresh));
    }
  }

  /** Whether an entry of this record has this name (what uniqueName avoids). */
  private readonly taken = {
    has: (name: string): boolean => {
      const s = this.slots.get(name);
      return s !== undefined && this.recordOf[s] === this.record && this.entry[s] !== -1;
    },
  };

  /** An FNDA record. */
  hit(name: string, hits: number): void {
    this.reported = true;
    const s = this.slot(name);
    const made = this.made[s];
    let at: number;
    if (made && made.length > 1) {
      const nth = this.calls[s] as number;
      this.calls[s] = nth + 1;
      at = made[Math.min(nth, made.length - 1)] as number;
    } else at = this.entry[s] as number;
    if (at === -1) this.push(name, 0, hits, undefined, s);
    else this.hits[at] = (this.hits[at] as number) + hits;
  }

  /** An lcov 2 FNA record: hits to the function of that name, else a new one at `line`. */
  add(name: string, line: number, hits: number): void {
    this.reported = true;
    const s = this.slot(name);
    const at = this.entry[s] as number;
    if (at === -1) this.push(name, line, hits, undefined, s);
    else this.hits[at] = (this.hits[at] as number) + hits;
  }

  /** Ends a block: the next block counts its FN and FNDA records from the start again. */
  endBlock(): void {
    this.block++;
  }

  /** The record's functions as a compact store, or undefined when it reports none. */
  freeze(): FunctionStore | undefined {
    if (!this.reported) return undefined;
    const n = this.names.length;
    if (n === 0) return EMPTY;
    const { array, at } = floats(2 * n);
    let plain = true;
    for (let i = 0; i < n; i++) {
      array[at + 2 * i] = this.lines[i] as number;
      array[at + 2 * i + 1] = this.hits[i] as number;
      if (this.origins[i] !== this.names[i]) plain = false;
    }
    return new FunctionStore(this.names.slice(), array, at, plain ? undefined : this.origins.slice());
  }

  /** A new entry `name` (slot `s`), made by an FN line named `origin` (undefined: by FNDA or FNA). */
  private push(name: string, line: number, hits: number, origin: string | undefined, s: number): void {
    const key = intern(name);
    const at = this.names.length;
    this.names.push(key);
    this.lines.push(line);
    this.hits.push(hits);
    this.origins.push(origin === name ? key : origin);
    this.entry[s] = at;
    if (origin !== undefined) {
      const o = origin === name ? s : this.slot(origin);
      const made = this.made[o];
      if (made) made.push(at);
      else this.made[o] = [at];
    }
  }
}

const EMPTY = new FunctionStore([], new Float64Array(0), 0, undefined);

/**
 * One string for each function name seen recently: names repeat from file to file (`(anonymous_0)`,
 * a test's helpers), and a report of 100,000 files would otherwise hold a copy per function.
 */
const names = new Map<string, string>();

function intern(name: string): string {
  const known = names.get(name);
  if (known !== undefined) return known;
  if (names.size >= 1 << 16) names.clear();
  const kept = own(name);
  names.set(kept, kept);
  return kept;
}
