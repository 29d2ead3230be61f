import type { PlanConfig } from '../config/sections/plan.js';
import { ShipkitError } from '../errors.js';
import type { Backlog, Item, Unit } from './backlog.js';
import type { Priority } from './backlog-schema.js';
import { type Day, expandRange, formatDay, parseDay, parseSprintLength, WorkCalendar } from './calendar.js';
import { type Capacity, capacity, memberCapacities } from './capacity.js';
import { buildGraph, criticalPath, waves } from './graph.js';
import { deriveRisks, type Risk } from './risks.js';
import { assign, durations, placementOrder, timeline } from './schedule.js';
import { resolveTeam } from './team.js';

/** What the command line (or action inputs) say about the sprint; each wins over the files. */
export interface SprintOptions {
  number?: number;
  start?: string;
  duration?: string;
  /** Points closed per earlier sprint, oldest first (e.g. read from closed milestones). */
  velocity?: number[];
}

export interface Goal {
  title: string;
  priority: Priority;
  items: string[];
  criteria: string[];
}

export interface Task {
  id: string;
  title: string;
  effort: number;
  priority: Priority;
  wave: number;
  owner: string | null;
  assignedBy: 'owner' | 'skill' | 'load' | 'none';
  start: string;
  end: string;
  /** Working days in the timeline. */
  days: number;
  slack: number;
  critical: boolean;
  /** Named in the over-commitment's cut list (scheduled after everything else). */
  cut: boolean;
  depends_on: string[];
  labels: string[];
  area: string | null;
  description: string | null;
  carried_over: boolean;
  paths: string[];
  issue: number | null;
}

export interface SprintDay {
  /** 1-based working day of the sprint. */
  n: number;
  date: string;
  weekday: string;
  /** Tasks that start, run, or end that day. */
  starts: string[];
  ends: string[];
}

export interface SprintWeek {
  n: number;
  from: string;
  to: string;
  days: SprintDay[];
  /** Tasks whose timeline ends in this week. */
  due: string[];
}

export interface Plan {
  sprint: {
    number: number;
    start: string;
    end: string;
    duration: string;
    workingDays: number;
    holidays: string[];
  };
  unit: Unit;
  goals: Goal[];
  tasks: Task[];
  waves: string[][];
  criticalPath: string[];
  criticalPathDays: number;
  /** Working days from the sprint's start to the last kept item's end in the day-by-day timeline. */
  timelineDays: number;
  /** Working days the timeline leaves of the sprint (negative: it runs that many days over). */
  slack: number;
  /** The default the plan was made under (no team configured), said in plan.md and warned; null with a team. */
  assumption: string | null;
  capacity: Capacity;
  overcommitted: boolean;
  risks: Risk[];
  weeks: SprintWeek[];
  team: string[];
}

