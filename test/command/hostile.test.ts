// Hostile comments are data; the head-moved race writes nothing; a redelivered event leaves one
// reply and one set of reactions.
import { describe, expect, it } from 'vitest';
import { HOSTILE } from './hostile.js';
import {
  type CommandRepo,
  commandRepo,
  commentEvent,
  runInProcess,
  userOf,
  withCommandRepo,
} from './setup.js';

let r: CommandRepo;
withCommandRepo((repo) => {
  r = repo;
});

const replyTo = (commentId: number, number = 1) =>
  r.state.commentsOn(number).filter((c) => c.body.startsWith(`<!-- shipkit:sticky:command-${commentId} -->`));
const idOf = (payload: Record<string, unknown>) => (payload.comment as { id: number }).id;
const gateComments = () =>
  r.state.commentsOn(1).filter((c) => c.body.startsWith('<!-- shipkit:sticky:gate -->'));

describe('hostile comments', () => {
  it('get a validation reply (one line, the text escaped) or are ignored when they are no command', async () => {
    for (const body of HOSTILE) {
      const payload = commentEvent(r, body, { login: userOf('admin') });
      const run = await runInProcess(r, payload);
      const label = body.slice(0, 40);
      expect(run.error, label).toBeUndefined();
      const replies = replyTo(idOf(payload));
      if (!body.startsWith('/')) {
        // The first line is not a command: silence, no call at all.
        expect(replies, label).toEqual([]);
        expect(run.calls, label).toEqual([]);
        continue;
      }
      expect(replies, label).toHaveLength(1);
      expect(run.outputs, label).toEqual({ command: expect.any(String), state: 'failed' });
      const text = replies[0]?.body.split('\n').slice(4).join('\n') ?? '';
      expect(text.split('\n'), label).toHaveLength(1);
      expect(text.length, label).toBeLessThan(400);
      // Markdown cannot run the text together into code, links or HTML: those characters are escaped.
      expect(text.replace(/\\[\\`*_[\]<>|~]/g, ''), label).not.toMatch(/[`<>|]/);
    }
  });

  it("a forged reply marker is never adopted: only the token's own comments count", async () => {
    // Someone posts a finished-looking reply for the comment id that comes next.
    const forger = r.state.addComment(1, 'placeholder', userOf('admin'));
    const nextId = forger.id + 1;
    forger.body = `<!-- shipkit:sticky:command-${nextId} -->\n<!-- shipkit:command-state:done -->\nall good`;
    const payload = commentEvent(r, '/help', { login: userOf('write') });
    expect(idOf(payload)).toBe(nextId);
    const run = await runInProcess(r, payload);
    expect(run.outputs).toEqual({ command: 'help', state: 'done' });
    const replies = replyTo(nextId);
    expect(replies.map((c) => (c.user as { login: string }).login)).toEqual([
      userOf('admin'),
      'github-actions[bot]',
    ]);
    expect(replies[0]?.body).toContain('all good');
  });
});

describe('the head moves between the comment and the write', () => {
  it('stops with a reply, and the gate comment is not written', async () => {
    const before = r.git.branch('feature') as string;
    const pushed = r.git.commit('pushed after the comment', { 'src/a.ts': 'export const a = 2;\n' }, [
      before,
    ]);
    // The push lands after the head was captured, while /gate reads the CI results.
    r.extras.onListRuns = () => r.git.setBranch('feature', pushed);
    try {
      const payload = commentEvent(r, '/gate', { login: userOf('write') });
      const gateBefore = gateComments().map((c) => c.body);
      const run = await runInProcess(r, payload);
      expect(run.error).toBeUndefined();
      expect(run.outputs).toEqual({ command: 'gate', state: 'failed' });
      expect(run.warnings[0]).toMatch(
        /head moved from \w{7} to \w{7} after the command started; nothing was written/,
      );
      expect(gateComments().map((c) => c.body)).toEqual(gateBefore);
      const writes = run.calls.filter((c) => c.method !== 'GET' && c.route !== 'POST /graphql');
      // 👀, the running reply, its final edit and 😕: nothing else.
      expect(writes.map((c) => c.route)).toEqual([
        'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions',
        'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
        'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
        'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions',
      ]);
      expect(replyTo(idOf(payload))[0]?.body).toContain('Comment again to run it on the new head');
    } finally {
      r.extras.onListRuns = undefined;
      r.git.setBranch('feature', before);
    }
  });
});

describe('a redelivered event', () => {
  it('leaves one reply and one set of reactions, also for a refusal', async () => {
    for (const login of [userOf('write'), userOf('read')]) {
      const payload = commentEvent(r, '/gate', { login });
      const first = await runInProcess(r, payload);
      const again = await runInProcess(r, payload);
      const id = idOf(payload);
      expect(replyTo(id)).toHaveLength(1);
      const reactions = r.extras.reactions.filter((x) => x.commentId === id).map((x) => x.content);
      expect(reactions).toEqual(login === userOf('write') ? ['eyes', 'rocket'] : []);
      expect(first.outputs.state).toBe(login === userOf('write') ? 'done' : 'refused');
      // The second delivery finds the finished reply and stops: no reaction, no second run.
      const writes = again.calls.filter((c) => c.method !== 'GET' && c.route !== 'POST /graphql');
      expect(writes).toEqual([]);
    }
  });
});

describe('a read-only token', () => {
  it('fails in one line naming the permission, having written nothing', async () => {
    const ro = await commandRepo('', { readOnly: true });
    try {
      const run = await runInProcess(ro, commentEvent(ro, '/help', { login: userOf('write') }));
      expect(run.error).toBe('the GitHub token cannot write the 👀 reaction (read-only)');
      expect(ro.state.comments.filter((c) => c.body.includes('shipkit:'))).toEqual([]);
      expect(ro.extras.reactions).toEqual([]);
      ro.api.assertNoViolations();
    } finally {
      await ro.close();
    }
  });
});
