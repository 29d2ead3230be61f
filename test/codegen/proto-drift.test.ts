// `shipkit codegen check` on a proto target (grpc-health-check's health.proto) agrees with
// `buf breaking` itself: a removed field and a changed field type are breaking, an added field and
// an added method are not. The regenerate PR (actions/codegen mode pr) carries the same summary.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toolPath } from '../../scripts/client-project.mjs';
import { shipkit } from '../harness/cli.js';
import type { GitData } from '../harness/git-data.js';
import type { GitHubApi } from '../harness/github-api.js';
import { startRepoWithPulls } from '../harness/github-pulls.js';
import { runAction } from '../harness/runner.js';
import { webhookExample } from '../harness/webhooks.js';
import { root, tempDir } from './helpers.js';

const CONFIG = 'codegen:\n  targets:\n    - spec: proto\n      out: src/gen\n';

function workspace(): string {
  const ws = tempDir('proto-ws');
  mkdirSync(join(ws, 'proto'), { recursive: true });
  mkdirSync(join(ws, '.github'), { recursive: true });
  cpSync(join(root, 'test/fixtures/proto/grpc/health/v1/health.proto'), join(ws, 'proto/health.proto'));
  writeFileSync(join(ws, '.github/shipkit.yml'), CONFIG);
  return ws;
}

/** The real proto changed the way a team would: a field removed, a type changed, a field and a method added. */
function changeProto(ws: string): void {
  const path = join(ws, 'proto/health.proto');
  let text = readFileSync(path, 'utf8');
  const edits: [string, string][] = [
    ['  ServingStatus status = 1;\n', ''],
    [
      'message HealthCheckRequest {\n  string service = 1;',
      'message HealthCheckRequest {\n  int32 service = 1;',
    ],
    ['message HealthListRequest {}', 'message HealthListRequest {\n  string filter = 1;\n}'],
    ['service Health {\n', 'service Health {\n  rpc Ping(HealthListRequest) returns (HealthListResponse);\n'],
  ];
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  writeFileSync(path, text);
}

interface Change {
  kind: string;
  name: string;
  breaking: boolean;
  message: string;
}

let api: GitHubApi | undefined;
let git: GitData | undefined;
afterEach(async () => {
  await api?.close();
  git?.close();
  api = undefined;
  git = undefined;
});

describe('codegen check on proto targets', () => {
  it('up to date after generate; after edits, breaking exactly where buf breaking says', async () => {
    const ws = workspace();
    expect((await shipkit(['codegen', 'generate'], ws)).code).toBe(0);
    const clean = await shipkit(['codegen', 'check', '--json'], ws);
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toEqual({ targets: [{ spec: 'proto', changes: [] }] });

    changeProto(ws);
    const run = await shipkit(['codegen', 'check', '--json'], ws);
    expect(run.code).toBe(1);
    const [target] = JSON.parse(run.stdout).targets as { spec: string; changes: Change[] }[];
    const byName = new Map(target?.changes.map((c) => [`${c.kind} ${c.name}`, c]));
    expect(byName.get('field grpc.health.v1.HealthCheckResponse.status')?.breaking).toBe(true);
    expect(byName.get('field grpc.health.v1.HealthCheckRequest.service')?.breaking).toBe(true);
    expect(byName.get('field grpc.health.v1.HealthListRequest.filter')?.breaking).toBe(false);
    expect(byName.get('method grpc.health.v1.Health.Ping')?.breaking).toBe(false);

    // buf breaking itself, on the same input and the committed image.
    const buf = join(toolPath('buf'), '..', '..', '..', 'buf-linux-x64', 'bin', 'buf');
    let findings: { type: string; message: string }[] = [];
    try {
      execFileSync(
        buf,
        ['breaking', 'proto', '--against', 'src/gen/buf-image.json#format=json', '--error-format', 'json'],
        {
          cwd: ws,
          encoding: 'utf8',
        },
      );
    } catch (err) {
      findings = String((err as { stdout: string }).stdout)
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
    }
    expect(findings.map((f) => f.type).sort()).toEqual(['FIELD_NO_DELETE', 'FIELD_SAME_TYPE']);
    const breaking = target?.changes.filter((c) => c.breaking) ?? [];
    expect(breaking).toHaveLength(findings.length);
    for (const f of findings) expect(breaking.some((c) => c.message.includes(f.message))).toBe(true);

    const text = await shipkit(['codegen', 'check'], ws);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("**2 breaking** by buf's rules");
    expect(text.stdout).toContain('| ⚠️ breaking | field | `grpc.health.v1.HealthCheckResponse.status` |');
  }, 120_000);

  it('action mode pr: the regenerated proto client on shipkit/codegen/main, the summary as the PR body', async () => {
    const ws = workspace();
    expect((await shipkit(['codegen', 'generate'], ws)).code).toBe(0);
    const committed: Record<string, string> = {};
    const walk = (dir: string, prefix: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name), `${prefix}${e.name}/`);
        else committed[`${prefix}${e.name}`] = readFileSync(join(dir, e.name), 'utf8');
      }
    };
    walk(join(ws, 'src/gen'), 'src/gen/');
    changeProto(ws);
    const started = await startRepoWithPulls({ owner: 'acme', repo: 'health' }, committed);
    api = started.api;
    git = started.data;
    const { data, pulls } = started;
    const result = await runAction({
      action: 'actions/codegen',
      inputs: { mode: 'pr' },
      workspace: ws,
      event: { name: 'push', payload: webhookExample('push') },
      apiUrl: api.url,
      repository: 'acme/health',
      token: 'ghs_codegen_test_token',
    });
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.outputs.breaking).toBe('true');
    expect(pulls).toHaveLength(1);
    expect(pulls[0]?.body).toContain('| ⚠️ breaking | field | `grpc.health.v1.HealthCheckResponse.status` |');
    expect(pulls[0]?.body).toContain('|  | method | `grpc.health.v1.Health.Ping` | method added |');
    const files = data.files('shipkit/codegen/main');
    expect(files['src/gen/health_client.ts']).toContain('ping: Client<typeof Health>["ping"];');
    api.assertNoViolations();
  }, 120_000);
});
