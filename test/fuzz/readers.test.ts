import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { generate } from '../../src/codegen/generate.js';
import { loadSpec } from '../../src/codegen/load.js';
import { parseConfig } from '../../src/config/located.js';
import { planSchema } from '../../src/config/sections/plan.js';
import { ShipkitError } from '../../src/errors.js';
import { parseGateSummary } from '../../src/gate/baseline.js';
import { readCoverage } from '../../src/gate/coverage/read.js';
import { parseUnifiedDiff } from '../../src/gate/diff.js';
import { readTypedocCoverage } from '../../src/gate/documentation.js';
import { readJscpdReport } from '../../src/gate/duplication.js';
import { readSecurityReport } from '../../src/gate/security/gate.js';
import { parseRun } from '../../src/perf/history.js';
import { readBench } from '../../src/perf/readers/detect.js';
import { parseBacklog } from '../../src/plan/backlog.js';
import { planSprint } from '../../src/plan/plan.js';
import { ROOT } from '../harness/runner.js';

/**
 * Real reports, specs, backlogs and configs (the fixtures real tools wrote, and examples/), mutated
 * at random (cut, deleted, duplicated, spliced with hostile tokens, numbers replaced) or replaced
 * by random text, fed to every reader. A reader may accept the input or refuse it with a
 * ShipkitError; a TypeError, RangeError or any other crash, a run over a few seconds or one that
 * grows the heap by 256 MB fails, with the seed file and the mutations that did it. SHIPKIT_FUZZ_RUNS=10 runs
 * ten times as many cases (and FC_SEED replays one).
 */

const SCALE = Number(process.env.SHIPKIT_FUZZ_RUNS ?? 1);
const MAX_MS = 3000;
const MAX_GROWTH = 256 * 1024 ** 2;

interface Seed {
  name: string;
  text: string;
}

function seeds(...paths: string[]): Seed[] {
  return paths.map((p) => {
    const raw = readFileSync(join(ROOT, p));
    const name = basename(p).replace(/\.gz$/, '');
    return { name, text: (p.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8') };
  });
}

const TOKENS = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ',',
  ':',
  '\n',
  '\r\n',
  '\t',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '<',
  '</',
  '/>',
  '<![CDATA[',
  '<!DOCTYPE r [<!ENTITY a "aaaa">]>',
  '&a;',
  '&#0;',
  '- ',
  '? ',
  '*a',
  '&a ',
  '!!binary ',
  '$ref',
  '"$ref": "#/components/schemas/x"',
  '"$ref": "#"',
  '__proto__',
  '"__proto__": {"x": 1}',
  'constructor',
  'SF:',
  'end_of_record\n',
  'DA:1,-5\n',
  'DA:99999999999,1\n',
  'BRDA:1,0,0,-\n',
  'FN:1,\n',
  'mode: set\n',
  'a.go:1.1,9999999.1 1 1\n',
  '@@ -1,1 +1,999999999 @@\n',
  'diff --git a/x b/x\n',
  '../../../../etc/passwd',
  '/dev/zero',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '99999999999999999999',
  '-0',
  'null',
  'true',
  '"',
  '\\u0000',
  '::error::x',
];

const NUMBERS = [
  '-1',
  '0',
  '-0',
  '1e309',
  '1e-309',
  'NaN',
  '99999999999999999999',
  '0.5',
  '"7"',
  'null',
  '[]',
  '{}',
];

type Mutation =
  | { kind: 'cut'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'duplicate'; at: number; length: number; times: number }
  | { kind: 'number'; at: number; value: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.constantFrom(...TOKENS),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
    ),
  }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 2000 }),
    times: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({ kind: fc.constant('number' as const), at: fc.nat(), value: fc.constantFrom(...NUMBERS) }),
);

