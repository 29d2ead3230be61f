import { keyFigures, safeUrl, STATUS_MARK, title, VERDICT_WORDS } from './figures.js';
import type { ReportSnapshot } from './snapshot.js';

/**
 * slack.json: a Block Kit message for an incoming webhook: the verdict, the few figures that
 * matter, the checks that did not pass, and a link to the run. Slack's limits are kept (header 150
 * characters, section text 3000, at most 10 fields); text from outside is escaped for mrkdwn.
 */

/**
 * Text for a Slack mrkdwn field: `&`, `<` and `>` escaped as Slack asks (so `<!channel>` or a
 * `<url|label>` cannot be formed), and `@channel`, `@here`, `@everyone` broken with a zero-width
 * space so they never notify.
 */
export function slackText(text: string): string {
  return escapeControl(noMentions(text));
}

function noMentions(text: string): string {
  return text.replace(/@(channel|here|everyone)\b/gi, '@\u200b$1');
}

function escapeControl(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Plain text (header, fallback): one line, escaped as Slack asks of every text, and at most `max`
 * characters after escaping (an entity is never cut).
 */
function plain(text: string, max: number): string {
  const parts = Array.from(noMentions(text.replace(/[\r\n]+/g, ' '))).map(escapeControl);
  let out = '';
  for (const [i, p] of parts.entries()) {
    const room = i === parts.length - 1 ? max : max - 1;
    if (out.length + p.length > room) return `${out}…`;
    out += p;
  }
  return out;
}

function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export interface SlackMessage {
  text: string;
  blocks: Record<string, unknown>[];
}

export function slackMessage(s: ReportSnapshot): SlackMessage {
  const v = VERDICT_WORDS[s.checkpoint.verdict];
  const verdict = `${v.mark} *${v.label}*: ${v.meaning}.`;
  const fields = keyFigures(s)
    .slice(0, 10)
    .map((f) => ({ type: 'mrkdwn', text: clip(`*${slackText(f.label)}*\n${slackText(f.value)}`, 2000) }));
  const problems = s.checkpoint.checks
    .filter((c) => c.status !== 'pass')
    .map(
      (c) =>
        `${STATUS_MARK[c.status] ?? ''} *${slackText(c.title)}*${c.required ? '' : ' (not required)'}: ${slackText(c.reason ?? c.status)}`,
    );
  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: { type: 'plain_text', text: plain(title(s), 120), emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: clip(`Checkpoint: ${verdict}`, 3000) } },
    { type: 'section', fields },
  ];
  if (problems.length > 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(problems.join('\n'), 3000) } });
  }
  const run = safeUrl(s.runUrl);
  if (run) {
    blocks.push({
      type: 'actions',
      elements: [
        { type: 'button', text: { type: 'plain_text', text: 'Open the run' }, url: clip(run, 3000) },
      ],
    });
  }
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: slackText(`Window ${s.window.from} to ${s.window.to}; generated ${s.generatedAt} by shipkit.`),
      },
    ],
  });
  return { text: plain(`${title(s)}: ${v.label}`, 2000), blocks };
}
