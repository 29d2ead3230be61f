import { ShipkitError } from '../errors.js';
import type { Item } from './backlog.js';
import type { Day, WorkCalendar } from './calendar.js';
import type { Graph } from './graph.js';
import type { Member } from './team.js';

const PRIORITY_RANK = { P0: 0, P1: 1, P2: 2, P3: 3 } as const;

export interface Assignment {
  /** Member index per item (-1: nobody fits). */
  member: number[];
  /** Why: `owner`, `skill` or `load`. */
  reason: ('owner' | 'skill' | 'load' | 'none')[];
}

/**
 * Who does what: the item's owner; otherwise the member whose skills match its area or labels and
 * who has the least work relative to their capacity; otherwise the least loaded member.
 */
export function assign(graph: Graph, team: Member[], capacity: number[], order: number[]): Assignment {
  const byName = new Map(team.map((m, i) => [m.name.toLowerCase(), i]));
  const problems: ShipkitError[] = [];
  const member = new Array<number>(graph.items.length).fill(-1);
  const reason = new Array<Assignment['reason'][number]>(graph.items.length).fill('none');
  const load = new Array<number>(team.length).fill(0);
  const everyone = team.map((_, m) => m);
  const anySkills = team.some((t) => t.skills.length > 0);
  for (const i of order) {
    const item = graph.items[i] as Item;
    if (team.length === 0) continue;
    if (item.owner !== undefined) {
      const m = byName.get(item.owner.replace(/^@/, '').toLowerCase());
      if (m === undefined) {
        problems.push(
          new ShipkitError(`item ${item.id}: owner ${item.owner} is not on the team`, {
            location: item.source,
            hint: `Team: ${team.map((t) => t.name).join(', ') || '(none)'}. Add them to \`team\` or change the owner.`,
          }),
        );
        continue;
      }
      member[i] = m;
      reason[i] = 'owner';
    } else {
      const skilled = anySkills ? skilledFor(item, team) : [];
      const pool = skilled.length > 0 ? skilled : everyone;
      let best = pool[0] as number;
      for (const m of pool) if (share(load, capacity, m) < share(load, capacity, best)) best = m;
      member[i] = best;
      reason[i] = skilled.length > 0 ? 'skill' : 'load';
    }
    if (member[i] !== -1) load[member[i] as number] = (load[member[i] as number] as number) + item.effort;
  }
  if (problems.length > 0) {
    throw new ShipkitError(`${problems.length} item(s) name an owner who is not on the team`, {
      details: problems,
    });
  }
  return { member, reason };
}

/** The members whose skills match the item's area or one of its labels. */
function skilledFor(item: Item, team: Member[]): number[] {
  const wants = new Set(
    [item.area, ...item.labels].filter((s): s is string => !!s).map((s) => s.toLowerCase()),
  );
  return team.flatMap((t, m) => (t.skills.some((s) => wants.has(s)) ? [m] : []));
}

function share(load: number[], capacity: number[], m: number): number {
  const cap = capacity[m] as number;
  return cap > 0 ? (load[m] as number) / cap : Number.POSITIVE_INFINITY;
}

/** The daily rate of an item nobody is assigned: the team's average, or `rateWithoutTeam` without a team. */
function unassignedRate(team: Member[], rateWithoutTeam: number): number {
  return team.length > 0
    ? team.reduce((s, m) => s + m.rate, 0) / team.length || rateWithoutTeam
    : rateWithoutTeam;
}

/** Duration in working days of each item at its assignee's daily rate (at least one day). */
export function durations(
  graph: Graph,
  team: Member[],
  assignment: Assignment,
  rateWithoutTeam = 1,
): number[] {
  const avg = unassignedRate(team, rateWithoutTeam);
  return graph.items.map((item, i) => {
    const m = assignment.member[i] as number;
    const rate = m >= 0 ? (team[m] as Member).rate : avg;
    return Math.max(1, Math.ceil(item.effort / rate - 1e-9));
  });
}

/**
 * The order in which items are placed: whenever an item's dependencies are all placed it becomes
 * ready, and the ready item placed next is the one with the least slack, then the highest priority,
 * then the first in the backlog. Items to cut go after all others.
 */
