// Every output an action sets is declared in its action.yml: a workflow reads `steps.x.outputs.y`
// only from what the action documents. The harness (test/harness/runner.ts) refuses undeclared
// outputs in every action test; here the gate and config actions run over the example repository
// with every gate and report given, so each output they can set is set.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runAction } from './harness/runner.js';

const declared = (action: string) =>
  Object.keys(parse(readFileSync(join(ROOT, action, 'action.yml'), 'utf8')).outputs ?? {}).sort();

function exampleRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipkit-outputs-'));
  cpSync(join(ROOT, 'examples'), dir, { recursive: true });
  const config = readFileSync(join(dir, '.github/shipkit.yml'), 'utf8').replace(
    '    action: fail_if_below\n',
    '    action: fail_if_below\n    file_minimum: 10%\n    components:\n      - name: math\n        paths: ["src/**"]\n',
  );
  writeFileSync(join(dir, '.github/shipkit.yml'), config);
  return dir;
}

describe('action outputs are declared in action.yml', () => {
  it('the gate action with every gate: each output it sets is declared', async () => {
    const run = await runAction({
      action: 'actions/gate',
      workspace: exampleRepo(),
      inputs: {
        coverage: 'coverage/lcov.info',
        duplication: 'reports/jscpd-report.json',
        security: 'reports/eslint.sarif',
        docs: 'reports/typedoc-coverage.json',
        comment: 'false',
        annotations: 'false',
        'data-branch': '',
      },
    });
    expect(run.errors.map((e) => e.message).filter((m) => !/gate/.test(m))).toEqual([]);
    const set = Object.keys(run.outputs).sort();
    expect(set.filter((name) => !declared('actions/gate').includes(name))).toEqual([]);
    // Among them ones action.yml left out before (patch-*: the PR tests in test/gate, through the harness).
    for (const name of ['coverage-target', 'security-status', 'files-checked', 'components'])
      expect(set).toContain(name);
    expect(JSON.parse(run.outputs.components ?? '{}')).toHaveProperty('math.status');
  });

  it('the config action: its outputs are declared, and a section not built yet warns by name', async () => {
    const dir = exampleRepo();
    const config = join(dir, '.github/shipkit.yml');
    writeFileSync(
      config,
      `${readFileSync(config, 'utf8')}report:\n  formats: [html]\ncommands:\n  prefix: /\n`,
    );
    const run = await runAction({ action: 'actions/config', workspace: dir });
    expect(run.exitCode).toBe(0);
    expect(Object.keys(run.outputs).filter((n) => !declared('actions/config').includes(n))).toEqual([]);
    expect(run.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/section `commands:` does nothing: PR comment commands are not built yet/),
    ]);
  });
});
