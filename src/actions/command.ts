import { type ParsedLine, parseCommandLine } from '../command/parse.js';
import type { CommandResult } from '../command/registry.js';
import { finishedState, type ReplyState, replyMarkdown } from '../command/reply.js';
import {
  type CommandName,
  COMMAND_NAMES,
  hasRole,
  minimumRole,
  PULL_REQUEST_COMMANDS,
  type Role,
} from '../command/spec.js';
import type { ShipkitConfig } from '../config/schema.js';
import { asShipkitError, ShipkitError, withHint } from '../errors.js';
import type { GitHub } from '../github/client.js';
import {
  commenterRole,
  type PullHead,
  askCommenterRole,
  type Repo,
  react,
  readPullHead,
} from '../github/command-calls.js';
import { type CommentEvent, readCommentEvent } from '../github/command-event.js';
import { findStickyComment, upsertStickyComment } from '../github/comment.js';
import { isReadOnlyTokenError } from '../github/errors.js';
import { markdownText } from '../render/markdown.js';
import { RUNNERS } from './commands/index.js';
import { type CommandRun, CommandStopped } from './commands/types.js';
import type { ActionIO } from './runtime.js';

/** The head moved between the comment and a write: the command stops, having written nothing. */
export class HeadMoved extends CommandStopped {}

/**
 * `actions/command`: a PR comment command, safe by default. In this order, before any other call:
 * edited/deleted comments, bots and PR-only commands on issues are ignored; then the commenter's
 * role is asked of GitHub and checked against the command's minimum (a refusal is the only thing
 * written otherwise); only then 👀, the head SHA captured, and the command run on that SHA. Its one
 * reply (keyed by the comment id, so a redelivered event finds it) goes from running to done or
 * failed, with ✅ or ❌. Nothing from the comment reaches a shell: it is parsed into checked
 * arguments, and pull-request code is never checked out or run.
 *
 * A comment that is not a command costs nothing: no configuration, no schema, no client is loaded.
 * For a command, the role is asked before anything else is loaded whenever the answer to "ask?"
 * does not depend on shipkit.yml (see askFirst), and the configuration, the argument schemas and
 * the client load while the answer travels.
 */
export async function run(io: ActionIO): Promise<void> {
  const ctx = io.context();
  const event = readCommentEvent(ctx.eventName, ctx.payload);
  const line = parseCommandLine(event.body);
  if (line.kind === 'none') return;
  if (!ctx.repository) throw new ShipkitError('no repository in the run context (GITHUB_REPOSITORY)');
  const repo = ctx.repository;
  const token = io.input('github-token');
  const asked =
    askFirst(event, line) && token ? askCommenterRole(token, ctx.apiUrl, repo, event.login) : undefined;
  // Awaited below; until then a failure elsewhere must not leave it an unhandled rejection.
  asked?.role.catch(() => {});
  // The request leaves before anything else loads: loading is synchronous work that would hold it.
  await asked?.sent;
  const [{ loadConfig }, { checkArguments }] = await Promise.all([
    import('../config/load.js'),
    import('../command/registry.js'),
  ]);
  const { config } = await loadConfig(io.input('config-file') || undefined, ctx.workspace);
  const available = availableCommands(config);
  const command = checkArguments(line, available);
  if (command.kind === 'none') return;
  if (!shouldRun(io, event, command, config)) return;
  const gh = await io.github();
  const role: Role = (await asked?.role) ?? (await commenterRole(gh, repo, event.login));
  const minimum = command.spec ? minimumRole(command.spec, config.commands) : config.commands.permission;
  const reply = new Reply(gh, repo, event, command.kind === 'valid' ? command.spec.name : command.name);
  if (!hasRole(role, minimum)) {
    io.info(`@${event.login} has the role ${role}; /${reply.command} needs ${minimum}: refused`);
    await reply.post('refused', `This needs the ${minimum} role on this repository; you have ${role}.`);
    outputs(io, reply.command, 'refused');
    return;
  }
  if (await reply.finishedBefore()) {
    io.info(`comment ${event.commentId} was answered before (a redelivered event): nothing to do`);
    return;
  }
  await writable('the 👀 reaction', () => react(gh, repo, event.commentId, 'eyes'));
  const pull = event.onPullRequest ? await readPullHead(gh, repo, event.issueNumber) : undefined;
  reply.sha = pull?.sha;
  if (command.kind === 'invalid') {
    await reply.finish('failed', `${markdownText(command.message)}. ${markdownText(command.hint)}`);
    outputs(io, reply.command, 'failed');
    return;
  }
  await reply.post('running');
  const load = RUNNERS[command.spec.name as CommandName];
  if (!load) throw new ShipkitError(`/${command.spec.name} is not available`);
  const runner = (await load()).run as (r: CommandRun) => Promise<string>;
  try {
    const body = await runner({
      io,
      ctx,
      gh,
      repo,
      config,
      args: command.args,
      login: event.login,
      role,
      available,
      issueNumber: event.issueNumber,
      pull,
      beforeWrite: () => checkHead(gh, repo, pull),
    });
    await reply.finish('done', body);
    outputs(io, reply.command, 'done');
  } catch (err) {
    const e = asShipkitError(err);
    await reply.finish('failed', markdownText(withHint(e)));
    outputs(io, reply.command, 'failed');
    if (err instanceof CommandStopped) {
      io.warn(e.message);
      return;
    }
    throw err;
  }
}

