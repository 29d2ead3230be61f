import { writeFilesAtomic } from '../fs/atomic.js';
import { GATE_OUTCOME } from '../gate/outcome-schema.js';
import { standaloneReader } from '../versioned-json.js';
import { SPRINT_PROGRESS } from './burndown.js';
import type { Plan, Task } from './plan.js';
import type { TemplateSet } from './templates.js';

/** Diagrams past this many tasks are left out: GitHub stops rendering Mermaid that large. */
const DIAGRAM_LIMIT = 150;

export interface DocumentOptions {
  /** Branch the sprint workflow runs on pushes to. */
  branch?: string;
  /** Paths the sprint touches (besides the items' own `paths`). */
  paths?: string[];
  /** Risk narratives drafted by Claude (untrusted text: rendered escaped, never compiled). */
  narratives?: { title: string; text: string }[];
}

const LABEL = { P0: 'Primary (P0)', P1: 'Secondary (P1)', P2: 'Further (P2)', P3: 'Nice to have (P3)' };
const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The values plan.md is rendered from. */
export function planContext(plan: Plan, options: DocumentOptions = {}) {
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const task = (id: string) => byId.get(id);
  let n = 0;
  const objectives = (['P0', 'P1', 'P2', 'P3'] as const)
    .map((p) => ({
      label: LABEL[p],
      goals: plan.goals
        .filter((g) => g.priority === p)
        .map((g) => ({
          n: ++n,
          title: g.title,
          items: g.items.flatMap((id) => {
            const t = task(id);
            return t ? [{ id, title: t.title, owner: t.owner }] : [];
          }),
        })),
    }))
    .filter((o) => o.goals.length > 0);
  const tasks = plan.tasks.map((t) => ({ ...t, wave: t.wave + 1 }));
  const weeks = plan.weeks.map((w) => ({
    ...w,
    days: w.days.map((d, i) => ({
      ...d,
      gate: i === w.days.length - 1,
      work: plan.tasks
        .filter((t) => t.start <= d.date && d.date <= t.end)
        .map((t) => ({
          id: t.id,
          title: t.title,
          owner: t.owner,
          starts: t.start === d.date,
          ends: t.end === d.date,
        })),
    })),
  }));
  const owners = [...new Set(plan.tasks.map((t) => t.owner ?? 'unassigned'))];
  const planned = plan.tasks.filter((t) => !t.cut);
  const stretch = Math.min(plan.capacity.committed, plan.capacity.team ?? plan.capacity.committed);
  return {
    ...plan,
    tasks,
    weeks,
    objectives,
    late: plan.slack < 0 ? -plan.slack : 0,
    available: plan.capacity.available ?? '—',
    capacityKnown: plan.capacity.available !== null,
    waves: plan.waves.map((ids, i) => ({ n: i + 1, ids })),
    criticalPath: plan.criticalPath.map((id) => {
      const t = task(id) as Task;
      return { id, title: t.title, days: t.days, owner: t.owner };
    }),
    capacityTable: [
      {
        metric: `${cap(plan.unit)} closed`,
        baseline: plan.capacity.velocity ?? '—',
        target: plan.capacity.planned,
        stretch,
      },
      { metric: 'Items closed', baseline: '—', target: planned.length, stretch: plan.tasks.length },
      {
        metric: 'Critical path (working days)',
        baseline: plan.sprint.workingDays,
        target: plan.criticalPathDays,
        stretch: Math.max(1, plan.criticalPathDays - 1),
      },
    ],
    members: plan.capacity.members.map((m) => ({
      ...m,
      load: m.capacity > 0 ? Math.round((m.assigned / m.capacity) * 100) : 0,
    })),
    successCriteria: successCriteria(plan),
    gates: gates(plan),
    narratives: options.narratives ?? [],
    diagrams: plan.tasks.length <= DIAGRAM_LIMIT,
    gantt: owners.map((owner) => ({
      owner,
      tasks: plan.tasks
        .filter((t) => (t.owner ?? 'unassigned') === owner)
        .map((t) => ({
          id: t.id,
          label: `${t.id} ${t.title}`,
          critical: t.critical,
          start: t.start,
          endExclusive: nextDay(t.end),
        })),
    })),
    edges: plan.tasks.flatMap((t) => t.depends_on.map((from) => ({ from, to: t.id }))),
  };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function successCriteria(plan: Plan): string[] {
  const list = plan.goals.flatMap((g) => g.criteria);
  const p0 = plan.tasks.filter((t) => t.priority === 'P0' && !t.cut).length;
  if (p0 > 0) list.push(`All ${p0} P0 tasks closed by ${plan.sprint.end}`);
  list.push(
    `${plan.capacity.planned} ${plan.unit} closed (planned), ${Math.min(plan.capacity.committed, plan.capacity.team ?? plan.capacity.committed)} as a stretch`,
  );
  list.push('The sprint CI workflow green on the default branch');
  list.push('No task carried over to the next sprint without a reason recorded');
  return list;
}

function gates(plan: Plan) {
  return plan.weeks.map((w) => {
    const due = plan.tasks.filter((t) => w.due.includes(t.id) && !t.cut);
    const line = (t: Task) => `${t.id}: ${t.title} closed${t.owner ? ` (${t.owner})` : ''}`;
    return {
      week: w.n,
      date: w.days.at(-1)?.date ?? w.to,
      primary: [
        ...due.filter((t) => t.priority === 'P0' || t.priority === 'P1').map(line),
        'Sprint CI workflow green',
      ],
      secondary: [
        ...due.filter((t) => t.priority === 'P2' || t.priority === 'P3').map(line),
        'No gate verdict worse than warn',
      ],
    };
  });
}

/** What the generated verification script checks, embedded in it as data. */
export function checkpointData(plan: Plan) {
  const weekOf = new Map(plan.weeks.flatMap((w) => w.due.map((id) => [id, w.n] as const)));
  return {
    sprint: plan.sprint.number,
    unit: plan.unit,
    weeks: plan.weeks.map((w) => ({ n: w.n, from: w.from, to: w.to })),
    tasks: plan.tasks.map((t) => ({
      id: t.id,
      priority: t.priority,
      primary: t.priority === 'P0' || t.priority === 'P1',
      effort: t.effort,
      week: weekOf.get(t.id) ?? plan.weeks.length,
      cut: t.cut,
    })),
    // The files it reads, checked against the schemas their producers write with.
    inputs: { gates: standaloneReader(GATE_OUTCOME), progress: standaloneReader(SPRINT_PROGRESS) },
  };
}

/** A task id as a file name: letters, digits, `.`, `_` and `-` only, never `..`, unique. */
export function taskFileNames(ids: string[]): Map<string, string> {
  const used = new Set<string>();
  const names = new Map<string, string>();
  for (const id of ids) {
    const base = id.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^\.+/, '_') || 'task';
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}-${k}`;
    used.add(name.toLowerCase());
    names.set(id, name);
  }
  return names;
}

/** Every file of the plan, rendered in memory (nothing is written if any template fails). */
export function renderPlanFiles(
  plan: Plan,
  templates: TemplateSet,
  options: DocumentOptions = {},
): Map<string, string> {
  const files = new Map<string, string>();
  const context = planContext(plan, options);
  files.set('plan.md', templates.get('plan.md')(context));
  files.set('plan.json', `${JSON.stringify(plan, null, 2)}\n`);
  const paths = [...new Set([...(options.paths ?? []), ...plan.tasks.flatMap((t) => t.paths)])]
    .map((p) => (p.endsWith('/') ? `${p}**` : p))
    .sort();
  files.set(
    `workflows/sprint-${plan.sprint.number}.yml`,
    templates.get('workflow.yml')({
      ...context,
      workflowName: `Sprint ${plan.sprint.number}`,
      paths,
      branch: options.branch ?? 'main',
    }),
  );
  files.set(
    'verify-week.mjs',
    templates.get('verify-week.mjs')({ ...context, checkpoint: checkpointData(plan) }),
  );
  const names = taskFileNames(plan.tasks.map((t) => t.id));
  const goalCriteria = new Map<string, string[]>();
  for (const g of plan.goals)
    for (const id of g.items) goalCriteria.set(id, [...(goalCriteria.get(id) ?? []), ...g.criteria]);
  for (const t of context.tasks) {
    const fromGoals = goalCriteria.get(t.id) ?? [];
    const criteria = [`${t.title}`, ...fromGoals, 'fails with a clear message on bad input'];
    const name = names.get(t.id) as string;
    files.set(`tasks/${name}.test.ts`, templates.get('task-test.ts')({ ...context, task: t, criteria }));
    files.set(`tasks/${name}.md`, templates.get('task-doc.md')({ ...context, task: t, criteria }));
  }
  return files;
}

/** Writes every file of the plan into `out`, or none of them; returns their names. */
export async function writePlanFiles(out: string, files: Map<string, string>): Promise<string[]> {
  await writeFilesAtomic(out, files);
  return [...files.keys()];
}
