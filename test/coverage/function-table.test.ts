// The lcov reader's function table (function-store.ts) was made faster: one slot per name, found
// with one look-up a line, in a Map kept from record to record. Here it is run beside the table it
// replaced (ReferenceTable: the four-Map version, kept as it was) over random records of FN, FNDA and
// FNA lines, names repeated within and across blocks and records.
import { describe, expect, it } from 'vitest';
import { type FunctionStore, FunctionTable } from '../../src/gate/coverage/function-store.js';
import { uniqueName } from '../../src/gate/coverage/source.js';

type Entry = { name: string; line: number; hits: number; origin: string | undefined };

/** The table as it was before (commit c429d56), reduced to what it computes. */
class ReferenceTable {
  reported = false;
  private entries: Entry[] = [];
  private readonly index = new Map<string, number>();
  private readonly order = new Map<string, number[]>();
  private readonly seen = new Map<string, number>();
  private readonly calls = new Map<string, number>();

  start(before: Entry[] | undefined): void {
    this.entries = [];
    this.index.clear();
    this.order.clear();
    this.reported = before !== undefined;
    for (const e of before ?? []) this.push(e.name, e.line, e.hits, e.origin);
  }

  define(name: string, line: number): void {
    this.reported = true;
    const nth = this.seen.get(name) ?? 0;
    this.seen.set(name, nth + 1);
    const at = this.order.get(name)?.[nth];
    if (at !== undefined) {
      const e = this.entries[at] as Entry;
      if (e.line === 0) e.line = line;
      return;
    }
    const fresh = nth === 0 && !this.index.has(name) ? name : uniqueName(this.index, name, line);
    this.push(fresh, line, 0, name);
  }

  hit(name: string, hits: number): void {
    this.reported = true;
    const made = this.order.get(name);
    let at: number | undefined;
    if (made && made.length > 1) {
      const nth = this.calls.get(name) ?? 0;
      this.calls.set(name, nth + 1);
      at = made[Math.min(nth, made.length - 1)];
    } else at = this.index.get(name);
    if (at === undefined) this.push(name, 0, hits, undefined);
    else (this.entries[at] as Entry).hits += hits;
  }

  add(name: string, line: number, hits: number): void {
    this.reported = true;
    const at = this.index.get(name);
    if (at === undefined) this.push(name, line, hits, undefined);
    else (this.entries[at] as Entry).hits += hits;
  }

  endBlock(): void {
    this.seen.clear();
    this.calls.clear();
  }

  freeze(): Entry[] | undefined {
    return this.reported ? this.entries.map((e) => ({ ...e })) : undefined;
  }

  private push(name: string, line: number, hits: number, origin: string | undefined): void {
    const at = this.entries.length;
    this.entries.push({ name, line, hits, origin });
    this.index.set(name, at);
    if (origin !== undefined) {
      const made = this.order.get(origin);
      if (made) made.push(at);
      else this.order.set(origin, [at]);
    }
  }
}

function entriesOf(store: FunctionStore | undefined): Entry[] | undefined {
  if (!store) return undefined;
  return store.names.map((name, i) => ({
    name,
    line: store.line(i),
    hits: store.hits(i),
    origin: store.origins ? store.origins[i] : name,
  }));
}

describe('the function table gives what the plain-Map table gave', () => {
  it('over random records, blocks and repeated names', () => {
    let seed = 15;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return seed % n;
    };
    const table = new FunctionTable();
    const reference = new ReferenceTable();
    for (let file = 0; file < 400; file++) {
      // A pool of names, some of which look like the names uniqueName makes.
      const pool = Array.from({ length: 1 + next(30) }, (_, i) =>
        next(8) === 0 ? `f${i}@${next(5)}` : `f${i}`,
      );
      const name = () => pool[next(pool.length)] as string;
      let store: FunctionStore | undefined;
      let before: Entry[] | undefined;
      for (let record = 0; record < 1 + next(3); record++) {
        table.start(store);
        reference.start(before);
        for (let block = 0; block < 1 + next(3); block++) {
          // Mostly the c8 shape (FN lines, then FNDA in the same order), sometimes anything.
          const fns = Array.from({ length: next(25) }, name);
          const ops: [string, string, number][] = [
            ...fns.map((n): [string, string, number] => ['FN', n, 1 + next(50)]),
            ...fns.map((n): [string, string, number] => ['FNDA', n, next(4)]),
          ];
          for (let k = next(4); k > 0; k--)
            ops.splice(next(ops.length + 1), 0, [['FN', 'FNDA', 'FNA'][next(3)] as string, name(), next(9)]);
          for (const [kind, n, v] of ops) {
            if (kind === 'FN') {
              table.define(n, v);
              reference.define(n, v);
            } else if (kind === 'FNDA') {
              table.hit(n, v);
              reference.hit(n, v);
            } else {
              table.add(n, v, 1);
              reference.add(n, v, 1);
            }
          }
          table.endBlock();
          reference.endBlock();
        }
        store = table.freeze();
        before = reference.freeze();
        expect(entriesOf(store)).toEqual(before);
      }
    }
  });
});
