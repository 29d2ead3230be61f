import { ShipkitError } from '../errors.js';

export interface CommentEvent {
  action: 'created' | 'edited' | 'deleted';
  commentId: number;
  body: string;
  login: string;
  isBot: boolean;
  issueNumber: number;
  onPullRequest: boolean;
}

/** Reads the event that started the job; anything but a well-formed `issue_comment` is a one-line error. */
export function readCommentEvent(eventName: string, payload: Record<string, unknown>): CommentEvent {
  if (eventName !== 'issue_comment') {
    throw new ShipkitError(`actions/command runs on issue_comment events, not ${JSON.stringify(eventName)}`, {
      hint: 'Start the workflow with `on: issue_comment: types: [created]` (see examples/workflows/commands.yml).',
    });
  }
  // In the payload's order, so the first thing wrong is the one named.
  const action = field(payload, 'action', 'string');
  if (action !== 'created' && action !== 'edited' && action !== 'deleted')
    throw malformed('action', `expected created, edited or deleted, got ${JSON.stringify(action)}`);
  const comment = field(payload, 'comment', 'object');
  const id = positiveInteger(comment, 'comment.id');
  const body = comment.body === null ? null : field(comment, 'comment.body', 'string');
  const user = field(comment, 'comment.user', 'object');
  const login = field(user, 'comment.user.login', 'string');
  if (!login) throw malformed('comment.user.login', 'expected a login, got an empty string');
  const type = user.type === undefined ? undefined : field(user, 'comment.user.type', 'string');
  const issue = field(payload, 'issue', 'object');
  const number = positiveInteger(issue, 'issue.number');
  const pull = issue.pull_request;
  if (pull !== undefined && pull !== null) field(issue, 'issue.pull_request', 'object');
  return {
    action,
    commentId: id,
    body: body ?? '',
    login,
    isBot: type === 'Bot' || login.endsWith('[bot]'),
    issueNumber: number,
    onPullRequest: pull !== undefined && pull !== null,
  };
}

// Checked by hand, not with a schema: this is the command action's first step, before the
// permission request, and loading zod there would cost more than the request itself.
type Json = Record<string, unknown>;

function field(parent: Json, path: string, kind: 'object'): Json;
function field(parent: Json, path: string, kind: 'string'): string;
function field(parent: Json, path: string, kind: 'object' | 'string'): Json | string {
  const value = parent[path.slice(path.lastIndexOf('.') + 1)];
  const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  if (kind === 'object' ? isObject : typeof value === 'string') return value as Json | string;
  throw malformed(path, `expected ${kind === 'object' ? 'an object' : 'a string'}, got ${describe(value)}`);
}

function positiveInteger(parent: Json, path: string): number {
  const value = parent[path.slice(path.lastIndexOf('.') + 1)];
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  throw malformed(path, `expected a positive integer, got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : JSON.stringify(value).slice(0, 40);
}

function malformed(where: string, what: string): ShipkitError {
  return new ShipkitError(`the issue_comment payload is malformed: ${where}: ${what}`, {
    hint: 'GITHUB_EVENT_PATH must be the payload GitHub sent for this comment.',
  });
}
