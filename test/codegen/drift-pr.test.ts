import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run as cli } from '../../src/cli/codegen.js';
import { checkTarget } from '../../src/codegen/check.js';
import type { GitData } from '../harness/git-data.js';
import type { GitHubApi } from '../harness/github-api.js';
import { startRepoWithPulls } from '../harness/github-pulls.js';
import { runComposite } from '../harness/composite.js';
import { runAction } from '../harness/runner.js';
import { webhookExample } from '../harness/webhooks.js';
import { root, tempDir } from './helpers.js';

const target = { spec: 'api/openapi.yaml', out: 'src/generated/acme', int64: 'string' as const };
const CONFIG = `codegen:\n  targets:\n    - spec: api/openapi.yaml\n      out: src/generated/acme\n`;

async function workspace(): Promise<string> {
  const ws = tempDir('ws');
  await mkdir(join(ws, 'api'), { recursive: true });
  await mkdir(join(ws, '.github'), { recursive: true });
  await cp(join(root, 'examples/api/openapi.yaml'), join(ws, 'api/openapi.yaml'));
  await writeFile(join(ws, '.github/shipkit.yml'), CONFIG);
  return ws;
}

const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
};

/** The spec, changed the way an API team would: an operation gone, a required parameter, a property removed. */
async function changeSpec(ws: string): Promise<void> {
  const path = join(ws, 'api/openapi.yaml');
  let text = await readFile(path, 'utf8');
  text = text.replace(
    / {4}delete:\n {6}operationId: deleteProduct[\s\S]*?(?= {2}\/products\/\{productId\}\/image:)/,
    '',
  );
  text = text.replace(
    '        - name: limit\n',
    '        - name: region\n          in: query\n          required: true\n          schema: { type: string }\n        - name: limit\n',
  );
  text = text.replace('        postcode: { type: string }\n', '');
  await writeFile(path, text);
}

let api: GitHubApi | undefined;
let git: GitData | undefined;
afterEach(async () => {
  await api?.close();
  git?.close();
  api = undefined;
  git = undefined;
});

/** A workspace whose spec changed since main's committed client, and the stand-in holding main. */
async function prWorld() {
  const ws = await workspace();
  expect(await cli(['openapi', join(ws, target.spec), '--out', join(ws, target.out)], io().io)).toBe(0);
  await changeSpec(ws);
  const committed: Record<string, string> = {};
  for (const name of await readdir(join(ws, target.out))) {
    committed[`${target.out}/${name}`] = await readFile(join(ws, target.out, name), 'utf8');
  }
  const started = await startRepoWithPulls({ owner: 'acme', repo: 'store' }, committed);
  api = started.api;
  git = started.data;
  const { data, pulls } = started;
  return { ws, data, pulls, api };
}

