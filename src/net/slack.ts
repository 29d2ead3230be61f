import { setTimeout as sleep } from 'node:timers/promises';
import { ShipkitError } from '../errors.js';
import { boundedFetch, maxRetryWaitSeconds, requestTimeoutMs } from './fetch.js';

/**
 * Posts a Block Kit message to a Slack incoming webhook. The webhook URL is a secret: it never
 * appears in a message, an error or a log line (only "the Slack webhook"). Slack answers 200 `ok`;
 * 429 with Retry-After and 5xx are retried (the wait capped by SHIPKIT_MAX_RETRY_WAIT_S); any other
 * answer is a one-line error with Slack's own code (`invalid_blocks`, `no_service`...) and what to do.
 */

export interface SlackPostOptions {
  /** Attempts in all (default 4). */
  attempts?: number;
  timeoutMs?: number;
  warn?: (message: string) => void;
  /** Wait before a 5xx retry n: n² × this (default 1000 ms). */
  backoffMs?: number;
}

const WHAT_TO_DO: Record<string, string> = {
  invalid_blocks:
    'the message was refused as Block Kit; report this as a shipkit bug with slack.json attached',
  invalid_payload:
    'the message is not JSON Slack accepts; report this as a shipkit bug with slack.json attached',
  no_service: 'the webhook was removed or disabled: create a new incoming webhook and update the secret',
  no_team: 'the Slack workspace of the webhook is gone: create a new incoming webhook and update the secret',
  invalid_token: 'the webhook URL is not valid: copy it again from the Slack app and update the secret',
  channel_not_found: "the webhook's channel is gone: create a new incoming webhook and update the secret",
  channel_is_archived: "the webhook's channel is archived: unarchive it or create a new webhook",
  action_prohibited: 'a Slack admin restricted this webhook: ask them, or use another channel',
};

/** Checks the URL's form without ever printing it. */
export function checkWebhook(url: string, field = 'slack-webhook'): URL {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new ShipkitError(`input \`${field}\` is not a URL`, {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an Actions expression, not a JS template
      hint: 'Pass the incoming webhook URL from a secret: `slack-webhook: ${{ secrets.SLACK_WEBHOOK_URL }}`.',
    });
  }
  const loopback = parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost';
  if (parsed.protocol !== 'https:' && !(loopback && parsed.protocol === 'http:')) {
    throw new ShipkitError(`input \`${field}\` must be an https:// URL`, {
      hint: 'Slack incoming webhooks start with https://hooks.slack.com/services/.',
    });
  }
  return parsed;
}

export async function postToSlack(
  webhook: string,
  payload: string,
  o: SlackPostOptions = {},
): Promise<{ attempts: number }> {
  const url = checkWebhook(webhook);
  const attempts = o.attempts ?? 4;
  const timeoutMs = o.timeoutMs ?? requestTimeoutMs();
  const fetch = boundedFetch({ service: 'Slack', timeoutMs, longWait: 'mark' });
  for (let attempt = 1; ; attempt++) {
    let status: number;
    let text: string;
    let retryAfter: number | undefined;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: payload,
      });
      status = res.status;
      text = (await res.text()).trim().slice(0, 200);
      const asked = Number(res.headers.get('retry-after'));
      retryAfter = Number.isFinite(asked) && asked >= 0 ? asked : undefined;
      if (res.headers.get('x-shipkit-retry-wait')) {
        throw new ShipkitError(
          `the Slack webhook answered ${status} and asks to wait ${res.headers.get('x-shipkit-retry-wait')} s, over the ${maxRetryWaitSeconds()} s shipkit waits`,
          { hint: 'The report files are written; re-run later to post it.' },
        );
      }
    } catch (err) {
      if (err instanceof ShipkitError && !/did not answer/.test(err.message)) throw err;
      // No answer: the message may have been posted, so it is not sent twice. The error's own text
      // may hold the URL: only its code is kept.
      const code = (err as { cause?: { code?: unknown } }).cause?.code;
      const what =
        err instanceof ShipkitError
          ? `did not answer within ${Math.round(timeoutMs / 1000)} s`
          : `could not be reached${typeof code === 'string' ? ` (${code})` : ''}`;
      throw new ShipkitError(`the Slack webhook ${what}`, {
        hint: 'The report files are written; check the network, or SHIPKIT_REQUEST_TIMEOUT_MS for the time limit.',
      });
    }
    if (status >= 200 && status < 300) return { attempts: attempt };
    const retryable = status === 429 || status >= 500;
    if (!retryable || attempt >= attempts) {
      const code = /^[a-z_]+$/.test(text) ? text : `HTTP ${status}`;
      throw new ShipkitError(`the Slack webhook refused the report: ${status} ${code}`, {
        hint:
          WHAT_TO_DO[text] ??
          (retryable
            ? `Slack kept failing after ${attempt} attempts; re-run later.`
            : 'Check the webhook secret.'),
      });
    }
    const waitMs = status === 429 ? (retryAfter ?? 1) * 1000 : attempt * attempt * (o.backoffMs ?? 1000);
    o.warn?.(
      `the Slack webhook answered ${status}${text ? ` ${text}` : ''}; retrying in ${Math.round(waitMs / 100) / 10} s`,
    );
    await sleep(waitMs);
  }
}
