import { afterEach, describe, expect, it } from 'vitest';
import { ShipkitError } from '../../src/errors.js';
import { postToSlack } from '../../src/net/slack.js';
import { type SlackServer, startSlack } from '../report/slack-server.js';

const message = JSON.stringify({
  text: 'Weekly report',
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }],
});
let slack: SlackServer | undefined;
afterEach(async () => {
  await slack?.close();
  slack = undefined;
});

async function failure(promise: Promise<unknown>): Promise<ShipkitError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ShipkitError);
  const e = err as ShipkitError;
  // the webhook is a secret: no part of its path is ever in a message
  expect(`${e.message} ${e.hint ?? ''}`).not.toMatch(/SECRET|xoxSecret/);
  return e;
}

describe('posting slack.json to an incoming webhook', () => {
  it('posts once when Slack answers 200 ok', async () => {
    slack = await startSlack();
    expect(await postToSlack(slack.url, message)).toEqual({ attempts: 1 });
    expect(slack.posts.map((p) => [p.body, p.contentType])).toEqual([[message, 'application/json']]);
  });

  it('waits the Retry-After of a 429 and a backoff after a 5xx, then posts', async () => {
    slack = await startSlack([
      { status: 429, body: 'rate_limited', retryAfter: 1 },
      { status: 503, body: 'service_unavailable' },
    ]);
    const warnings: string[] = [];
    const result = await postToSlack(slack.url, message, { backoffMs: 50, warn: (m) => warnings.push(m) });
    expect(result).toEqual({ attempts: 3 });
    const [a, b] = slack.posts;
    expect((b?.at ?? 0) - (a?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(warnings).toEqual([
      'the Slack webhook answered 429 rate_limited; retrying in 1 s',
      'the Slack webhook answered 503 service_unavailable; retrying in 0.2 s',
    ]);
  });

  it('a 400 invalid_blocks is one clear line, not retried', async () => {
    slack = await startSlack([{ status: 400, body: 'invalid_blocks' }]);
    const e = await failure(postToSlack(slack.url, message));
    expect(e.message).toBe('the Slack webhook refused the report: 400 invalid_blocks');
    expect(e.hint).toMatch(/Block Kit/);
    expect(slack.posts).toHaveLength(1);
  });

  it('a 404 no_service says to make a new webhook', async () => {
    slack = await startSlack([{ status: 404, body: 'no_service' }]);
    const e = await failure(postToSlack(slack.url, message));
    expect(e.message).toBe('the Slack webhook refused the report: 404 no_service');
    expect(e.hint).toMatch(/create a new incoming webhook/);
  });

  it('gives up after the attempts with 5xx answers, and a Retry-After over the cap is not waited', async () => {
    slack = await startSlack(Array.from({ length: 4 }, () => ({ status: 500, body: 'rollup_error' })));
    const e = await failure(postToSlack(slack.url, message, { backoffMs: 1 }));
    expect(e.message).toBe('the Slack webhook refused the report: 500 rollup_error');
    expect(slack.posts).toHaveLength(4);
    await slack.close();
    slack = await startSlack([{ status: 429, body: 'rate_limited', retryAfter: 3600 }]);
    const long = await failure(postToSlack(slack.url, message));
    expect(long.message).toMatch(/asks to wait 3600 s, over the 60 s/);
  });

  it('an unreachable webhook and a URL that is not https fail without printing it', async () => {
    slack = await startSlack();
    const url = slack.url;
    await slack.close();
    slack = undefined;
    const e = await failure(postToSlack(url, message));
    expect(e.message).toMatch(/^the Slack webhook could not be reached/);
    const plain = await failure(postToSlack('http://hooks.slack.com/services/T0SECRET/B/x', message));
    expect(plain.message).toBe('input `slack-webhook` must be an https:// URL');
  });
});
