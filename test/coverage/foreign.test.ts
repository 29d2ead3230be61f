// Reports made on "another machine" (a runner's /home/runner/work/…, a container's /app) by the real
// tools, read through the CLI from a directory with no repository and from a repository holding the
// files at another root: shipkit gives each tool's own printed figures, and every format of one run
// gives the same ones (test/fixtures/coverage/foreign/README.md says how each report was made).
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shipkit } from '../harness/cli.js';
import {
  coveragePyReport,
  fixture,
  gcovrSummary,
  istanbulTextSummary,
  lcovSummary,
} from './tool-summaries.js';

type Pair = { covered: number; total: number };
type Figures = Record<'lines' | 'statements' | 'branches' | 'functions', (Pair & { pct: number }) | null>;

const pair = (c: Pair | null | undefined) => (c ? { covered: c.covered, total: c.total } : null);

/** `shipkit coverage summary REPORT --json` in `cwd`: the figures, and what it warned. */
async function summary(report: string, cwd: string, extra: string[] = []) {
  const r = await shipkit(['coverage', 'summary', report, '--json', ...extra], cwd);
  expect(r.code, r.stderr).toBe(0);
  return { json: JSON.parse(r.stdout) as Figures & { byFile?: Record<string, unknown> }, stderr: r.stderr };
}

/** A directory with nothing of the project in it: no repository at hand. */
function bare(): string {
  return mkdtempSync(join(tmpdir(), 'shipkit-foreign-bare-'));
}

/** A repository holding the project's files under `under/` (a monorepo package), reports outside it. */
function repository(tool: string, under: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipkit-foreign-repo-'));
  cpSync(fixture('foreign', tool, 'project'), join(dir, under), { recursive: true });
  return dir;
}

const c8 = (f: string) => fixture('foreign', 'c8', f);
const py = (f: string) => fixture('foreign', 'coveragepy', f);
const c = (tool: string, f: string) => fixture('foreign', tool, f);

describe('c8 at /home/runner/work/proj/proj: lcov, Istanbul JSON, json-summary, Clover, Cobertura', () => {
  const printed = istanbulTextSummary('foreign', 'c8', 'c8-stdout.txt');
  const formats: Record<string, (keyof Figures)[]> = {
    'lcov.info': ['lines', 'branches', 'functions'],
    'coverage-final.json': ['lines', 'statements', 'branches', 'functions'],
    'coverage-summary.json': ['lines', 'statements', 'branches', 'functions'],
    'cobertura-coverage.xml': ['lines', 'branches', 'functions'],
    // Istanbul's Clover gives methods only as per-file totals, which the Clover reader does not read.
    'clover.xml': ['lines', 'statements', 'branches'],
  };
  let repo: string;
  beforeAll(() => {
    repo = repository('c8', 'packages/web');
  });

  it('c8 printed all four figures (the comparison has something to compare)', () => {
    expect(Object.keys(printed).sort()).toEqual(['branches', 'functions', 'lines', 'statements']);
  });

  for (const [file, measures] of Object.entries(formats)) {
    it(`${file}: c8's own figures with no repository at hand and in a repository at another root`, async () => {
      const alone = await summary(c8(file), bare());
      const inRepo = await summary(c8(file), repo, ['--files']);
      for (const m of measures) {
        expect(pair(alone.json[m]), `${m} alone`).toEqual(printed[m]);
        expect(pair(inRepo.json[m]), `${m} in the repository`).toEqual(printed[m]);
      }
      expect(Object.keys(inRepo.json.byFile ?? {}).sort()).toEqual([
        'packages/web/src/parse.js',
        'packages/web/src/shapes/index.js',
      ]);
      expect(inRepo.stderr).toMatch(/2 file\(s\) written on another machine matched .* by common suffix/);
    });
  }

  it('every format of the run gives the same figures', async () => {
    const all = await Promise.all(Object.keys(formats).map((f) => summary(c8(f), repo)));
    for (const m of ['lines', 'statements', 'branches', 'functions'] as const) {
      const seen = all.map((s) => s.json[m]).filter((x) => x !== null);
      expect(seen.length, m).toBeGreaterThanOrEqual(2);
      for (const s of seen) expect(s, m).toEqual(seen[0]);
    }
  });

  it('lcov FN records each count, as c8 counts them (lcov 1.16 --summary merges two `area`s)', async () => {
    const { json } = await summary(c8('lcov.info'), bare());
    expect(pair(json.functions)).toEqual(printed.functions);
    expect(lcovSummary('foreign', 'c8', 'lcov-summary.txt').functions?.total).toBeLessThan(
      printed.functions?.total ?? 0,
    );
  });
});

