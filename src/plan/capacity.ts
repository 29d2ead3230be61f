import type { Item, Unit } from './backlog.js';
import type { Day, WorkCalendar } from './calendar.js';
import type { Graph } from './graph.js';
import type { Member } from './team.js';

export interface MemberCapacity {
  name: string;
  /** Working days in the sprint less time off. */
  days: number;
  /** Work the member can do in the sprint. */
  capacity: number;
  /** Work assigned to the member. */
  assigned: number;
}

export interface Capacity {
  unit: Unit;
  /** Working days in the sprint. */
  sprintDays: number;
  members: MemberCapacity[];
  /** Sum of the members' capacity; null when no team is configured. */
  team: number | null;
  /** Average of the last three sprints' closed points; null without history. */
  velocity: number | null;
  /** What the sprint can take: the smaller of team capacity and velocity; null with neither. */
  available: number | null;
  /** All open work in the backlog, carried-over items included. */
  committed: number;
  /** What stays after the cut. */
  planned: number;
  /** Items to cut to fit, lowest priority first. */
  cut: string[];
}

const round = (n: number) => Math.round(n * 100) / 100;

export function memberCapacities(
  team: Member[],
  calendar: WorkCalendar,
  start: Day,
  end: Day,
): MemberCapacity[] {
  const sprintDays = calendar.workingDaysBetween(start, end);
  return team.map((m) => {
    const days = sprintDays.filter((d) => !m.timeOff.has(d)).length;
    return { name: m.name, days, capacity: round(days * m.rate), assigned: 0 };
  });
}

/**
 * Capacity against the work: an over-commitment names what to cut, lowest priority first, later
 * waves before earlier ones, and never an item that a kept item depends on.
 */
export function capacity(
  graph: Graph,
  unit: Unit,
  members: MemberCapacity[],
  assignee: number[],
  sprintDays: number,
  history: number[],
  wave: number[],
  hasTeam = true,
): Capacity {
  for (const [i, item] of graph.items.entries()) {
    const m = members[assignee[i] as number];
    if (m) m.assigned = round(m.assigned + item.effort);
  }
  const team = hasTeam ? round(members.reduce((s, m) => s + m.capacity, 0)) : null;
  const recent = history.slice(-3);
  const velocity = recent.length > 0 ? round(recent.reduce((s, v) => s + v, 0) / recent.length) : null;
  const limits = [team, velocity].filter((x): x is number => x !== null);
  const available = limits.length > 0 ? Math.min(...limits) : null;
  const committed = round(graph.items.reduce((s, i) => s + i.effort, 0));
  const cut = available === null ? [] : cutList(graph, wave, committed, available);
  const cutEffort = cut.reduce((s, i) => s + (graph.items[i] as Item).effort, 0);
  return {
    unit,
    sprintDays,
    members,
    team,
    velocity,
    available: available === null ? null : round(available),
    committed,
    planned: round(committed - cutEffort),
    cut: cut.map((i) => (graph.items[i] as Item).id),
  };
}

const RANK = { P0: 0, P1: 1, P2: 2, P3: 3 } as const;

function cutList(graph: Graph, wave: number[], committed: number, available: number): number[] {
  if (committed <= available + 1e-9) return [];
  const rank = Uint8Array.from(graph.items, (item) => RANK[item.priority]);
  const candidates = graph.items
    .map((_, i) => i)
    .sort(
      (a, b) =>
        (rank[b] as number) - (rank[a] as number) || (wave[b] as number) - (wave[a] as number) || b - a,
    );
  const kept = new Uint8Array(graph.items.length).fill(1);
  const cut: number[] = [];
  let total = committed;
  for (const i of candidates) {
    if (total <= available + 1e-9) break;
    if ((graph.items[i] as Item).priority === 'P0') break;
    if ((graph.dependents[i] ?? []).some((j) => kept[j] === 1)) continue;
    kept[i] = 0;
    cut.push(i);
    total -= (graph.items[i] as Item).effort;
  }
  return cut;
}

/** `52, 58,55` (points closed in earlier sprints) as numbers; undefined when it is not such a list. */
export function velocityList(text: string): number[] | undefined {
  const list = text.trim();
  return /^\d+(\.\d+)?(\s*,\s*\d+(\.\d+)?)*$/.test(list) ? list.split(',').map(Number) : undefined;
}
