import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shipkit } from './harness/cli.js';
import { startGitHubApi } from './harness/github-api.js';
import { githubState } from './harness/github-state.js';
import { ROOT } from './harness/runner.js';

const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));

describe('shipkit CLI', () => {
  it('prints its version and help', async () => {
    expect((await shipkit(['--version'])).stdout.trim()).toBe(pkg.version);
    const help = await shipkit(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: shipkit <command> [options]');
    expect(help.stdout).toContain('config');
    expect((await shipkit(['config', '--help'])).stdout).toContain('shipkit config validate [file]');
  });

  it('validates a config: exit 0 when valid', async () => {
    const ok = await shipkit(['config', 'validate', 'examples/.github/shipkit.yml']);
    expect(ok).toEqual({ code: 0, stdout: 'examples/.github/shipkit.yml is valid.\n', stderr: '' });
    const json = await shipkit(['config', 'validate', 'examples/.github/shipkit.yml', '--json']);
    expect(JSON.parse(json.stdout).gates.performance.latency_p99).toBe(500);
  });

  it('finds .github/shipkit.yml by default', async () => {
    const ok = await shipkit(['config', 'validate'], join(ROOT, 'examples'));
    expect(ok.stdout).toBe('.github/shipkit.yml is valid.\n');
  });

  it('exit 1 with file:line:col and a did-you-mean when invalid', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shipkit-cli-'));
    await writeFile(join(dir, 'shipkit.yml'), 'release:\n  tag_prefx: v\n');
    const bad = await shipkit(['config', 'validate', 'shipkit.yml'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe(
      'shipkit.yml:2:3: unknown key `release.tag_prefx`. Did you mean `tag_prefix`?\n' +
        'shipkit.yml is not a valid shipkit configuration (1 problem)\n',
    );
  });

  it('exit 2 on a wrong command line, 1 on a missing file, without stack traces', async () => {
    const unknown = await shipkit(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'shipkit: unknown command "frobnicate". Run `shipkit --help` for the list.\n',
    );
    const option = await shipkit(['config', 'validate', '--jsn']);
    expect(option.code).toBe(2);
    // One shipkit sentence naming the option and the one likely meant, not Node's parseArgs text.
    expect(option.stderr).toBe(
      'unknown option --jsn. Did you mean --json? Run `shipkit config --help` for its options.\n',
    );
    const value = await shipkit(['codegen', 'openapi', 'spec.yaml', '--out']);
    expect(value.code).toBe(2);
    expect(value.stderr).toBe('option --out needs a value. Run `shipkit codegen --help` for its options.\n');
    const missing = await shipkit(['config', 'validate', 'nope.yml']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      'nope.yml: cannot read the config file: no such file. Check the path, or leave it out to use .github/shipkit.yml.\n',
    );
    const none = await shipkit(['config', 'validate'], await mkdtemp(join(tmpdir(), 'shipkit-cli-')));
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^no \.github\/shipkit\.yml here/);
  });

  it('prints the JSON Schema that is committed', async () => {
    const out = await shipkit(['config', 'schema']);
    expect(out.stdout).toBe(await readFile(join(ROOT, 'schema/shipkit.schema.json'), 'utf8'));
  });

  it('with --comment --repo --pr publishes the sticky comment through GITHUB_API_URL', async () => {
    const api = await startGitHubApi();
    try {
      const state = githubState(api, { owner: 'acme', repo: 'widgets' });
      const args = [
        'config',
        'validate',
        'examples/.github/shipkit.yml',
        '--comment',
        '--repo',
        'acme/widgets',
        '--pr',
        '3',
      ];
      const env = { GITHUB_TOKEN: 'ghp_cli', GITHUB_API_URL: api.url };
      const first = await shipkit(args, ROOT, env);
      expect(first.code).toBe(0);
      expect(first.stderr).toMatch(/^PR comment created: /);
      const again = await shipkit(args, ROOT, env);
      expect(again.stderr).toMatch(/^PR comment unchanged: /);
      expect(state.commentsOn(3)).toHaveLength(1);
      expect(state.commentsOn(3)[0]?.body).toContain('`examples/.github/shipkit.yml` is valid.');
      api.assertNoViolations();
    } finally {
      await api.close();
    }
  });

  it('with --comment says what is missing: a token, --repo, --pr', async () => {
    const base = ['config', 'validate', 'examples/.github/shipkit.yml', '--comment'];
    const noPr = await shipkit([...base, '--repo', 'acme/widgets'], ROOT, { GITHUB_TOKEN: 'x' });
    expect([noPr.code, noPr.stderr]).toEqual([2, '--comment needs --pr N\n']);
    const noRepo = await shipkit([...base, '--pr', '3'], ROOT, { GITHUB_TOKEN: 'x' });
    expect([noRepo.code, noRepo.stderr]).toEqual([2, 'talking to GitHub needs --repo owner/name\n']);
    const noToken = await shipkit([...base, '--pr', '3', '--repo', 'acme/widgets']);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/^no GitHub token: set GITHUB_TOKEN \(or GH_TOKEN\)/);
  });
});
