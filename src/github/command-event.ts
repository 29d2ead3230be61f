import { z } from 'zod';
import { ShipkitError } from '../errors.js';

/** The fields of an `issue_comment` event that a command reads (GitHub sends many more). */
const commentEvent = z.looseObject({
  action: z.enum(['created', 'edited', 'deleted']),
  comment: z.looseObject({
    id: z.number().int().positive(),
    body: z.string().nullable(),
    user: z.looseObject({ login: z.string().min(1), type: z.string().optional() }),
  }),
  issue: z.looseObject({
    number: z.number().int().positive(),
    pull_request: z.looseObject({}).nullish(),
  }),
});

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
  const parsed = commentEvent.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join('.') || 'the payload';
    throw new ShipkitError(
      `the issue_comment payload is malformed: ${where}: ${issue?.message ?? 'unexpected shape'}`,
      {
        hint: 'GITHUB_EVENT_PATH must be the payload GitHub sent for this comment.',
      },
    );
  }
  const { action, comment, issue } = parsed.data;
  return {
    action,
    commentId: comment.id,
    body: comment.body ?? '',
    login: comment.user.login,
    isBot: comment.user.type === 'Bot' || comment.user.login.endsWith('[bot]'),
    issueNumber: issue.number,
    onPullRequest: issue.pull_request !== undefined && issue.pull_request !== null,
  };
}
