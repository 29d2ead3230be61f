// `/report` in a pull request: the week so far as the reply, and every format written (all or
// nothing) to the folder the workflow uploads as the artifact the reply links to. The report.json
// it writes is read back through the report's own schema.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../src/report/json.js';
import { type CommandRepo, commandRepo, commentEvent, runInProcess } from './setup.js';

let r: CommandRepo;
const saved = process.env.GITHUB_RUN_ID;
beforeAll(async () => {
  r = await commandRepo();
});
afterAll(async () => {
  if (saved === undefined) delete process.env.GITHUB_RUN_ID;
  else process.env.GITHUB_RUN_ID = saved;
  r.api.assertNoViolations();
  await r.close();
});

function replyTo(payload: Record<string, unknown>): string {
  const id = (payload.comment as { id: number }).id;
  const replies = r.state.commentsOn(1).filter((c) => c.body.includes(`command-${id} -->`));
  expect(replies).toHaveLength(1);
  return replies[0]?.body ?? '';
}

describe('/report', () => {
  it("replies with the week so far and links the run's artifact holding every format", async () => {
    process.env.GITHUB_RUN_ID = '4242';
    const payload = commentEvent(r, '/report');
    const run = await runInProcess(r, payload);
    expect(run.error).toBeUndefined();
    expect(run.outputs).toMatchObject({ command: 'report', state: 'done' });
    const dir = run.outputs['report-dir'] ?? '';
    expect(dir).toBe(join(r.workspace, 'shipkit-report'));
    expect(readdirSync(dir).sort()).toEqual(['report.html', 'report.json', 'report.md', 'slack.json']);
    const runUrl = 'https://github.com/acme/store/actions/runs/4242';
    const snapshot = parseSnapshot(readFileSync(join(dir, 'report.json'), 'utf8'), 'report.json');
    expect(snapshot.runUrl).toBe(runUrl);
    const reply = replyTo(payload);
    expect(reply).toContain(`in the artifact \`shipkit-report\` of [this run](${runUrl}#artifacts)`);
    // The reply carries the same report the artifact's report.md holds.
    const markdown = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(reply).toContain(markdown.trim().split('\n').slice(0, 3).join('\n'));
  });

  it('outside Actions (no run id) the reply names the folder instead of a link', async () => {
    delete process.env.GITHUB_RUN_ID;
    const payload = commentEvent(r, '/report');
    const run = await runInProcess(r, payload, { 'report-dir': 'out/week' });
    expect(run.outputs['report-dir']).toBe(join(r.workspace, 'out/week'));
    expect(existsSync(join(r.workspace, 'out/week/report.json'))).toBe(true);
    const reply = replyTo(payload);
    expect(reply).not.toContain('#artifacts');
    expect(reply).toContain("are in out/week in the job's workspace");
  });
});
