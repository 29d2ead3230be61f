// /gate and /bench on a fork's pull request: a result saved by a run whose workflow the fork's
// author wrote (pull_request) is never published as the base repository's verdict.
import { afterEach, describe, expect, it } from 'vitest';
import { type CommandRepo, commandRepo, commentEvent, routes, runInProcess, userOf } from './setup.js';

let r: CommandRepo | undefined;
afterEach(async () => {
  r?.api.assertNoViolations();
  await r?.close();
  r = undefined;
});

const DOWNLOAD = 'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}';
const ARTIFACTS = 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts';

describe('results a fork’s own workflow saved', () => {
  it('/gate reads the run of this repository’s workflow, not the newer forged one', async () => {
    r = await commandRepo();
    const run = await runInProcess(r, commentEvent(r, '/gate', { login: userOf('maintain'), number: 2 }));
    expect(run.error).toBeUndefined();
    expect(run.outputs).toEqual({ command: 'gate', state: 'done' });
    // one run's artifacts listed and downloaded: the pull_request_target run (event in the reply)
    expect(routes(run.calls).filter((c) => c === ARTIFACTS || c === DOWNLOAD)).toEqual([ARTIFACTS, DOWNLOAD]);
    const reply =
      r.state
        .commentsOn(2)
        .filter((c) => c.body.includes('shipkit:sticky:command-'))
        .at(-1)?.body ?? '';
    expect(reply).toContain('(pull_request_target) saved for this commit');
    expect(reply).toContain('Gate verdict: **fail**'); // the forged result says pass
  });

  for (const event of ['pull_request', 'workflow_run']) {
    it(`refuses when only the fork's own run and a ${event} run saved one, and writes no verdict`, async () => {
      r = await commandRepo('', { forkRunEvent: event });
      for (const command of ['/gate', '/bench']) {
        const run = await runInProcess(r, commentEvent(r, command, { login: userOf('maintain'), number: 2 }));
        expect(run.outputs).toMatchObject({ state: 'failed' });
        const reply =
          r.state
            .commentsOn(2)
            .filter((c) => c.body.includes('shipkit:sticky:command-'))
            .at(-1)?.body ?? '';
        expect(reply).toContain(
          'pull request #2 is from a fork (forker/store): 2 run(s) for ' +
            `${r.heads[2].slice(0, 7)} were not made by this repository's own workflow (pull\\_request\\_target), so a result they saved could be forged, and ${command} does not read it`,
        );
        expect(routes(run.calls)).not.toContain(ARTIFACTS);
        expect(routes(run.calls)).not.toContain(DOWNLOAD);
        expect(r.state.commentsOn(2).some((c) => /shipkit:sticky:(gate|perf-gate) /.test(c.body))).toBe(
          false,
        );
      }
    });
  }
});