describe('codegen check and the regenerate-and-PR flow', () => {
  it('check passes on fresh output, then names the API changes and which break clients', async () => {
    const ws = await workspace();
    const a = io();
    expect(await cli(['openapi', join(ws, target.spec), '--out', join(ws, target.out)], a.io)).toBe(0);
    expect(a.out[0]).toMatch(
      /10 operations, 12 schemas → .*acme\/ \(types\.ts, client\.ts, index\.ts, api-summary\.json\)/,
    );
    const b = io();
    expect(await cli(['check', '--config', join(ws, '.github/shipkit.yml')], b.io)).toBe(0);
    expect(b.out.join('\n')).toContain('up to date');
    await changeSpec(ws);
    const c = io();
    expect(await cli(['check', '--config', join(ws, '.github/shipkit.yml')], c.io)).toBe(1);
    const summary = c.out.join('\n');
    expect(summary).toContain('0 operations added, 1 removed');
    expect(summary).toContain(
      '| ⚠️ breaking | operation removed | `deleteProduct` | DELETE /products/{productId} |',
    );
    expect(summary).toContain('| ⚠️ breaking | parameter added | `listProducts query:region` | required |');
    expect(summary).toContain('| ⚠️ breaking | property removed | `Address.postcode` |');
    expect(summary).not.toMatch(/^[-+]/m);
    expect(c.err.join('\n')).toContain('1 of 1 codegen targets are out of date');
  });

  it("following check's hint, `codegen generate` rewrites every target with its options (int64 from the config)", async () => {
    const ws = await workspace();
    const config = join(ws, '.github/shipkit.yml');
    await writeFile(config, `${CONFIG}      int64: bigint\n      zod: true\n`);
    const a = io();
    expect(await cli(['check', '--config', config], a.io)).toBe(1);
    const hint = a.err.join('\n');
    expect(hint).toBe(
      '1 of 1 codegen targets are out of date. Run `shipkit codegen generate` and commit the result.',
    );
    const b = io();
    expect(await cli(['generate', '--config', config], b.io)).toBe(0);
    expect(b.out).toEqual([
      'api/openapi.yaml → src/generated/acme/: rewrote types.ts, client.ts, schemas.ts, index.ts, api-summary.json, .shipkit-codegen.json',
    ]);
    expect(await readFile(join(ws, target.out, 'client.ts'), 'utf8')).toContain(
      'const INT64_AS_BIGINT = true;',
    );
    const c = io();
    expect(await cli(['check', '--config', config], c.io)).toBe(0);
    const d = io();
    expect(await cli(['generate', '--config', config], d.io)).toBe(0);
    expect(d.out).toEqual(['api/openapi.yaml → src/generated/acme/: up to date']);
  });

  it('a damaged committed api-summary.json counts as none: every operation shows as added, no TypeError', async () => {
    const ws = await workspace();
    expect(await cli(['openapi', join(ws, target.spec), '--out', join(ws, target.out)], io().io)).toBe(0);
    await changeSpec(ws);
    for (const damaged of [
      '{"operations": null, "schemas": {}}',
      '{"operations": {"listProducts": 5}}',
      '[]',
    ]) {
      await writeFile(join(ws, target.out, 'api-summary.json'), damaged);
      const check = await checkTarget(target, ws);
      expect(check.upToDate).toBe(false);
      expect(
        check.changes
          .filter((c) => c.kind === 'operation')
          .every((c) => c.message.startsWith('operation added')),
      ).toBe(true);
    }
  });

  it('check without targets: an error naming shipkit.yml', async () => {
    const ws = await workspace();
    const config = join(ws, '.github/shipkit.yml');
    await writeFile(config, 'codegen:\n  targets: []\n');
    await expect(cli(['check', '--config', config], io().io)).rejects.toMatchObject({
      message: 'no codegen targets configured',
      location: { file: config },
    });
  });

  it('a failed generation leaves the previous output untouched', async () => {
    const ws = await workspace();
    const out = join(ws, target.out);
    expect(await cli(['openapi', join(ws, target.spec), '--out', out], io().io)).toBe(0);
    const before = await readFile(join(out, 'client.ts'), 'utf8');
    await writeFile(
      join(ws, target.spec),
      'openapi: 3.0.3\ninfo: {title: x, version: "1"}\npaths:\n  /a: {$ref: "#/nope"}\n',
    );
    await expect(cli(['openapi', join(ws, target.spec), '--out', out], io().io)).rejects.toThrow(
      /points at nothing/,
    );
    expect(await readFile(join(out, 'client.ts'), 'utf8')).toBe(before);
    expect((await readdir(join(ws, 'src/generated'))).sort()).toEqual(['acme']);
  });

  it('action mode pr: one commit on shipkit/codegen/main via the Git Data API, one PR, updated on re-run', async () => {
    const { ws, data, pulls, api: stand } = await prWorld();
    const start = () =>
      runAction({
        action: 'actions/codegen',
        inputs: { mode: 'pr' },
        workspace: ws,
        event: { name: 'push', payload: webhookExample('push') },
        apiUrl: stand.url,
        repository: 'acme/store',
        token: 'ghs_codegen_test_token',
      });
    const first = await start();
    expect(first.errors).toEqual([]);
    expect(first.exitCode).toBe(0);
    expect(first.outputs.stale).toBe('true');
    expect(first.outputs.breaking).toBe('true');
    expect(pulls).toHaveLength(1);
    const pr = pulls[0];
    expect(pr).toMatchObject({ head: 'shipkit/codegen/main', base: 'main', state: 'open' });
    expect(pr?.body).toContain('| ⚠️ breaking | operation removed | `deleteProduct`');
    expect(first.outputs['pull-request']).toBe('https://github.com/acme/store/pull/1');
    const files = data.files('shipkit/codegen/main');
    const expected = (await checkTarget(target, ws)).files;
    expect(files[`${target.out}/client.ts`]).toBe(expected.get('client.ts'));
    expect(files[`${target.out}/client.ts`]).not.toContain('deleteProduct');
    expect(data.files('main')[`${target.out}/client.ts`]).toContain('deleteProduct');
    const second = await start();
    expect(second.exitCode).toBe(0);
    expect(pulls).toHaveLength(1);
    expect(stand.calls.filter((c) => c.method === 'PATCH' && c.path.includes('/pulls/1'))).toHaveLength(1);
    expect(stand.calls.filter((c) => c.path.endsWith('/git/blobs')).length).toBeGreaterThanOrEqual(8);
    stand.assertNoViolations();
  }, 120_000);

  it('action mode check fails on drift with the summary in the job summary', async () => {
    const ws = await workspace();
    expect(await cli(['openapi', join(ws, target.spec), '--out', join(ws, target.out)], io().io)).toBe(0);
    await changeSpec(ws);
    const r = await runAction({
      action: 'actions/codegen',
      workspace: ws,
      event: { name: 'push', payload: webhookExample('push') },
    });
    expect(r.exitCode).toBe(1);
    expect(r.errors.map((e) => e.message).join('\n')).toMatch(
      /src\/generated\/acme is out of date: \d+ API changes \(\d+ breaking\)/,
    );
    expect(r.summary).toContain('operation removed');
  });
});