function mutate(text: string, mutations: Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    const at = t.length === 0 ? 0 : m.at % t.length;
    if (m.kind === 'cut') t = t.slice(0, at);
    else if (m.kind === 'delete') t = t.slice(0, at) + t.slice(at + m.length);
    else if (m.kind === 'insert') t = t.slice(0, at) + m.text + t.slice(at);
    else if (m.kind === 'duplicate')
      t = t.slice(0, at) + t.slice(at, at + m.length).repeat(m.times + 1) + t.slice(at + m.length);
    else {
      const re = /-?\d+(\.\d+)?([eE][-+]?\d+)?/g;
      re.lastIndex = at;
      const n = re.exec(t);
      if (n) t = t.slice(0, n.index) + m.value + t.slice(n.index + n[0].length);
    }
  }
  return t;
}

/** Mutated seeds, and now and then random text in their place. */
function inputs(all: Seed[]): fc.Arbitrary<{ seed: string; mutations: Mutation[]; text: string }> {
  const mutated = fc
    .tuple(fc.constantFrom(...all), fc.array(mutation, { minLength: 1, maxLength: 5 }))
    .map(([s, mutations]) => ({ seed: s.name, mutations, text: mutate(s.text, mutations) }));
  const random = fc
    .tuple(fc.constantFrom(...all), fc.string({ unit: 'grapheme', maxLength: 300 }))
    .map(([s, text]) => ({ seed: s.name, mutations: [] as Mutation[], text }));
  return fc.oneof({ weight: 9, arbitrary: mutated }, { weight: 1, arbitrary: random });
}

/** Runs one reader on one input: fine if it answers or throws a ShipkitError, in time and memory. */
async function judge(read: () => unknown, input: { seed: string; mutations: Mutation[] }): Promise<void> {
  const start = performance.now();
  const heap = process.memoryUsage().heapUsed;
  try {
    await read();
  } catch (err) {
    if (!(err instanceof ShipkitError)) {
      const e = err as Error;
      throw new Error(
        `${e?.name ?? typeof err}: ${e?.message ?? String(err)} (seed ${input.seed}, mutations ${JSON.stringify(input.mutations).slice(0, 400)})`,
      );
    }
  }
  const ms = performance.now() - start;
  if (ms > MAX_MS) throw new Error(`took ${ms.toFixed(0)} ms (seed ${input.seed})`);
  const grown = process.memoryUsage().heapUsed - heap;
  if (grown > MAX_GROWTH)
    throw new Error(`the heap grew by ${(grown / 1024 ** 2).toFixed(0)} MB (seed ${input.seed})`);
}

const dir = mkdtempSync(join(tmpdir(), 'shipkit-fuzz-'));
let counter = 0;
/** Writes the text under the seed's own name (readers detect formats by name too), in its own directory. */
function file(name: string, text: string): { root: string; path: string } {
  const root = join(dir, String(counter++));
  mkdirSync(root);
  writeFileSync(join(root, name), text);
  return { root, path: join(root, name) };
}

interface Target {
  seeds: Seed[];
  runs: number;
  read: (text: string, seed: string) => unknown;
}

const COVERAGE = seeds(
  'test/fixtures/coverage/c8/shard1/lcov.info',
  'test/fixtures/coverage/c8/shard1/cobertura-coverage.xml',
  'test/fixtures/coverage/c8/shard1/clover.xml',
  'test/fixtures/coverage/c8/shard1/coverage-final.json',
  'test/fixtures/coverage/c8/shard1/coverage-summary.json',
  'test/fixtures/coverage/jacoco/jacoco.xml',
  'test/fixtures/coverage/go/cover-count.out',
  'test/fixtures/coverage/coveragepy/coverage.json',
  'test/fixtures/coverage/coveragepy/coverage.xml',
  'test/fixtures/coverage/gcovr/gcovr-cobertura.xml',
  'test/fixtures/coverage/lcov/b1.info',
  'examples/coverage/lcov.info',
);
const BENCH = seeds(
  'test/fixtures/perf/google-benchmark/bm.json',
  'test/fixtures/perf/google-benchmark/bm.txt',
  'test/fixtures/perf/pytest-benchmark/bench.json',
  'test/fixtures/perf/go/bench.txt',
  'test/fixtures/perf/vitest/bench.json',
  'test/fixtures/perf/vitest/bench.txt',
  'test/fixtures/perf/benchmarkjs/output.txt',
  'test/fixtures/perf/custom/customBiggerIsBetter_output.json',
  'test/fixtures/perf/criterion/Fibonacci/Recursive/new/estimates.json',
  'test/fixtures/perf/k6/summary-export.json',
  'test/fixtures/perf/k6/handle-summary.json',
  'test/fixtures/perf/tinybench/tasks.json',
  'test/fixtures/perf/hyperfine/base.json',
  'examples/bench/head.json',
);
const SPECS = seeds(
  'examples/api/openapi.yaml',
  'test/fixtures/codegen/swagger2.yaml',
  'test/fixtures/codegen/specs/oas-examples-3.1-webhooks.json.gz',
  'test/fixtures/codegen/specs/oas-examples-3.0-polymorphism.json.gz',
  'test/fixtures/codegen/specs/oas-examples-3.0-schema-circular.json.gz',
  'test/fixtures/codegen/specs/oas-examples-2.0-petstore.json.gz',
);

