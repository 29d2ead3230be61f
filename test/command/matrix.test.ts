// Every command × every role × same repository / fork, through actions/command's own `run`
// in-process against the GitHub stand-in (a handful of cells also run through the bundle, in
// action.test.ts): the permission request comes first, and nothing is written before it passes
// except the one refusal reply.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, type CommandName } from '../../src/command/spec.js';
import type { Permission } from '../harness/github-state.js';
import {
  type CommandRepo,
  commentEvent,
  ROLES,
  routes,
  runInProcess,
  userOf,
  withCommandRepo,
} from './setup.js';

const PERMISSION = 'GET /repos/{owner}/{repo}/collaborators/{username}/permission';
const WHO_AM_I = ['GET /user', 'POST /graphql'];
const LIST = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments';
const CREATE = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';
const UPDATE = 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}';
const REACT = 'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions';
const PULL = 'GET /repos/{owner}/{repo}/pulls/{pull_number}';

/** What each command is typed as; commands not built yet are answered as unknown. */
const TYPED: Record<CommandName, string> = {
  help: '/help',
  gate: '/gate',
  bench: '/bench',
  plan: '/plan sprint 7',
  codegen: '/codegen',
  release: '/release notes',
  report: '/report',
  ask: '/ask why?',
};
const BUILT: CommandName[] = ['help', 'gate', 'bench', 'plan', 'codegen', 'release', 'report', 'ask'];
/** Commands that stop with a reply saying why: /codegen on a fork, /ask while off (the default). */
const stops = (c: CommandName, fork: boolean) => (c === 'codegen' && fork) || c === 'ask';
const minimum = (c: CommandName): Permission => (c === 'help' ? 'read' : 'write');
const allowed = (role: Permission, c: CommandName) => ROLES.indexOf(role) >= ROLES.indexOf(minimum(c));

let r: CommandRepo;
withCommandRepo((repo) => {
  r = repo;
});

async function each<T>(oneByOne: boolean, items: T[], f: (item: T) => Promise<void>): Promise<void> {
  if (!oneByOne) {
    await Promise.all(items.map(f));
    return;
  }
  for (const item of items) await f(item);
}

/** The writes among the calls: anything but GET, and GraphQL (a read here: the viewer's login). */
const writes = (list: string[]) => list.filter((c) => !c.startsWith('GET ') && c !== 'POST /graphql');

