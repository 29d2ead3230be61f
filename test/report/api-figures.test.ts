import { describe, expect, it } from 'vitest';
import { deploymentFigures, type RunFacts, testsFigures } from '../../src/report/api-figures.js';

const run = (over: Partial<RunFacts>): RunFacts => ({
  name: 'CI',
  headSha: 'a',
  status: 'completed',
  conclusion: 'success',
  attempt: 1,
  createdAt: '2026-11-24T10:00:00Z',
  seconds: 60,
  ...over,
});

describe('tests and build figures from workflow runs', () => {
  it('leaves cancelled, skipped and unfinished runs out of the pass rate and the build status; none judged is null', () => {
    const t = testsFigures(
      [
        run({ conclusion: 'cancelled' }),
        run({ conclusion: 'skipped' }),
        run({ status: 'in_progress', conclusion: null }),
      ],
      'src',
    );
    expect(t).toMatchObject({
      runs: 3,
      passRate: null,
      byConclusion: { cancelled: 1, skipped: 1, in_progress: 1 },
    });
    // a cancelled or skipped run says nothing of the build
    expect(t.latestConclusion).toBeNull();
  });

  it('a commit whose workflow failed then passed, or passed on a re-run, is flaky', () => {
    const t = testsFigures(
      [
        run({ headSha: 'a', conclusion: 'failure', createdAt: '2026-11-24T10:00:00Z' }),
        run({ headSha: 'a', conclusion: 'success', createdAt: '2026-11-24T11:00:00Z' }),
        run({ headSha: 'b', conclusion: 'success', attempt: 3, createdAt: '2026-11-24T12:00:00Z' }),
        run({
          name: 'Lint',
          headSha: 'c',
          conclusion: 'timed_out',
          seconds: 600,
          createdAt: '2026-11-24T13:00:00Z',
        }),
      ],
      'src',
    );
    expect(t.flakiest).toEqual([{ name: 'CI', runs: 3, failures: 1, medianSeconds: 60, flaky: 2 }]);
    expect(t.slowest.map((w) => w.name)).toEqual(['Lint', 'CI']);
    expect(t.passRate).toBe(50);
    expect(t.latestConclusion).toBe('timed_out');
  });
});

describe('deployments and DORA', () => {
  const window = { from: '2026-11-23T00:00:00Z', to: '2026-11-30T00:00:00Z' };
  it('a failure not yet restored leaves time to restore n/a; the rest is computed', () => {
    const d = deploymentFigures(
      [
        {
          environment: 'prod',
          createdAt: '2026-11-24T10:00:00Z',
          state: 'SUCCESS',
          statusAt: '2026-11-24T11:00:00Z',
          commitDate: '2026-11-24T07:00:00Z',
        },
        {
          environment: 'prod',
          createdAt: '2026-11-26T10:00:00Z',
          state: 'ERROR',
          statusAt: '2026-11-26T10:30:00Z',
          commitDate: null,
        },
        {
          environment: 'prod',
          createdAt: '2026-11-27T10:00:00Z',
          state: 'PENDING',
          statusAt: null,
          commitDate: null,
        },
      ],
      window,
      'src',
    );
    expect(d).toMatchObject({ count: 3, byEnvironment: { prod: 3 } });
    expect(d.dora).toEqual({
      deploymentFrequencyPerWeek: 1,
      leadTimeHours: 4,
      changeFailureRate: 50,
      timeToRestoreHours: { status: 'n/a', reason: 'no successful deployment after the failed ones yet' },
    });
  });
});
