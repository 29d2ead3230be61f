import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { bundle, cleanup, measureNode, row } from './measure.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ITEMS = 5000;
const EDGES = 20000;

/** A deterministic random DAG: each item depends on earlier ones, EDGES edges in all. */
function backlog() {
  // mulberry32: integer arithmetic only, so the same backlog on every machine.
  let seed = 42;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const items = Array.from({ length: ITEMS }, (_, i) => ({
    id: `T${i}`,
    title: `Task ${i}`,
    points: [1, 2, 3, 5, 8][Math.floor(rand() * 5)],
    depends_on: [],
    priority: `P${Math.floor(rand() * 4)}`,
  }));
  let edges = 0;
  while (edges < EDGES) {
    const i = 1 + Math.floor(rand() * (ITEMS - 1));
    // Mostly near neighbours, so the graph has long chains as real backlogs do.
    const j = Math.max(0, i - 1 - Math.floor(rand() * Math.min(i, 50)));
    const deps = items[i].depends_on;
    if (j < i && !deps.includes(`T${j}`)) {
      deps.push(`T${j}`);
      edges++;
    }
  }
  const team = Array.from({ length: 25 }, (_, k) => ({ name: `dev${k}`, capacity: 2 }));
  return { sprint: { number: 1, start: '2026-12-01', duration: '3-weeks', team }, items };
}

function naive(items) {
  const done = new Map();
  const waves = [];
  let left = items.slice();
  while (left.length > 0) {
    const ready = left.filter((t) => t.depends_on.every((d) => done.has(d)));
    if (ready.length === 0) throw new Error('cycle');
    for (const t of ready) done.set(t.id, waves.length);
    waves.push(ready.map((t) => t.id));
    left = left.filter((t) => !done.has(t.id));
  }
  const byId = new Map(items.map((t) => [t.id, t]));
  const finish = new Map(items.map((t) => [t.id, Math.ceil(t.points / 2)]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const t of items) {
      for (const d of t.depends_on) {
        const f = finish.get(d) + Math.ceil(byId.get(t.id).points / 2);
        if (f > finish.get(t.id)) {
          finish.set(t.id, f);
          changed = true;
        }
      }
    }
  }
  return { waves: waves.length, days: Math.max(...finish.values()) };
}

const dir = mkdtempSync(join(tmpdir(), 'shipkit-plan-bench-'));
const entry = mkdtempSync(join(root, '.bench-plan-'));
try {
  const data = backlog();
  const yaml = stringify(data);
  writeFileSync(join(dir, 'backlog.yml'), yaml);
  writeFileSync(join(dir, 'backlog.json'), JSON.stringify(data));
  writeFileSync(
    join(entry, 'entry.ts'),
    "export { parseBacklog } from '../src/plan/backlog.js';\nexport { planSprint } from '../src/plan/plan.js';\nexport { planSchema } from '../src/config/sections/plan.js';\n",
  );
  const bundled = bundle(join(entry, 'entry.ts'), join(entry, 'out'), { minify: false });
  const { parseBacklog, planSprint, planSchema } = await import(pathToFileURL(bundled).href);
  const config = planSchema.parse({});
  const parsed = parseBacklog(yaml, 'backlog.yml');
  const time = (fn, runs = 7) => {
    fn();
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      fn();
      times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
  };
  let plan;
  const ours = time(() => {
    plan = planSprint(parsed, config, {});
  });
  let theirs;
  const naiveMs = time(() => {
    theirs = naive(data.items);
  }, 3);
  if (theirs.waves !== plan.waves.length)
    throw new Error(`wave count differs: ${theirs.waves} vs ${plan.waves.length}`);
  console.log(
    `${ITEMS} items, ${EDGES} edges: ${plan.waves.length} waves, critical path ${plan.criticalPathDays} working days`,
  );
  row(
    'planSprint (validate, waves, critical path, timeline)',
    ours,
    'ms',
    'naive scan + relaxation',
    naiveMs,
  );
  row('naive scheduler (waves + longest path only)', naiveMs, 'ms');
  row(
    'parse + validate the backlog as YAML',
    time(() => parseBacklog(yaml, 'backlog.yml'), 3),
    'ms',
  );
  const json = JSON.stringify(data);
  row(
    'parse + validate the backlog as JSON',
    time(() => parseBacklog(json, 'backlog.json'), 3),
    'ms',
  );
  const bin = join(
    process.env.SHIPKIT_DIST ? resolve(process.env.SHIPKIT_DIST) : join(root, 'dist'),
    'cli.js',
  );
  for (const file of ['backlog.json', 'backlog.yml']) {
    const cli = measureNode([bin, 'plan', '--backlog', file, '--json'], { runs: 5, cwd: dir });
    row(`shipkit plan --backlog ${file} --json (process)`, cli.ms, 'ms');
    row('  peak RSS', cli.rssMb, 'MB');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(entry, { recursive: true, force: true });
  cleanup();
}