describe('the permission matrix', () => {
  for (const command of COMMAND_NAMES) {
    for (const fork of [false, true]) {
      it(`/${command} on a ${fork ? 'fork' : 'same-repository'} pull request, every role`, async () => {
        // The six roles run at the same time (each run's calls are told apart by its token); /plan's
        // and /codegen's one by one, since each moves a branch.
        await each(command === 'plan' || command === 'codegen', ROLES, async (role) => {
          const number = fork ? 2 : 1;
          const login = userOf(role);
          const payload = commentEvent(r, TYPED[command], { login, number });
          const commentId = (payload.comment as { id: number }).id;
          const run = await runInProcess(r, payload);
          const calls = routes(run.calls);
          const cell = `${command} ${role} ${fork ? 'fork' : 'same'}`;
          expect(calls[0], cell).toBe(PERMISSION);
          expect(run.calls[0]?.path, cell).toMatch(new RegExp(`/collaborators/${login}/permission$`));
          const replies = r.state
            .commentsOn(number)
            .filter((c) => c.body.includes(`command-${commentId} -->`));
          expect(replies, cell).toHaveLength(1);
          const reactions = r.extras.reactions.filter((x) => x.commentId === commentId);
          if (!allowed(role, command)) {
            // Refused: the one reply, and no reaction, no head read, no other write.
            expect(calls, cell).toEqual([PERMISSION, ...WHO_AM_I, LIST, CREATE]);
            expect(reactions, cell).toEqual([]);
            expect(run.outputs, cell).toEqual({ command, state: 'refused' });
            expect(replies[0]?.body, cell).toContain(
              `needs the ${minimum(command)} role on this repository; you have ${role}`,
            );
            return;
          }
          // Allowed: 👀 is the first write, then the head is read and the reply says running.
          expect(calls.slice(0, 8), cell).toEqual([PERMISSION, ...WHO_AM_I, LIST, REACT, PULL, LIST, CREATE]);
          expect(writes(calls)[0], cell).toBe(REACT);
          expect(
            reactions.map((x) => x.content),
            cell,
          ).toEqual(['eyes', BUILT.includes(command) && !stops(command, fork) ? 'rocket' : 'confused']);
          if (!BUILT.includes(command)) {
            // An unknown command (not built yet): the reply names it, and nothing else happens.
            expect(calls.slice(5), cell).toEqual([PULL, LIST, CREATE, REACT]);
            expect(run.outputs, cell).toEqual({ command, state: 'failed' });
            expect(replies[0]?.body, cell).toContain(`unknown command /${command}`);
            return;
          }
          expect(run.error, cell).toBeUndefined();
          if (command === 'codegen' && fork) {
            // A fork's branch is not pushed to: the reply says why, and nothing else is read or written.
            expect(run.outputs, cell).toEqual({ command, state: 'failed' });
            expect(replies[0]?.body, cell).toContain('this branch is on a fork (forker/store)');
            expect(calls.slice(8), cell).toEqual([LIST, UPDATE, REACT]);
            return;
          }
          if (command === 'ask') {
            // Off by default: the reply says how to turn it on, and nothing is read or asked.
            expect(run.outputs, cell).toEqual({ command, state: 'failed' });
            expect(replies[0]?.body, cell).toContain('/ask is off in this repository');
            expect(replies[0]?.body, cell).toContain('commands: ask: enabled: true');
            // (The reply is looked up by listing the comments: a page or two, by now.)
            expect(
              calls.slice(8).filter((c) => c !== LIST),
              cell,
            ).toEqual([UPDATE, REACT]);
            return;
          }
          const written = command === 'report' ? { 'report-dir': join(r.workspace, 'shipkit-report') } : {};
          expect(run.outputs, cell).toEqual({ command, state: 'done', ...written });
          expect(calls.slice(-3), cell).toEqual([LIST, UPDATE, REACT]);
          const work = calls.slice(8, -3);
          if (['help', 'release', 'report'].includes(command)) expect(work, cell).toEqual([]);
          if (command === 'release')
            expect(replies[0]?.body, cell).toMatch(/Bug Fixes[\s\S]*log out everywhere/);
          if (command === 'gate' || command === 'bench') {
            // The CI run's artifact for the captured head, read through the API (the stored runs
            // too, for /bench); the head re-read right before the sticky comment is written.
            expect(work.slice(0, 3), cell).toEqual([
              'GET /repos/{owner}/{repo}/actions/runs',
              'GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts',
              'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
            ]);
            const reread = work.lastIndexOf(PULL);
            expect(writes(work.slice(0, reread)), cell).toEqual([]);
            expect(work.slice(reread + 1, reread + 2), cell).toEqual([LIST]);
            expect(
              writes(work.slice(reread)).every((c) => c === CREATE),
              cell,
            ).toBe(true);
          }
          if (command === 'plan') {
            expect(work.slice(0, 2), cell).toEqual(['GET /repos/{owner}/{repo}/contents/{path}', PULL]);
            expect(new Set(work.slice(2).map((c) => c.split(' ')[1]?.split('/')[4])), cell).toEqual(
              new Set(['git', 'pulls']),
            );
          }
        });
        if (command === 'codegen' && !fork) {
          // One commit, on the captured head, holding the generated client; then the PR is reset.
          expect(Object.keys(r.git.files('feature')).some((p) => p.startsWith('src/generated/api/'))).toBe(
            true,
          );
          expect(r.git.git(['rev-parse', 'feature^'])).toBe(r.heads[1]);
          r.git.setBranch('feature', r.heads[1]);
        }
      });
    }
  }

  it('a command that needs a pull request, on an issue: no call at all', async () => {
    for (const command of ['gate'] as const) {
      const run = await runInProcess(
        r,
        commentEvent(r, TYPED[command], { login: userOf('admin'), number: 3, onIssue: true }),
      );
      expect(run.calls).toEqual([]);
      expect(run.infos).toEqual(['ignored: /gate acts on a pull request, and this is an issue']);
    }
  });

  it('edited and deleted comments and bots are ignored before any call; edits are opt-in', async () => {
    const admin = userOf('admin');
    for (const [event, info] of [
      [commentEvent(r, '/help', { login: admin, action: 'edited' }), 'an edited comment'],
      [commentEvent(r, '/help', { login: admin, action: 'deleted' }), 'the comment was deleted'],
      [
        commentEvent(r, '/help', { login: 'renovate[bot]', userType: 'Bot' }),
        'a comment by the bot renovate[bot]',
      ],
    ] as const) {
      const run = await runInProcess(r, event);
      expect(run.calls).toEqual([]);
      expect(run.infos[0]).toContain(info);
    }
  });
});
