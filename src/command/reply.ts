import { markdownText } from '../render/markdown.js';

/** Where a command's one reply stands: edited in place from `running` to `done` or `failed`. */
export type ReplyState = 'running' | 'done' | 'failed' | 'refused';

const STATE = /^<!-- shipkit:command-state:(running|done|failed|refused) -->$/m;

/** Whether the reply (one of the token's own comments) says the command already finished. */
export function finishedState(body: string | undefined): ReplyState | undefined {
  const state = STATE.exec(body ?? '')?.[1] as ReplyState | undefined;
  return state === 'running' ? undefined : state;
}

const HEADINGS: Record<ReplyState, string> = {
  running: '⏳ running',
  done: '✅ done',
  failed: '❌ failed',
  refused: '🚫 not run',
};

export interface ReplyText {
  state: ReplyState;
  /** The command as recognised (`plan`), or the name typed for an unknown one. */
  command: string;
  login: string;
  /** The head commit the command acts on (pull requests). */
  sha?: string | undefined;
  /** Markdown made by shipkit (results); untrusted parts already escaped by its maker. */
  body?: string;
}

/**
 * The reply's Markdown. The login is shown without notifying (`@\u200b`), and the state sits in a
 * hidden line that is trusted only on the token's own comment (the sticky helper finds replies by
 * author), so a comment that copies it cannot stop a command.
 */
export function replyMarkdown(r: ReplyText): string {
  const on = r.sha ? ` on \`${r.sha.slice(0, 7)}\`` : '';
  const lines = [
    `<!-- shipkit:command-state:${r.state} -->`,
    `**${markdownText(`/${r.command}`)}** from ${markdownText(`@${r.login}`)}: ${HEADINGS[r.state]}${on}`,
  ];
  if (r.body) lines.push('', r.body);
  return lines.join('\n');
}