describe('coverage.py 6.5 at /app: JSON, Cobertura XML, lcov', () => {
  const printed = coveragePyReport('foreign', 'coveragepy', 'report.txt');
  const statements = { covered: printed.stmts - printed.miss, total: printed.stmts };

  it("JSON and XML: lines are coverage.py's statements, branches its branches, alone and in a repository", async () => {
    const repo = repository('coveragepy', 'services/calc');
    for (const file of ['coverage.json', 'coverage.xml']) {
      for (const cwd of [bare(), repo]) {
        const { json } = await summary(py(file), cwd);
        expect(pair(json.lines), `${file} lines`).toEqual(statements);
        expect(json.branches?.total, `${file} branches`).toBe(printed.branch);
      }
    }
    const fromJson = await summary(py('coverage.json'), repo, ['--files']);
    expect(pair(fromJson.json.statements)).toEqual(statements);
    expect(Object.keys(fromJson.json.byFile ?? {})).toContain('services/calc/calc/ops.py');
    const fromXml = await summary(py('coverage.xml'), repo);
    expect(fromJson.json.lines).toEqual(fromXml.json.lines);
    expect(fromJson.json.branches).toEqual(fromXml.json.branches);
  });

  it('its lcov output reads as `lcov --summary` reads it (that file counts docstrings as lines)', async () => {
    const lcov = lcovSummary('foreign', 'coveragepy', 'lcov-summary.txt');
    const { json } = await summary(py('coverage.lcov'), bare());
    expect(pair(json.lines)).toEqual(lcov.lines);
    expect(pair(json.branches)).toEqual(lcov.branches);
  });
});

describe('gcc --coverage at /home/runner/work/cproj/cproj: lcov --capture and gcovr', () => {
  const lcov = lcovSummary('foreign', 'lcov', 'lcov-summary.txt');
  const gcovr = gcovrSummary('foreign', 'gcovr', 'gcovr-summary.txt');

  it("lcov's tracefile gives `lcov --summary`'s figures alone and in a repository at another root", async () => {
    const repo = repository('lcov', 'native');
    for (const cwd of [bare(), repo]) {
      const { json } = await summary(c('lcov', 'coverage.info'), cwd);
      for (const m of ['lines', 'functions', 'branches'] as const) expect(pair(json[m]), m).toEqual(lcov[m]);
    }
    const inRepo = await summary(c('lcov', 'coverage.info'), repo, ['--files']);
    expect(Object.keys(inRepo.json.byFile ?? {}).sort()).toEqual([
      'native/src/stack.c',
      'native/src/text.c',
      'native/tests/main.c',
    ]);
    expect(inRepo.stderr).toMatch(
      /3 file\(s\) written on another machine matched .* by common suffix \(e\.g\. \/home\/runner\/work\/cproj\/cproj\/\S+ → native\//,
    );
  });

  it("gcovr's Cobertura of the same run: gcovr's figures, equal to lcov's", async () => {
    const { json } = await summary(c('gcovr', 'cobertura.xml'), repository('lcov', 'native'));
    for (const m of ['lines', 'branches'] as const) {
      expect(pair(json[m]), m).toEqual(gcovr[m]);
      expect(pair(json[m]), m).toEqual(lcov[m]);
    }
  });

  it('a path map still wins over suffix matching', async () => {
    const repo = repository('lcov', 'native');
    const r = await shipkit(
      [
        'coverage',
        'summary',
        c('lcov', 'coverage.info'),
        '--json',
        '--files',
        '--path-map',
        '/home/runner/work/cproj/cproj/src/=native/src/',
      ],
      repo,
    );
    expect(Object.keys(JSON.parse(r.stdout).byFile).sort()).toEqual([
      'native/src/stack.c',
      'native/src/text.c',
      'native/tests/main.c',
    ]);
    expect(r.stderr).toMatch(/1 file\(s\) written on another machine/);
  });
});

describe('one rounding in every output: down, at two decimals (Codecov)', () => {
  // lcov: 34 of 45 lines = 75.5555…%: 75.55 rounded down, 75.56 to nearest, 75.6 as lcov prints it.
  const report = c('lcov', 'coverage.info');

  it('coverage summary --json, its text, and the gate say 75.55', async () => {
    const repo = repository('lcov', 'native');
    const { json } = await summary(report, repo);
    expect(json.lines).toEqual({ covered: 34, total: 45, pct: 75.55 });
    const text = await shipkit(['coverage', 'summary', report], repo);
    expect(text.stdout).toMatch(/^ {2}lines\.+: 75\.55% \(34 of 45 lines\)$/m);
    writeFileSync(
      join(repo, 'shipkit.yml'),
      'gates:\n  test_coverage:\n    threshold: 75.56%\n    action: fail_if_below\n',
    );
    const gate = await shipkit(['gate', '--config', 'shipkit.yml', '--coverage', report, '--json'], repo);
    expect(gate.code).toBe(1);
    const coverage = JSON.parse(gate.stdout).results.find((x: { id: string }) => x.id === 'coverage');
    expect(coverage.status).toBe('fail');
    expect(coverage.outputs.percent).toBe(75.55);
    expect(coverage.summary).toMatch(/^75\.55% of 45 lines; target 75\.56%/);
  });
});