describe('actions/codegen-pr (composite), step by step', () => {
  it('installs buf pinned when none is on PATH, puts it on PATH, and opens the PR', async () => {
    const { ws, pulls, api: stand } = await prWorld();
    // npm as the step starts it: its arguments are recorded, and it makes the bin it would install
    const bin = tempDir('fake-npm');
    const log = join(bin, 'npm.log');
    await writeFile(
      join(bin, 'npm'),
      `#!/bin/bash\necho "$*" >> ${JSON.stringify(log)}\nprefix="$3"\nmkdir -p "$prefix/node_modules/.bin"\nprintf '#!/bin/sh\\necho buf 1.75.0\\n' > "$prefix/node_modules/.bin/buf"\nchmod +x "$prefix/node_modules/.bin/buf"\n`,
      { mode: 0o755 },
    );
    const setupNode: Record<string, string>[] = [];
    const r = await runComposite({
      action: 'actions/codegen-pr',
      workspace: ws,
      event: { name: 'push', payload: webhookExample('push') },
      apiUrl: stand.url,
      repository: 'acme/store',
      token: 'ghs_codegen_test_token',
      env: { PATH: [bin, dirname(process.execPath), '/usr/bin', '/bin'].join(':') },
      uses: {
        'actions/setup-node': (w) => {
          setupNode.push(w);
          return undefined;
        },
      },
    });
    expect(setupNode).toEqual([{ 'node-version': '24' }]);
    expect(r.steps.map((s) => s.outcome)).toEqual(['delegated', 'success', 'success']);
    // the tools' bin folder went to GITHUB_PATH, so the codegen step (and the job's later steps) find buf
    expect(r.path).toHaveLength(1);
    expect(r.path[0]).toMatch(/\/shipkit-buf\/node_modules\/\.bin$/);
    expect(existsSync(join(r.path[0] as string, 'buf'))).toBe(true);
    const install = (await readFile(log, 'utf8')).trim();
    expect(install).toMatch(
      /^install --prefix \/.*\/shipkit-buf --no-save --no-audit --no-fund @bufbuild\/buf@1\.75\.0$/,
    );
    expect(r.errors).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toMatchObject({
      stale: 'true',
      breaking: 'true',
      'pull-request': 'https://github.com/acme/store/pull/1',
    });
    expect(pulls).toHaveLength(1);
    stand.assertNoViolations();
  }, 120_000);
});
