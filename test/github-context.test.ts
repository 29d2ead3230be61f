import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRunContext } from '../src/github/context.js';
import { webhookExample } from './harness/webhooks.js';

async function contextOf(name: string, payload: Record<string, unknown>, ref: string) {
  const dir = await mkdtemp(join(tmpdir(), 'shipkit-context-'));
  await writeFile(join(dir, 'event.json'), JSON.stringify(payload));
  return readRunContext({
    GITHUB_EVENT_NAME: name,
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_REF: ref,
  });
}

describe('RunContext: defaultBranch and isDefaultBranchPush, from GitHub’s own payloads', () => {
  it('a push to the default branch, and the same push payload for another ref', async () => {
    const push = webhookExample('push');
    const branch = (push.repository as { default_branch: string }).default_branch;
    const onDefault = await contextOf('push', push, `refs/heads/${branch}`);
    expect(onDefault.defaultBranch).toBe(branch);
    expect(onDefault.isDefaultBranchPush).toBe(true);
    expect((await contextOf('push', push, 'refs/heads/feature')).isDefaultBranchPush).toBe(false);
    expect((await contextOf('push', push, `refs/tags/${branch}`)).isDefaultBranchPush).toBe(false);
  });

  it('a pull request on the default branch ref is not a push', async () => {
    const pr = webhookExample('pull_request', 'opened');
    const ctx = await contextOf('pull_request', pr, 'refs/heads/master');
    expect(ctx.defaultBranch).toBe('master');
    expect(ctx.isDefaultBranchPush).toBe(false);
  });

  it('the older master_branch when default_branch is missing; nothing when neither is there', async () => {
    const legacy = await contextOf('push', { repository: { master_branch: 'trunk' } }, 'refs/heads/trunk');
    expect(legacy.defaultBranch).toBe('trunk');
    expect(legacy.isDefaultBranchPush).toBe(true);
    const none = await contextOf('push', { repository: {} }, 'refs/heads/undefined');
    expect(none.defaultBranch).toBeUndefined();
    expect(none.isDefaultBranchPush).toBe(false);
    const odd = await contextOf('push', { repository: { default_branch: 7 } }, 'refs/heads/7');
    expect(odd.defaultBranch).toBeUndefined();
    expect(odd.isDefaultBranchPush).toBe(false);
  });
});