/** Plans a sprint: every number here is computed, deterministically, from the inputs. */
export function planSprint(backlog: Backlog, config: PlanConfig, options: SprintOptions = {}): Plan {
  const s = backlog.sprint;
  const file = backlog.file;
  const { number, duration, holidays, calendar, start, end, sprintDays } = sprintWindow(
    backlog,
    config,
    options,
  );

  const { team, members } = sprintTeam(backlog, config, calendar, { number, start, end });

  const graph = buildGraph(backlog.items, file);
  const wave = waves(graph);
  const topo = [...graph.order].sort((a, b) => (wave[a] as number) - (wave[b] as number) || a - b);
  const assignment = assign(
    graph,
    team,
    members.map((m) => m.capacity),
    topo,
  );
  // Without a team an item's owner is only a name: nobody's days are levelled.
  const owners = graph.items.map((item, i) =>
    team.length > 0 ? team[assignment.member[i] as number]?.name : item.owner?.replace(/^@/, ''),
  );
  const history = options.velocity ?? s?.velocity ?? config.velocity;
  const cap = capacity(
    graph,
    backlog.unit,
    members,
    assignment.member,
    sprintDays.length,
    history,
    wave,
    team.length > 0,
  );
  const cut = new Set(cap.cut.map((id) => graph.index.get(id) as number));
  const rate = rateWithoutTeam(backlog.unit);
  // The critical path of the work that stays: cut items (never a dependency of kept ones) weigh nothing.
  const weight = durations(graph, team, assignment, rate).map((d, i) => (cut.has(i) ? 0 : d));
  const critical = criticalPath(graph, weight);
  critical.path = critical.path.filter((i) => !cut.has(i));
  const order = placementOrder(graph, critical.slack, cut);
  const slots = timeline(graph, team, assignment, order, calendar, start, rate);
  // Slack is what the day-by-day timeline leaves of the sprint, not the dependency chain alone.
  const kept = slots.filter((_, i) => !cut.has(i));
  // A loop, not Math.max(...): spreading 200,000 arguments overflows the stack.
  const finish = kept.reduce<number | undefined>(
    (f, slot) => (f === undefined || slot.end > f ? slot.end : f),
    undefined,
  );
  const timelineDays = finish === undefined ? 0 : calendar.workingDaysBetween(start, finish).length;
  const risks = deriveRisks({
    graph,
    capacity: cap,
    critical,
    timelineDays,
    slots,
    sprintEnd: end,
    owners,
    cut,
  });

  const onPath = new Set(critical.path);
  const tasks = graph.items.map((item, i): Task => {
    const slot = slots[i] as { start: Day; end: Day };
    return {
      id: item.id,
      title: item.title,
      effort: item.effort,
      priority: item.priority,
      wave: wave[i] as number,
      owner: owners[i] ?? null,
      assignedBy: team.length === 0 && owners[i] ? 'owner' : (assignment.reason[i] ?? 'none'),
      start: formatDay(slot.start),
      end: formatDay(slot.end),
      days: calendar.countWorkingDays(slot.start, slot.end),
      slack: critical.slack[i] as number,
      critical: onPath.has(i),
      cut: cut.has(i),
      depends_on: item.depends_on,
      labels: item.labels,
      area: item.area ?? null,
      description: item.description ?? null,
      carried_over: item.carried_over,
      paths: item.paths,
      issue: item.issue ?? null,
    };
  });
  return {
    sprint: {
      number,
      start: formatDay(start),
      end: formatDay(end),
      duration,
      workingDays: sprintDays.length,
      holidays: holidays.filter((h) => h >= start && h <= end).map(formatDay),
    },
    unit: backlog.unit,
    goals: goals(backlog, graph.items),
    tasks,
    waves: waveLists(graph.items, topo, wave),
    criticalPath: critical.path.map((i) => (graph.items[i] as Item).id),
    criticalPathDays: critical.days,
    timelineDays,
    slack: sprintDays.length - timelineDays,
    assumption: team.length === 0 ? noTeamAssumption(backlog.unit, cap.velocity !== null) : null,
    capacity: cap,
    overcommitted: cap.available !== null && cap.committed > cap.available + 1e-9,
    risks,
    weeks: weeks(start, end, sprintDays, tasks),
    team: team.map((m) => m.name),
  };
}

/** The sprint's dates: its number, length, calendar, first and last day and working days. */
function sprintWindow(backlog: Backlog, config: PlanConfig, options: SprintOptions) {
  const s = backlog.sprint;
  const number = options.number ?? s?.number;
  const startText = options.start ?? s?.start;
  if (number === undefined) throw missing('sprint number', '--sprint 7', 'sprint.number');
  if (startText === undefined) throw missing('start date', '--start 2026-12-01', 'sprint.start');
  const duration = options.duration ?? s?.duration ?? config.duration;
  const field =
    options.duration !== undefined
      ? 'sprint duration (--duration, input `duration`)'
      : s?.duration !== undefined
        ? '`sprint.duration`'
        : '`plan.duration`';
  const length = parseSprintLength(duration, field);
  const holidayText = s?.holidays ?? config.holidays;
  const holidays = holidayText.flatMap((h) => expandRange(h, 'holidays'));
  const calendar = new WorkCalendar(s?.working_days ?? config.working_days, holidays);
  const start = parseDay(startText, 'sprint start');
  const end = calendar.sprintEnd(start, length);
  const sprintDays = calendar.workingDaysBetween(start, end);
  if (sprintDays.length === 0) {
    throw new ShipkitError(`sprint ${number} has no working day between ${startText} and ${formatDay(end)}`, {
      hint: 'Check `working_days`, `holidays` and the duration.',
    });
  }
  return { number, duration, holidays, calendar, start, end, sprintDays };
}

