import type { Item } from './backlog.js';
import type { Day } from './calendar.js';
import type { Capacity } from './capacity.js';
import type { CriticalPath, Graph } from './graph.js';
import type { Slot } from './schedule.js';

export type Severity = 'high' | 'medium' | 'low';

export interface Risk {
  severity: Severity;
  kind:
    | 'critical-path'
    | 'overcommitted'
    | 'over-allocated'
    | 'single-owner'
    | 'carried-over'
    | 'late'
    | 'unassigned';
  /** One sentence, computed from the plan's figures. */
  text: string;
  /** What to do about it. */
  mitigation: string;
  items: string[];
}

export interface RiskInput {
  graph: Graph;
  capacity: Capacity;
  critical: CriticalPath;
  /** Working days the day-by-day (resource-levelled) timeline takes. */
  timelineDays: number;
  slots: Slot[];
  sprintEnd: Day;
  owners: (string | undefined)[];
  /** Items the over-commitment cuts: not expected in the sprint. */
  cut: Set<number>;
}

const ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** Risks that follow from the data: each names the figures and the items behind it. */
export function deriveRisks(input: RiskInput): Risk[] {
  const { graph, capacity, critical, timelineDays, slots, sprintEnd, owners, cut } = input;
  const risks: Risk[] = [];
  const ids = (list: number[]) => list.map((i) => (graph.items[i] as Item).id);
  // Slack from the timeline the plan shows (members do one item a day), not the dependency chain alone.
  const slack = capacity.sprintDays - timelineDays;
  if (graph.items.length > 0 && slack < Math.max(2, Math.ceil(capacity.sprintDays * 0.2))) {
    const chain = `the critical path alone takes ${critical.days}`;
    risks.push({
      severity: slack < 0 ? 'high' : 'medium',
      kind: 'critical-path',
      text:
        slack < 0
          ? `The day-by-day timeline takes ${timelineDays} working days, ${-slack} more than the sprint's ${capacity.sprintDays} (${chain}).`
          : `The day-by-day timeline takes ${timelineDays} of ${capacity.sprintDays} working days: ${slack} day(s) of slack (${chain}).`,
      mitigation: 'Split critical-path items or start them first; any slip on them moves the sprint end.',
      items: ids(critical.path),
    });
  }
  if (capacity.available !== null && capacity.committed > capacity.available + 1e-9) {
    const basis =
      capacity.velocity !== null && (capacity.team === null || capacity.velocity < capacity.team)
        ? 'velocity'
        : 'team capacity';
    risks.push({
      severity: 'high',
      kind: 'overcommitted',
      text: `${capacity.committed} ${capacity.unit} committed against ${capacity.available} available (${basis}).`,
      mitigation:
        capacity.cut.length > 0
          ? `Cut ${capacity.cut.join(', ')} (lowest priority first) to plan ${capacity.planned} ${capacity.unit}.`
          : 'Even the P0 work exceeds capacity: reduce scope with the team before the sprint starts.',
      items: capacity.cut,
    });
  }
  const byOwner = new Map<string | undefined, string[]>();
  graph.items.forEach((item, i) => {
    const list = byOwner.get(owners[i]);
    if (list) list.push(item.id);
    else byOwner.set(owners[i], [item.id]);
  });
  for (const m of capacity.members) {
    if (m.assigned > m.capacity + 1e-9) {
      const theirs = byOwner.get(m.name) ?? [];
      risks.push({
        severity: m.assigned > m.capacity * 1.25 ? 'high' : 'medium',
        kind: 'over-allocated',
        text: `${m.name} has ${m.assigned} ${capacity.unit} assigned and ${m.capacity} of capacity (${m.days} days).`,
        mitigation: `Move work from ${m.name} to someone with spare capacity, or cut it.`,
        items: theirs,
      });
    }
  }
  const criticalOwners = new Set(critical.path.map((i) => owners[i]));
  if (critical.path.length >= 3 && criticalOwners.size === 1 && [...criticalOwners][0]) {
    risks.push({
      severity: 'medium',
      kind: 'single-owner',
      text: `Every item on the critical path is ${[...criticalOwners][0]}'s: one absence stops the sprint.`,
      mitigation: 'Pair a second member on the critical path, or move one of its items.',
      items: ids(critical.path),
    });
  }
  const byArea = new Map<string, number[]>();
  graph.items.forEach((item, i) => {
    if (!item.area) return;
    const list = byArea.get(item.area);
    if (list) list.push(i);
    else byArea.set(item.area, [i]);
  });
  for (const [area, list] of [...byArea].sort(([a], [b]) => a.localeCompare(b))) {
    const who = new Set(list.map((i) => owners[i]));
    if (list.length >= 3 && who.size === 1 && [...who][0]) {
      risks.push({
        severity: 'low',
        kind: 'single-owner',
        text: `All ${list.length} ${area} items are ${[...who][0]}'s.`,
        mitigation: `Have someone else review or pair on ${area}.`,
        items: ids(list),
      });
    }
  }
  const carried = graph.items.flatMap((item, i) => (item.carried_over ? [i] : []));
  if (carried.length > 0) {
    risks.push({
      severity: 'medium',
      kind: 'carried-over',
      text: `${carried.length} item(s) carried over from the previous sprint, ${carried.reduce((s, i) => s + (graph.items[i] as Item).effort, 0)} ${capacity.unit}.`,
      mitigation: 'Find out why they slipped; split or re-estimate them before committing again.',
      items: ids(carried),
    });
  }
  const late = graph.items.flatMap((_, i) => ((slots[i] as Slot).end > sprintEnd && !cut.has(i) ? [i] : []));
  if (late.length > 0) {
    risks.push({
      severity: 'high',
      kind: 'late',
      text: `${late.length} item(s) end after the sprint's last day in the day-by-day timeline.`,
      mitigation: 'Cut or move them, or rebalance owners so they start earlier.',
      items: ids(late),
    });
  }
  const nobody = graph.items.flatMap((_, i) => (owners[i] === undefined ? [i] : []));
  // Without a team nobody is assigned by design (plan.assumption says so).
  if (nobody.length > 0 && capacity.team !== null) {
    risks.push({
      severity: 'medium',
      kind: 'unassigned',
      text: `${nobody.length} item(s) have nobody to do them.`,
      mitigation: 'Add team members or owners.',
      items: ids(nobody),
    });
  }
  return risks.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}
