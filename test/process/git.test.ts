// The git edge (src/process/git.ts) on real repositories: every subprocess has a deadline, an
// early stop ends git, and failures name the command and the repository.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localGit } from '../../src/process/git.js';
import { hasCommit, headParents, resolveCommit } from '../../src/scm/git.js';

function repository(commits: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipkit-git-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  for (let i = 0; i < commits; i++) {
    writeFileSync(join(dir, 'f.txt'), `${i}\n`);
    git('add', 'f.txt');
    git('-c', 'user.name=A', '-c', 'user.email=a@example.com', 'commit', '-q', '-m', `c${i}`);
  }
  return dir;
}

describe('localGit', () => {
  const dir = repository(3);

  it('kills a git command that outlives its deadline and says which one', async () => {
    // A real git running a shell alias that sleeps: the deadline, not the alias, ends the call.
    execFileSync('git', ['config', 'alias.wait', '!sleep 5'], { cwd: dir });
    const git = localGit(dir, { timeoutMs: 300 });
    const started = Date.now();
    await expect(git.run(['wait'])).rejects.toThrow(/git wait did not finish within 0.3 s/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('takes its deadline from SHIPKIT_GIT_TIMEOUT_S when the caller names none', async () => {
    execFileSync('git', ['config', 'alias.wait', '!sleep 5'], { cwd: dir });
    const before = process.env.SHIPKIT_GIT_TIMEOUT_S;
    process.env.SHIPKIT_GIT_TIMEOUT_S = '0.2';
    try {
      await expect(localGit(dir).run(['wait'])).rejects.toThrow(/git wait did not finish within 0.2 s/);
    } finally {
      if (before === undefined) delete process.env.SHIPKIT_GIT_TIMEOUT_S;
      else process.env.SHIPKIT_GIT_TIMEOUT_S = before;
    }
  });

  it('stops a stream when the reader has what it wants', async () => {
    const git = localGit(dir);
    let chunks = 0;
    const code = await git.stream(['log', '--format=%H'], () => {
      chunks++;
      return 'stop';
    });
    expect(code).toBe(0);
    expect(chunks).toBe(1);
  });

  it('throws on a failed command unless asked not to, naming the command and the folder', async () => {
    const git = localGit(dir);
    await expect(git.run(['rev-parse', '--verify', 'no-such-ref'])).rejects.toThrow(/git rev-parse failed/);
    expect(
      (await git.run(['rev-parse', '--verify', '--quiet', 'no-such-ref'], { allowFail: true })).code,
    ).toBe(1);
    expect(await resolveCommit(git, 'no-such-ref')).toBeUndefined();
    expect(await resolveCommit(git, 'HEAD')).toMatch(/^[0-9a-f]{40}$/);
    expect(await hasCommit(git, '--all')).toBe(false);
    expect(await headParents(git)).toHaveLength(1);
  });

  it('refuses output over its bound instead of holding it', async () => {
    const git = localGit(dir, { maxOutputBytes: 10 });
    await expect(git.run(['log'])).rejects.toThrow(/git log printed more than 10 bytes/);
  });
});
