// Issue 11 item 8, "smaller ones": each case runs the CLI or a bundled action on a hostile input
// from test/fixtures/hostile/inputs/ (or one made here: a 5 MB value, a server that echoes headers).
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { shipkit } from '../harness/cli.js';
import { runAction } from '../harness/runner.js';
import { webhookExample } from '../harness/webhooks.js';
import { hostileWorkspace } from './helpers.js';

const GHP = `ghp_${'x7Kq'.repeat(9)}`;

let server: Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
});

/** A server that answers every request 401 with the request's headers in the message. */
async function echoingServer(): Promise<string> {
  server = createServer((req, res) => {
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: `Bad credentials; you sent ${JSON.stringify(req.headers)}` }));
  });
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const noMasks = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');

describe('credentials', () => {
  it('the anthropic-api-key input is masked before anything runs', async () => {
    const run = await runAction({
      action: '.',
      inputs: { command: 'config', 'anthropic-api-key': 'sk-ant-api03-hostile-key-value' },
    });
    expect(run.masks).toContain('sk-ant-api03-hostile-key-value');
  });

  it('CLI: a server that echoes the Authorization header does not get the token printed', async () => {
    const url = await echoingServer();
    const ws = await hostileWorkspace('inputs');
    await writeFile(join(ws, 'shipkit.yml'), 'gates: {}\n');
    const run = await shipkit(
      ['config', 'validate', 'shipkit.yml', '--comment', '--repo', 'acme/app', '--pr', '1'],
      ws,
      { GITHUB_TOKEN: GHP, GITHUB_API_URL: url },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Bad credentials');
    expect(run.stderr).toContain('***');
    expect(run.stdout + run.stderr).not.toContain(GHP);
    expect(run.stdout + run.stderr).not.toContain('x7Kq');
  });

  it('action: the same answer reaches the log redacted, not only masked by the runner', async () => {
    const url = await echoingServer();
    const token = `ghs_${'Zq9w'.repeat(9)}`;
    const run = await runAction({
      action: 'actions/config',
      inputs: { comment: 'true' },
      apiUrl: url,
      token,
      event: { name: 'pull_request', payload: webhookExample('pull_request', 'opened') },
    });
    expect(run.exitCode).toBe(1);
    expect(run.errors.map((e) => e.message).join('\n')).toContain('Bad credentials');
    expect(noMasks(run.stdout) + run.stderr).not.toContain('Zq9w');
  });
});

describe('bad input is an error naming the file and field', () => {
  it('random bytes given as --diff are not an empty change that passes patch coverage', async () => {
    const ws = await hostileWorkspace('inputs');
    await writeFile(join(ws, 'lcov.info'), 'SF:src/a.js\nDA:1,1\nDA:2,0\nend_of_record\n');
    const run = await shipkit(['gate', '--coverage', 'lcov.info', '--diff', 'random.bin'], ws);
    expect(run.stdout).not.toContain('0 changed lines');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^random\.bin:1: (binary data, )?not a unified diff|^random\.bin:1: binary data/m,
    );
  });

  it('config validate on /dev/zero says why, not "undefined"', async () => {
    const run = await shipkit(['config', 'validate', '/dev/zero']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^\/dev\/zero: cannot read the config file: /m);
    expect(run.stderr).not.toContain('undefined');
  });

  it('a YAML alias bomb in a config or a backlog names the file', async () => {
    const ws = await hostileWorkspace('inputs');
    const config = await shipkit(['config', 'validate', 'alias-bomb.yml'], ws);
    expect(config.code).toBe(1);
    expect(config.stderr).toMatch(/^alias-bomb\.yml:\d+:\d+: YAML aliases expand too far/m);
    const backlog = await shipkit(['plan', '--backlog', 'alias-bomb.yml'], ws);
    expect(backlog.code).toBe(1);
    expect(backlog.stderr).toMatch(/^alias-bomb\.yml:\d+:\d+: YAML aliases expand too far/m);
  });

  it('a negative Istanbul count is refused with the file and the field', async () => {
    const ws = await hostileWorkspace('inputs');
    const run = await shipkit(['coverage', 'summary', 'istanbul-negative.json'], ws);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^istanbul-negative\.json: \/repo\/src\/a\.js: s\["1"\] must be an execution count.*got -5/m,
    );
  });

  it('a config value of almost 1 MB (the config limit) is not echoed back in full', async () => {
    const ws = await hostileWorkspace('inputs');
    await writeFile(
      join(ws, 'big.yml'),
      `gates:\n  test_coverage:\n    threshold: "${'9'.repeat(1_000_000)}"\n`,
    );
    const run = await shipkit(['config', 'validate', 'big.yml'], ws);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('threshold');
    expect(run.stderr.length).toBeLessThan(2_000);
    expect(run.stderr).toContain('(1000002 characters)');
  });

  it('a 5 MB config is refused by its size before it is parsed', async () => {
    const ws = await hostileWorkspace('inputs');
    await writeFile(
      join(ws, 'big.yml'),
      `gates:\n  test_coverage:\n    threshold: "${'9'.repeat(5_000_000)}"\n`,
    );
    const run = await shipkit(['config', 'validate', 'big.yml'], ws);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^big\.yml: the config file is 4\.8 MB, over the 1 MB limit/m);
  });
});

describe('the workflow_run publisher', () => {
  it('renders the comment and summary again from the saved data instead of posting its Markdown', async () => {
    const ws = await hostileWorkspace('inputs');
    const payload = webhookExample('workflow_run', 'completed');
    Object.assign(payload.workflow_run as object, {
      event: 'pull_request',
      head_sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
    });
    const run = await runAction({
      action: 'actions/gate',
      inputs: { 'from-report': 'shipkit-gate.json' },
      workspace: ws,
      token: 'ghs_rw',
      event: { name: 'workflow_run', payload },
    });
    // the artifact said "pass"; its own results say a fail_* gate failed
    expect(run.outputs.verdict).toBe('fail');
    expect(run.exitCode).toBe(1);
    expect(run.summary).toContain('## ❌ shipkit gate: failed');
    // Markdown shows a backslash-escaped `\<` as the character itself: only an unescaped one is a tag.
    for (const tag of ['img', 'script', 'b'])
      expect(run.summary).not.toMatch(new RegExp(`(^|[^\\\\])<${tag}\\b`));
    for (const raw of ['@acme/admins', 'approved this']) expect(run.summary).not.toContain(raw);
    expect(run.summary).toContain('\\<script\\>');
  });
});
