import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECK_IDS, reportSchema } from '../../src/config/sections/report.js';
import { buildReport } from '../../src/report/build.js';
import { verdictOf } from '../../src/report/checkpoint.js';
import type { CheckStatus } from '../../src/report/snapshot.js';
import { fullInputs } from './fixture.js';

const config = reportSchema.parse({});
const statuses = (s: ReturnType<typeof buildReport>) =>
  Object.fromEntries(s.checkpoint.checks.map((c) => [c.id, c.status]));

describe('report checkpoint', () => {
  it('the verdict table', () => {
    const c = (status: CheckStatus, required: boolean) => ({ status, required });
    expect(verdictOf([c('pass', true), c('pass', false)])).toBe('green');
    expect(verdictOf([c('pass', true), c('n/a', false)])).toBe('green');
    expect(verdictOf([c('pass', true), c('warn', false)])).toBe('yellow');
    expect(verdictOf([c('warn', true)])).toBe('yellow');
    expect(verdictOf([c('fail', false), c('pass', true)])).toBe('yellow');
    expect(verdictOf([c('n/a', true), c('pass', true)])).toBe('yellow');
    expect(verdictOf([c('fail', true), c('pass', true)])).toBe('red');
    expect(verdictOf([c('fail', true), c('n/a', true), c('warn', false)])).toBe('red');
    expect(verdictOf([])).toBe('green');
  });

  it('a failed required check is never green, an n/a required check never green', () => {
    const check = fc.record({
      status: fc.constantFrom<CheckStatus>('pass', 'warn', 'fail', 'n/a'),
      required: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(check, { maxLength: 8 }), (checks) => {
        const v = verdictOf(checks);
        if (checks.some((x) => x.required && x.status === 'fail')) expect(v).toBe('red');
        if (checks.some((x) => x.required && x.status === 'n/a')) expect(v).not.toBe('green');
        if (checks.some((x) => x.status !== 'pass' && !(x.status === 'n/a' && !x.required)))
          expect(v).not.toBe('green');
        else expect(v).toBe('green');
      }),
    );
  });

  it('the eight checks of the plan, each with its reason', () => {
    const s = buildReport(fullInputs());
    expect(s.checkpoint.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    expect(statuses(s)).toEqual({
      'pr-checks': 'pass',
      coverage: 'fail', // the fixture's history ends at 82 % < 90 %
      tests: 'pass',
      security: 'warn', // Dependabot n/a, one high alert
      performance: 'pass',
      documentation: 'pass',
      changelog: 'pass',
      'blocking-issues': 'fail',
    });
    expect(s.checkpoint.verdict).toBe('red');
    for (const c of s.checkpoint.checks) expect(c.reason).toBeTruthy();
    expect(s.checkpoint.checks.find((c) => c.id === 'security')?.reason).toContain('403');
  });

  it('thresholds and required come from the report: section', () => {
    const inputs = {
      ...fullInputs(),
      blockingIssues: { open: 0, label: 'blocker', issues: [], source: 'x' },
    };
    const lenient = reportSchema.parse({ thresholds: { coverage: 50 } });
    const s = buildReport(inputs, lenient);
    expect(statuses(s).coverage).not.toBe('fail');
    expect(s.checkpoint.verdict).toBe('yellow'); // security warns
    const strict = reportSchema.parse({ thresholds: { coverage: 99 }, required: ['documentation'] });
    const t = buildReport(
      { ...inputs, changes: { documentation: { commits: 0, files: 0, source: 'git' } } },
      strict,
    );
    expect(statuses(t).documentation).toBe('fail');
    expect(t.checkpoint.verdict).toBe('red');
    expect(t.checkpoint.checks.find((c) => c.id === 'coverage')).toMatchObject({
      status: 'fail',
      required: false,
      threshold: 99,
    });
  });

  it('nothing collected: every figure n/a with a reason, and yellow (unknown is not green)', () => {
    const s = buildReport({ window: fullInputs().window, generatedAt: '2026-12-07T00:00:00Z' }, config);
    expect(s.checkpoint.verdict).toBe('yellow');
    expect(new Set(Object.values(statuses(s)))).toEqual(new Set(['n/a']));
    expect(s.activity.commits).toEqual({ status: 'n/a', reason: expect.stringContaining('not collected') });
    expect(s.tests).toEqual({ status: 'n/a', reason: expect.stringContaining('GitHub API') });
  });

  it('a performance regression beyond the tolerance fails; tests failing at the end of the week fail', () => {
    const base = fullInputs();
    const perf = {
      benchmarks: [
        {
          name: 'b',
          unit: 'ms',
          direction: 'smaller' as const,
          current: 11,
          previous: 10,
          changePercent: 10,
          series: [],
        },
      ],
      worstChangePercent: 10,
      source: 'x',
    };
    const tests = { ...(base.tests as object), latestConclusion: 'failure' } as typeof base.tests;
    const s = buildReport({ ...base, performance: perf, tests });
    expect(statuses(s).performance).toBe('fail');
    expect(statuses(s).tests).toBe('fail');
  });

  it('a malformed report: section is a config error naming the key', () => {
    expect(reportSchema.safeParse({ required: ['coverag'] }).success).toBe(false);
    expect(reportSchema.safeParse({ thresholds: { coverage: 120 } }).success).toBe(false);
  });
});

describe('report trends from the stored history', () => {
  it('a benchmark that did not run in the week has no change: performance is n/a, not a pass', async () => {
    const { history } = await import('./fixture.js');
    const { performanceFromHistory } = await import('../../src/report/history.js');
    const { weekWindow } = await import('../../src/report/window.js');
    const h = history('2026-W45', 60, 1);
    const ran = performanceFromHistory(h, weekWindow('2026-W45'));
    expect(ran).toMatchObject({ worstChangePercent: expect.any(Number) });
    const stale = performanceFromHistory(h, weekWindow('2026-W48'));
    expect(stale).toMatchObject({
      worstChangePercent: null,
      benchmarks: [{ name: 'bench 0', previous: expect.any(Number) }],
    });
    const s = buildReport({ ...fullInputs('CI', '2026-W48'), history: h });
    expect(statuses(s).performance).toBe('n/a');
  });
});
