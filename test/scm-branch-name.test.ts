// branchNameProblem agrees with `git check-ref-format --branch` on every name here.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { branchNameProblem, dataBranchInput } from '../src/scm/branch-name.js';

const NAMES = [
  'shipkit-data',
  'HEAD',
  'head',
  'a/HEAD',
  'feature/x',
  'a.b',
  'v1.2.3',
  'héllo',
  'x"; touch /tmp/p; echo "',
  'has space',
  'tab\there',
  'a..b',
  'a@{b',
  '-x',
  '/x',
  'x/',
  'x//y',
  'x.',
  '.x',
  'x/.y',
  'x.lock',
  'x/y.lock/z',
  'a~1',
  'a^b',
  'a:b',
  'a?b',
  'a*b',
  'a[b',
  'a\\b',
  'a\x7fb',
  '$(id)',
  '`id`',
  'a;b',
];

describe('branchNameProblem', () => {
  it('refuses exactly what git refuses', () => {
    const disagree = NAMES.filter((name) => {
      const git = spawnSync('git', ['check-ref-format', '--branch', name], { encoding: 'utf8' }).status === 0;
      return git !== (branchNameProblem(name) === undefined);
    });
    expect(disagree).toEqual([]);
  });

  it('an input is trimmed, may be empty, and a bad one is one line naming the input', () => {
    expect(dataBranchInput('  shipkit-data \n')).toBe('shipkit-data');
    expect(dataBranchInput('')).toBe('');
    expect(() => dataBranchInput('a..b')).toThrow('input `data-branch` is not a branch name: it holds ".."');
  });
});

describe('commands.bench.data_branch in shipkit.yml', () => {
  it('is refused with its line when git would refuse it', async () => {
    const { parseConfig } = await import('../src/config/located.js');
    const text = ['commands:', '  bench:', '    data_branch: "runs..old"', ''].join('\n');
    let details: string[] = [];
    try {
      parseConfig(text, 'shipkit.yml');
    } catch (err) {
      details = (err as { details: { message: string; location?: { line: number } }[] }).details.map(
        (d) => `${d.location?.line}: ${d.message}`,
      );
    }
    expect(details.join('\n')).toContain('3: ');
    expect(details.join('\n')).toContain('not a branch name: it holds ".."');
    expect(() => parseConfig(text.replace('runs..old', 'runs-old'), 'shipkit.yml')).not.toThrow();
  });
});