function outputs(io: ActionIO, command: string, state: 'done' | 'failed' | 'refused'): void {
  io.setOutput('command', command);
  io.setOutput('state', state);
}

/**
 * Whether the role can be asked before shipkit.yml is read: a new comment by a person, and not a
 * pull-request command on an issue. Every other case (an edit, a bot, a command that is ignored
 * here) first needs the `commands:` section or ends without a call, as before.
 */
function askFirst(e: CommentEvent, line: ParsedLine): boolean {
  if (e.action !== 'created' || e.isBot) return false;
  return e.onPullRequest || !PULL_REQUEST_COMMANDS.has(line.kind === 'none' ? '' : (line.name ?? ''));
}

/** Built commands minus those shipkit.yml disables. */
function availableCommands(config: ShipkitConfig): CommandName[] {
  return COMMAND_NAMES.filter((n) => RUNNERS[n] && !config.commands.disabled.includes(n));
}

/** The filters that need no call: edits (opt-in), deletions, bots (allow-list), PR commands on issues. */
function shouldRun(io: ActionIO, e: CommentEvent, command: CommandResult, config: ShipkitConfig): boolean {
  const skip = (why: string) => {
    io.info(`ignored: ${why}`);
    return false;
  };
  if (e.action === 'deleted') return skip('the comment was deleted');
  if (e.action === 'edited' && !config.commands.edits)
    return skip('an edited comment (set commands.edits: true to run them)');
  if (e.isBot && !config.commands.bots.some((b) => b.toLowerCase() === e.login.toLowerCase()))
    return skip(`a comment by the bot ${e.login} (not in commands.bots)`);
  if (command.kind !== 'none' && command.spec?.pullRequest && !e.onPullRequest)
    return skip(`/${command.spec.name} acts on a pull request, and this is an issue`);
  return true;
}

async function checkHead(gh: GitHub, repo: Repo, pull: PullHead | undefined): Promise<void> {
  if (!pull) return;
  const now = await readPullHead(gh, repo, pull.number);
  if (now.sha !== pull.sha) {
    throw new HeadMoved(
      `the pull request's head moved from ${pull.sha.slice(0, 7)} to ${now.sha.slice(0, 7)} after the command started; nothing was written`,
      { hint: 'Comment again to run it on the new head.' },
    );
  }
}

/** A write the command cannot do without: a read-only token is one line that says which permission. */
async function writable<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (!isReadOnlyTokenError(err)) throw err;
    throw new ShipkitError(`the GitHub token cannot write ${what} (read-only)`, {
      hint: 'Give the job `issues: write` and `pull-requests: write` (see examples/workflows/commands.yml).',
    });
  }
}

/** The command's one reply comment, found again by the comment id on a redelivered event. */
class Reply {
  sha: string | undefined;
  private readonly target;

  constructor(
    private readonly gh: GitHub,
    private readonly repo: Repo,
    private readonly event: CommentEvent,
    readonly command: string,
  ) {
    this.target = { ...repo, issueNumber: event.issueNumber, key: `command-${event.commentId}` };
  }

  async finishedBefore(): Promise<boolean> {
    const found = await findStickyComment(this.gh, this.target);
    return finishedState(found?.body) !== undefined;
  }

  async post(state: ReplyState, body?: string): Promise<void> {
    const markdown = replyMarkdown({
      state,
      command: this.command,
      login: this.event.login,
      sha: this.sha,
      ...(body ? { body } : {}),
    });
    await writable('the reply comment', () => upsertStickyComment(this.gh, this.target, markdown));
  }

  async finish(state: 'done' | 'failed', body: string): Promise<void> {
    await this.post(state, body);
    await react(this.gh, this.repo, this.event.commentId, state === 'done' ? 'rocket' : 'confused');
  }
}
