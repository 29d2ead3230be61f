import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseDocument, stringify } from 'yaml';
import { bundle, cleanup, figure, measureSet, timeIt } from './measure.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** A deterministic random DAG of `count` items: each depends on earlier ones, `edgeCount` edges in all. */
function backlog(count, edgeCount) {
  // mulberry32: integer arithmetic only, so the same backlog on every machine.
  let seed = 42;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const items = Array.from({ length: count }, (_, i) => ({
    id: `T${i}`,
    title: `Task ${i}`,
    points: [1, 2, 3, 5, 8][Math.floor(rand() * 5)],
    depends_on: [],
    priority: `P${Math.floor(rand() * 4)}`,
  }));
  let edges = 0;
  while (edges < edgeCount) {
    const i = 1 + Math.floor(rand() * (count - 1));
    // Mostly near neighbours, so the graph has long chains as real backlogs do.
    const j = Math.max(0, i - 1 - Math.floor(rand() * Math.min(i, 50)));
    const deps = items[i].depends_on;
    if (j < i && !deps.includes(`T${j}`) && deps.length < i) {
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

/** The floor of scheduling: the graph read once (ids to indices) and sorted topologically (Kahn). */
function topoSort(items) {
  const index = new Map(items.map((t, i) => [t.id, i]));
  const waiting = new Int32Array(items.length);
  const dependents = items.map(() => []);
  items.forEach((t, i) => {
    for (const d of t.depends_on) {
      dependents[index.get(d)].push(i);
      waiting[i]++;
    }
  });
  const order = [];
  for (let i = 0; i < items.length; i++) if (waiting[i] === 0) order.push(i);
  for (let k = 0; k < order.length; k++)
    for (const j of dependents[order[k]]) if (--waiting[j] === 0) order.push(j);
  return order.length;
}

const dir = mkdtempSync(join(tmpdir(), 'shipkit-plan-bench-'));
const entry = mkdtempSync(join(root, '.bench-plan-'));
try {
  const data = backlog(5000, 20000);
  const yaml = stringify(data);
  const json = JSON.stringify(data);
  writeFileSync(join(dir, 'backlog.yml'), yaml);
  writeFileSync(join(dir, 'backlog.json'), json);
  writeFileSync(
    join(entry, 'entry.ts'),
    [
      "export { parseBacklog } from '../src/plan/backlog.js';",
      "export { planSprint } from '../src/plan/plan.js';",
      "export { planSchema } from '../src/config/sections/plan.js';",
      "export { default as jsYaml } from 'js-yaml';",
    ].join('\n'),
  );
  const bundled = bundle(join(entry, 'entry.ts'), join(entry, 'out'), { minify: false });
  const { parseBacklog, planSprint, planSchema, jsYaml } = await import(pathToFileURL(bundled).href);
  const config = planSchema.parse({});
  const parsed = parseBacklog(yaml, 'backlog.yml');
  let plan;
  const ours = timeIt(() => {
    plan = planSprint(parsed, config, {});
  }, 7);
  let theirs;
  const naiveMs = timeIt(() => {
    theirs = naive(data.items);
  }, 3);
  if (theirs.waves !== plan.waves.length)
    throw new Error(`wave count differs: ${theirs.waves} vs ${plan.waves.length}`);
  console.log(
    `5000 items, 20000 edges: ${plan.waves.length} waves, critical path ${plan.criticalPathDays} working days`,
  );
  const topo = { name: 'topological sort', value: timeIt(() => topoSort(data.items), 7) };
  figure('planSprint (validate, waves, critical path, timeline)', ours, 'ms', {
    floor: topo,
    anchor: { name: 'naive scan + relaxation', value: naiveMs },
  });
  const yamlMs = timeIt(() => parseBacklog(yaml, 'backlog.yml'), 5);
  figure('parse + validate the backlog as YAML', yamlMs, 'ms', {
    floor: { name: 'js-yaml load', value: timeIt(() => jsYaml.load(yaml), 5) },
    anchor: { name: 'yaml parseDocument + toJS', value: timeIt(() => parseDocument(yaml).toJS(), 3) },
  });
  console.log(
    `  YAML parse + validate is ${(yamlMs / ours).toFixed(2)}x planSprint (was 9x: 765 ms vs 85 ms)`,
  );
  figure(
    'parse + validate the backlog as JSON',
    timeIt(() => parseBacklog(json, 'backlog.json'), 5),
    'ms',
    {
      floor: { name: 'JSON.parse', value: timeIt(() => JSON.parse(json), 5) },
    },
  );

  // At scale: 50,000 items and 200,000 dependencies.
  const big = backlog(50_000, 200_000);
  const bigParsed = parseBacklog(JSON.stringify(big), 'big.json');
  let bigPlan;
  const bigMs = timeIt(() => {
    bigPlan = planSprint(bigParsed, config, {});
  }, 3);
  console.log(`50000 items, 200000 edges: ${bigPlan.waves.length} waves`);
  figure('planSprint, 50,000 items / 200,000 dependencies', bigMs, 'ms', {
    floor: { name: 'topological sort', value: timeIt(() => topoSort(big.items), 3) },
    target: '< 1000 ms',
  });

  const bin = join(
    process.env.SHIPKIT_DIST ? resolve(process.env.SHIPKIT_DIST) : join(root, 'dist'),
    'cli.js',
  );
  const readJs = (f) => [
    '-e',
    `JSON.stringify(require('fs').readFileSync(${JSON.stringify(f)}, 'utf8').length)`,
  ];
  const cases = measureSet(
    {
      bare: { args: readJs('backlog.json'), cwd: dir },
      json: { args: [bin, 'plan', '--backlog', 'backlog.json', '--json'], cwd: dir },
      yml: { args: [bin, 'plan', '--backlog', 'backlog.yml', '--json'], cwd: dir },
    },
    { runs: 5 },
  );
  const floor = { name: 'node reading the file', value: cases.bare.ms };
  for (const file of ['json', 'yml']) {
    figure(`shipkit plan --backlog backlog.${file} --json (process)`, cases[file].ms, 'ms', { floor });
    figure('  peak RSS', cases[file].rssMb, 'MB', {
      floor: { name: 'node reading the file', value: cases.bare.rssMb },
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(entry, { recursive: true, force: true });
  cleanup();
}