/** The team and each member's capacity in the sprint; a team with none at all is an error. */
function sprintTeam(
  backlog: Backlog,
  config: PlanConfig,
  calendar: WorkCalendar,
  sprint: { number: number; start: Day; end: Day },
) {
  const s = backlog.sprint;
  const file = backlog.file;
  const team = resolveTeam(
    s?.team ?? config.team,
    backlog.unit,
    s?.hours_per_point ?? config.hours_per_point,
    file,
  );
  const members = memberCapacities(team, calendar, sprint.start, sprint.end);
  if (team.length > 0 && members.every((m) => m.capacity <= 0)) {
    throw new ShipkitError(`sprint ${sprint.number} has no capacity: nobody has a working day in it`, {
      location: { file },
      hint: "Check the team's time off, `holidays` and `working_days`.",
    });
  }
  return { team, members };
}

/** Item ids by wave (the items a wave can start once the ones before it are done), in topological order. */
function waveLists(items: readonly Item[], topo: readonly number[], wave: readonly number[]): string[][] {
  const lists: string[][] = [];
  for (const i of topo) {
    const w = wave[i] as number;
    lists[w] = lists[w] ?? [];
    lists[w].push((items[i] as Item).id);
  }
  return lists;
}

/** Work a day in a lane when no team is configured: an item takes its points in days (8 hours a day). */
function rateWithoutTeam(unit: Unit): number {
  return unit === 'hours' ? 8 : 1;
}

function noTeamAssumption(unit: Unit, velocity: boolean): string {
  const each = unit === 'hours' ? 'its hours at 8 a day' : 'its points in days';
  const checked = velocity ? 'the work is checked against past velocity only' : 'capacity is not checked';
  return `no team is configured, so the timeline runs one lane per ready item, each item taking ${each}; ${checked} (list the members under plan.team in shipkit.yml or sprint.team in the backlog).`;
}

function missing(what: string, flag: string, field: string): ShipkitError {
  return new ShipkitError(`the sprint has no ${what}`, {
    hint: `Pass ${flag}, or set \`${field}\` in the backlog.`,
  });
}

const RANK = { P0: 0, P1: 1, P2: 2, P3: 3 } as const;

/** The sprint's objectives by priority; without written goals, the items grouped by priority. */
function goals(backlog: Backlog, items: Item[]): Goal[] {
  const written = backlog.sprint?.goals ?? [];
  const list: Goal[] =
    written.length > 0
      ? written.map((g) =>
          typeof g === 'string'
            ? { title: g, priority: 'P0', items: [], criteria: [] }
            : { title: g.title, priority: g.priority ?? 'P0', items: g.items, criteria: g.criteria },
        )
      : items.map((i) => ({ title: i.title, priority: i.priority, items: [i.id], criteria: [] }));
  // By priority, in written order within one: four buckets, not a sort of every item.
  const buckets: Goal[][] = [[], [], [], []];
  for (const g of list) buckets[RANK[g.priority]]?.push(g);
  return buckets.flat();
}

const WEEKDAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function weeks(start: Day, end: Day, sprintDays: Day[], tasks: Task[]): SprintWeek[] {
  const byStart = new Map<string, string[]>();
  const byEnd = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, day: string, id: string) => {
    const list = map.get(day);
    if (list) list.push(id);
    else map.set(day, [id]);
  };
  for (const t of tasks) {
    add(byStart, t.start, t.id);
    add(byEnd, t.end, t.id);
  }
  const result: SprintWeek[] = [];
  sprintDays.forEach((d, k) => {
    const n = Math.floor((d - start) / 7);
    const week = result[n] ?? {
      n: n + 1,
      from: formatDay(start + n * 7),
      to: formatDay(Math.min(end, start + n * 7 + 6)),
      days: [],
      due: [],
    };
    result[n] = week;
    const date = formatDay(d);
    week.days.push({
      n: k + 1,
      date,
      weekday: WEEKDAY[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? '',
      starts: byStart.get(date) ?? [],
      ends: byEnd.get(date) ?? [],
    });
  });
  const last = result.filter(Boolean).at(-1);
  for (const t of tasks) {
    const w =
      result.find((x) => x && t.end >= x.from && t.end <= x.to) ??
      (t.end > (last?.to ?? '') ? last : undefined);
    w?.due.push(t.id);
  }
  return result.filter(Boolean);
}

/** The schedule as `shipkit plan --json` prints it. */
export function scheduleJson(plan: Plan) {
  return {
    waves: plan.waves,
    criticalPath: plan.criticalPath,
    criticalPathDays: plan.criticalPathDays,
    capacity: plan.capacity,
    overcommitted: plan.overcommitted,
    timeline: plan.tasks.map((t) => ({ id: t.id, start: t.start, end: t.end, owner: t.owner })),
  };
}
