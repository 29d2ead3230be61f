import { ShipkitError } from '../errors.js';
import type { Item } from './backlog.js';

/** The dependency graph over the open items, by index in `items`. */
export interface Graph {
  items: Item[];
  index: Map<string, number>;
  /** deps[i]: indices of the items i depends on. */
  deps: number[][];
  /** dependents[i]: indices of the items that depend on i. */
  dependents: number[][];
  /** A topological order (dependencies first; ties in backlog order). */
  order: number[];
}

/**
 * Checks every reference (unknown, closed, itself) and finds cycles, each reported as the cycle
 * itself (`A → B → C → A`). All problems are reported at once.
 */
export function buildGraph(all: Item[], file: string): Graph {
  const problems: ShipkitError[] = [];
  const closed = new Map(all.filter((i) => i.closed).map((i) => [i.id, i]));
  const items = all.filter((i) => !i.closed);
  const index = new Map(items.map((item, i) => [item.id, i]));
  const deps: number[][] = items.map(() => []);
  const dependents: number[][] = items.map(() => []);
  items.forEach((item, i) => {
    for (const ref of item.depends_on) {
      const j = index.get(ref);
      if (ref === item.id) {
        problems.push(new ShipkitError(`item ${item.id} depends on itself`, { location: item.source }));
      } else if (j !== undefined) {
        deps[i]?.push(j);
        dependents[j]?.push(i);
      } else if (closed.has(ref)) {
        problems.push(
          new ShipkitError(`item ${item.id} depends on ${ref}, which is closed`, {
            location: item.source,
            hint: `Remove ${ref} from depends_on (it is done), or reopen it if the work is not finished.`,
          }),
        );
      } else {
        problems.push(
          new ShipkitError(`item ${item.id} depends on ${ref}, which is not in the backlog`, {
            location: item.source,
            hint: 'Check the id, or add the missing item.',
          }),
        );
      }
    }
  });
  const order = topologicalOrder(deps, dependents);
  if (order.length < items.length) {
    for (const cycle of findCycles(items, deps, order)) {
      const first = items[cycle[0] ?? 0];
      problems.push(
        new ShipkitError(
          `dependency cycle: ${[...cycle, cycle[0] ?? 0].map((i) => items[i]?.id).join(' → ')}`,
          {
            location: first?.source,
            hint: 'Remove one of these dependencies: a cycle can never be scheduled.',
          },
        ),
      );
    }
  }
  if (problems.length > 0) {
    const n = problems.length;
    throw new ShipkitError(`${file}: the dependency graph is invalid (${n} problem${n === 1 ? '' : 's'})`, {
      location: { file },
      details: problems,
    });
  }
  return { items, index, deps, dependents, order };
}

/** Kahn's algorithm; ready items are taken in backlog order, so the result is deterministic. */
function topologicalOrder(deps: number[][], dependents: number[][]): number[] {
  const remaining = deps.map((d) => d.length);
  const order: number[] = [];
  for (let i = 0; i < deps.length; i++) if (remaining[i] === 0) order.push(i);
  for (let k = 0; k < order.length; k++) {
    for (const j of dependents[order[k] as number] ?? []) {
      remaining[j] = (remaining[j] as number) - 1;
      if (remaining[j] === 0) order.push(j);
    }
  }
  return order;
}

/** One cycle per group of items left over by the topological sort (at most 10). */
function findCycles(items: Item[], deps: number[][], order: number[]): number[][] {
  const done = new Uint8Array(items.length);
  for (const i of order) done[i] = 2;
  const cycles: number[][] = [];
  for (let start = 0; start < items.length && cycles.length < 10; start++) {
    if (done[start] !== 0) continue;
    // Walk dependencies that are still unresolved until an item repeats: that stretch is a cycle.
    const path: number[] = [];
    const onPath = new Map<number, number>();
    let cur = start;
    while (!onPath.has(cur) && done[cur] === 0) {
      onPath.set(cur, path.length);
      path.push(cur);
      const next = (deps[cur] ?? []).find((j) => done[j] !== 2);
      if (next === undefined) break;
      cur = next;
    }
    const from = onPath.get(cur);
    if (from !== undefined) {
      // Reported in the direction work flows: a dependency before the item that needs it.
      cycles.push(path.slice(from).reverse());
    }
    for (const i of path) done[i] = 1;
  }
  return cycles;
}

/** Topological levels: an item sits one wave after its latest dependency (wave 0 has none). */
export function waves(graph: Graph): number[] {
  const wave = new Array<number>(graph.items.length).fill(0);
  for (const i of graph.order) {
    let w = 0;
    for (const j of graph.deps[i] ?? []) w = Math.max(w, (wave[j] as number) + 1);
    wave[i] = w;
  }
  return wave;
}

export interface CriticalPath {
  /** Item indices from the first to the last. */
  path: number[];
  /** Length in working days (sum of the durations along the path). */
  days: number;
  earlyStart: number[];
  /** Working days an item can slip without delaying the end. */
  slack: number[];
}

/** Longest path through the graph with each item's duration in working days. */
export function criticalPath(graph: Graph, duration: number[]): CriticalPath {
  const n = graph.items.length;
  const es = new Array<number>(n).fill(0);
  const ef = new Array<number>(n).fill(0);
  for (const i of graph.order) {
    let s = 0;
    for (const j of graph.deps[i] ?? []) s = Math.max(s, ef[j] as number);
    es[i] = s;
    ef[i] = s + (duration[i] as number);
  }
  let end = -1;
  let days = 0;
  for (let i = 0; i < n; i++) {
    if (end < 0 || (ef[i] as number) > days) {
      end = i;
      days = ef[i] as number;
    }
  }
  const lf = new Array<number>(n).fill(days);
  for (let k = graph.order.length - 1; k >= 0; k--) {
    const i = graph.order[k] as number;
    for (const j of graph.dependents[i] ?? [])
      lf[i] = Math.min(lf[i] as number, (lf[j] as number) - (duration[j] as number));
  }
  const slack = ef.map((f, i) => (lf[i] as number) - f);
  const path: number[] = [];
  for (let cur = end; cur >= 0; ) {
    path.push(cur);
    const start = es[cur] as number;
    const prev: number | undefined = (graph.deps[cur] ?? []).find((j) => ef[j] === start && slack[j] === 0);
    cur = prev ?? -1;
  }
  return { path: path.reverse(), days, earlyStart: es, slack };
}