export function placementOrder(graph: Graph, slack: number[], cut: Set<number>): number[] {
  const n = graph.items.length;
  const isCut = new Uint8Array(n);
  for (const i of cut) isCut[i] = 1;
  const rank = new Uint8Array(n);
  graph.items.forEach((item, i) => {
    rank[i] = PRIORITY_RANK[item.priority];
  });
  const slackOf = Float64Array.from(slack);
  const before = (a: number, b: number) =>
    (isCut[a] as number) - (isCut[b] as number) ||
    (slackOf[a] as number) - (slackOf[b] as number) ||
    (rank[a] as number) - (rank[b] as number) ||
    a - b;
  const heap = new MinHeap(before);
  const waiting = graph.deps.map((d) => d.length);
  waiting.forEach((w, i) => {
    if (w === 0) heap.push(i);
  });
  const order: number[] = [];
  while (heap.size > 0) {
    const i = heap.pop();
    order.push(i);
    for (const j of graph.dependents[i] ?? []) {
      waiting[j] = (waiting[j] as number) - 1;
      if (waiting[j] === 0) heap.push(j);
    }
  }
  return order;
}

class MinHeap {
  private readonly a: number[] = [];
  constructor(private readonly before: (x: number, y: number) => number) {}
  get size(): number {
    return this.a.length;
  }
  push(v: number): void {
    const a = this.a;
    a.push(v);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (this.before(a[i] as number, a[p] as number) >= 0) break;
      [a[i], a[p]] = [a[p] as number, a[i] as number];
      i = p;
    }
  }
  pop(): number {
    const a = this.a;
    const top = a[0] as number;
    const last = a.pop() as number;
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.before(a[l] as number, a[m] as number) < 0) m = l;
        if (r < a.length && this.before(a[r] as number, a[m] as number) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m] as number, a[i] as number];
        i = m;
      }
    }
    return top;
  }
}

function grow(days: Uint8Array, index: number): Uint8Array {
  const next = new Uint8Array(Math.max(days.length * 2, index + 1));
  next.set(days);
  return next;
}

export interface Slot {
  start: Day;
  /** Inclusive. */
  end: Day;
}

/**
 * Places every item day by day, in placement order: it starts on the first working day after its
 * last dependency ends on which its member is free, and takes the member's work on each free
 * working day (days off, holidays and days given to other items skipped) until its estimate is used
 * up. A member works on one item a day; unassigned items run in lanes of their own at the team's
 * average rate (without a team: `rateWithoutTeam`, one lane per ready item).
 */
export function timeline(
  graph: Graph,
  team: Member[],
  assignment: Assignment,
  order: number[],
  calendar: WorkCalendar,
  start: Day,
  rateWithoutTeam = 1,
): Slot[] {
  const avg = unassignedRate(team, rateWithoutTeam);
  // Days (from the start) each member is busy; grown as the timeline gets longer.
  const busy: Uint8Array[] = team.map(() => new Uint8Array(512));
  const firstFree = new Array<number>(team.length).fill(0);
  const slots = new Array<Slot>(graph.items.length);
  const limit = 100 * 366;
  for (const i of order) {
    const item = graph.items[i] as Item;
    let ready = start;
    for (const j of graph.deps[i] ?? []) ready = Math.max(ready, (slots[j] as Slot).end + 1);
    const m = assignment.member[i] as number;
    const who = m >= 0 ? (team[m] as Member) : undefined;
    const rate = who ? who.rate : avg;
    let k = Math.max(ready - start, m >= 0 ? (firstFree[m] as number) : 0);
    let left = item.effort;
    let first: number | undefined;
    let last = k;
    for (; k < limit; k++) {
      const day = start + k;
      if (m >= 0 && k >= (busy[m] as Uint8Array).length) busy[m] = grow(busy[m] as Uint8Array, k);
      const days = m >= 0 ? (busy[m] as Uint8Array) : undefined;
      if (days?.[k] === 1 || !calendar.isWorkingDay(day) || who?.timeOff.has(day)) continue;
      first ??= k;
      last = k;
      if (days) days[k] = 1;
      left -= rate;
      if (left <= 1e-9) break;
    }
    if (k >= limit) {
      throw new ShipkitError(
        `item ${item.id} cannot be finished: ${who?.name ?? 'nobody'} has no working days left`,
        {
          location: item.source,
        },
      );
    }
    if (m >= 0) {
      const days = busy[m] as Uint8Array;
      let f = firstFree[m] as number;
      while (f < days.length && days[f] === 1) f++;
      firstFree[m] = f;
    }
    slots[i] = { start: start + (first ?? last), end: start + last };
  }
  return slots;
}
