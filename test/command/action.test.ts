// actions/command through its bundle, as the runner starts it: a few cells of the matrix, hostile
// comments with a spy on every child-process function (no process is started, so none sees the
// text), and bad input answered in one line.
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../harness/runner.js';
import { HOSTILE } from './hostile.js';
import { type CommandRepo, commandRepo, commentEvent, OWNER, REPO, userOf } from './setup.js';

let r: CommandRepo;
let spyLog: string;
let spy: string;
beforeAll(async () => {
  r = await commandRepo();
  const dir = mkdtempSync(join(tmpdir(), 'shipkit-spawn-spy-'));
  spyLog = join(dir, 'spawned.log');
  spy = join(dir, 'spy.cjs');
  // Preloaded into the action's process: every child_process function logs its arguments (also for
  // the ESM named imports the bundle uses, via syncBuiltinESMExports) before doing anything.
  writeFileSync(
    spy,
    `const cp = require('node:child_process');
const { appendFileSync } = require('node:fs');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  const real = cp[name];
  cp[name] = function (...args) {
    appendFileSync(${JSON.stringify(spyLog)}, JSON.stringify([name, ...args.filter((a) => typeof a !== 'function')]) + '\\n');
    return real.apply(this, args);
  };
}
require('node:module').syncBuiltinESMExports();
`,
  );
});
afterAll(async () => {
  r.api.assertNoViolations();
  await r.close();
});

function start(
  payload: Record<string, unknown>,
  extra: { token?: string; env?: Record<string, string>; workspace?: string } = {},
) {
  return runAction({
    action: 'actions/command',
    event: { name: 'issue_comment', payload },
    workspace: extra.workspace ?? r.workspace,
    apiUrl: r.api.url,
    repository: `${OWNER}/${REPO}`,
    token: extra.token ?? 'ghs_bundle',
    env: { NODE_OPTIONS: `--require ${spy}`, ...extra.env },
  });
}

const spawned = () => (existsSync(spyLog) ? readFileSync(spyLog, 'utf8') : '');

describe('actions/command, bundled', () => {
  it('runs /gate and /plan for a writer, refuses a reader, and starts no process', async () => {
    const gate = await start(commentEvent(r, '/gate', { login: userOf('maintain') }));
    expect(gate.stderr).toBe('');
    expect(gate.exitCode).toBe(0);
    expect(gate.outputs).toEqual({ command: 'gate', state: 'done' });
    const refused = await start(commentEvent(r, '/plan sprint 7', { login: userOf('triage'), number: 2 }));
    expect(refused.exitCode).toBe(0);
    expect(refused.outputs).toEqual({ command: 'plan', state: 'refused' });
    const plan = await start(commentEvent(r, '/plan sprint 7', { login: userOf('admin'), number: 2 }));
    expect(plan.errors).toEqual([]);
    expect(plan.outputs).toEqual({ command: 'plan', state: 'done' });
    expect(r.pulls.find((p) => p.head === 'shipkit/plan/sprint-7')).toBeDefined();
    expect(spawned()).toBe('');
  });

  it('the spy sees a process the bundle starts (/release notes runs git), with nothing from the comment', async () => {
    const run = await start(commentEvent(r, '/release notes from=v1.0.0', { login: userOf('admin') }));
    expect(run.outputs).toEqual({ command: 'release', state: 'done' });
    const calls = spawned()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown[]);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c[1] === 'git')).toBe(true);
    writeFileSync(spyLog, '');
  });

  it('hostile comments: a validation reply or silence, no workflow command, and no child process', async () => {
    appendFileSync(spyLog, '');
    for (const body of HOSTILE) {
      const run = await start(commentEvent(r, body, { login: userOf('admin') }));
      const label = body.slice(0, 40);
      expect(run.exitCode, label).toBe(0);
      expect(run.errors, label).toEqual([]);
      // The only workflow commands are the token's mask: nothing from the comment reads as one.
      expect(
        run.commands.filter((c) => c.command !== 'add-mask' && c.command !== 'debug'),
        label,
      ).toEqual([]);
      expect(run.masks, label).toEqual(['ghs_bundle']);
      expect(run.outputs.state ?? '', label).toMatch(/^(failed|)$/);
    }
    expect(spawned()).toBe('');
  });

  it('bad input: silence for a non-command, one line otherwise, never a stack trace', async () => {
    // Only the token's mask, which every shipkit action sends the runner before anything else.
    const silent = await start(commentEvent(r, '', { login: userOf('admin') }));
    expect([silent.exitCode, silent.stdout, silent.stderr]).toEqual([0, '::add-mask::ghs_bundle\n', '']);
    const prose = await start(commentEvent(r, 'LGTM, thanks', { login: userOf('admin') }));
    expect([prose.exitCode, prose.stdout, prose.stderr]).toEqual([0, '::add-mask::ghs_bundle\n', '']);

    const malformed = await start({ action: 'created', comment: { id: 'x' } });
    expect(malformed.exitCode).toBe(1);
    expect(malformed.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /^the issue_comment payload is malformed: comment\.id: .*GITHUB_EVENT_PATH must be/,
      ),
    ]);

    const noToken = await start(commentEvent(r, '/help', { login: userOf('admin') }), { token: '' });
    expect(noToken.exitCode).toBe(1);
    expect(noToken.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^no GitHub token/)]);

    const ws = mkdtempSync(join(tmpdir(), 'shipkit-command-badcfg-'));
    mkdirSync(join(ws, '.github'));
    writeFileSync(join(ws, '.github/shipkit.yml'), 'commands:\n  permision: read\n');
    const badConfig = await start(commentEvent(r, '/help', { login: userOf('admin') }), { workspace: ws });
    expect(badConfig.exitCode).toBe(1);
    expect(badConfig.errors[0]?.message).toMatch(
      /unknown key `commands.permision`.*Did you mean `permission`\?/,
    );
    for (const run of [malformed, noToken, badConfig]) {
      // One line per problem (a config error also gets the summary line the runtime adds).
      expect(run.errors.every((e) => !e.message.includes('\n'))).toBe(true);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).not.toMatch(/\n\s+at /);
    }
  });
});