const TARGETS: Record<string, Target> = {
  'coverage reports (lcov, Cobertura, Clover, JaCoCo, Istanbul, Go, coverage.py)': {
    seeds: COVERAGE,
    runs: 300,
    read: (text, seed) => {
      const { root } = file(seed, text);
      return readCoverage([seed], { root, cwd: root });
    },
  },
  'jscpd reports': {
    seeds: seeds('test/fixtures/gate/jscpd/head-report.json', 'examples/reports/jscpd-report.json'),
    runs: 200,
    read: (text) => readJscpdReport(text, 'jscpd-report.json'),
  },
  'security reports (SARIF, npm audit)': {
    seeds: seeds(
      'test/fixtures/gate/sarif/github-docs-example.sarif',
      'examples/reports/eslint.sarif',
      'test/fixtures/gate/npm-audit/npm6-output.json',
      'test/fixtures/gate/npm-audit/npm7-output.json',
    ),
    runs: 200,
    read: (text) => readSecurityReport(text, 'report.sarif', ROOT),
  },
  'TypeDoc coverage reports': {
    seeds: seeds('test/fixtures/gate/typedoc/coverage.json', 'examples/reports/typedoc-coverage.json'),
    runs: 150,
    read: (text) => readTypedocCoverage(text, 'coverage.json'),
  },
  diffs: {
    seeds: seeds('examples/coverage/pr.diff'),
    runs: 200,
    read: (text) => parseUnifiedDiff(text, 'pr.diff'),
  },
  'baselines and perf history': {
    seeds: BENCH.filter((s) => s.name.endsWith('.json')),
    runs: 100,
    read: (text) => {
      parseGateSummary(text, 'baseline.json');
      parseRun(text, 'run.json');
    },
  },
  'benchmark files': {
    seeds: BENCH,
    runs: 300,
    read: (text, seed) => readBench({ file: seed, text, sibling: () => undefined }),
  },
  'OpenAPI and Swagger specs (load and generate)': {
    seeds: SPECS,
    runs: 80,
    read: async (text, seed) => {
      const { root } = file(seed, text);
      generate(await loadSpec(seed, root), { int64: 'string', zod: true, mocks: true });
    },
  },
  'backlogs (parse and plan)': {
    seeds: seeds('examples/backlog.yml'),
    runs: 150,
    read: (text) => planSprint(parseBacklog(text, 'backlog.yml'), planSchema.parse({})),
  },
  'shipkit.yml configs': {
    seeds: seeds('examples/.github/shipkit.yml', 'test/fixtures/config/master-plan-quality-gates.yml'),
    runs: 200,
    read: (text) => parseConfig(text, 'shipkit.yml'),
  },
};

describe('fuzz: every reader gives an answer or a ShipkitError, in time and memory', () => {
  for (const [name, target] of Object.entries(TARGETS)) {
    it(name, async () => {
      const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() % 2 ** 31;
      if (process.env.SHIPKIT_FUZZ_RUNS) process.stderr.write(`fuzz ${name}: FC_SEED=${seed}\n`);
      await fc.assert(
        fc.asyncProperty(inputs(target.seeds), (input) =>
          judge(() => target.read(input.text, input.seed), input),
        ),
        {
          numRuns: Math.round(target.runs * SCALE),
          seed,
        },
      );
    }, 120_000);
  }
});
