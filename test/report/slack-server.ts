// A loopback Slack incoming webhook: answers as Slack does (200 `ok`, 400 `invalid_blocks`, 404
// `no_service`, 429 with Retry-After, 5xx), from a script of answers, recording what was posted.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackAnswer {
  status: number;
  body: string;
  retryAfter?: number;
}

export interface SlackServer {
  /** The webhook URL, with a secret-looking path as Slack's has. */
  url: string;
  /** Bodies posted, in order. */
  posts: { body: string; at: number; contentType: string | undefined }[];
  close(): Promise<void>;
}

export const SLACK_OK: SlackAnswer = { status: 200, body: 'ok' };

/** Answers `script` in order, then `ok`. A posted body that is not JSON with `blocks` gets 400 invalid_payload. */
export async function startSlack(script: SlackAnswer[] = []): Promise<SlackServer> {
  const posts: SlackServer['posts'] = [];
  const queue = [...script];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      posts.push({ body, at: Date.now(), contentType: req.headers['content-type'] });
      let answer = queue.shift() ?? SLACK_OK;
      if (req.method !== 'POST' || !req.url?.startsWith('/services/'))
        answer = { status: 404, body: 'no_service' };
      else {
        try {
          const parsed = JSON.parse(body) as { blocks?: unknown; text?: unknown };
          if (!Array.isArray(parsed.blocks) && typeof parsed.text !== 'string')
            answer = { status: 400, body: 'invalid_payload' };
        } catch {
          answer = { status: 400, body: 'invalid_payload' };
        }
      }
      const headers: Record<string, string> = { 'content-type': 'text/html' };
      if (answer.retryAfter !== undefined) headers['retry-after'] = String(answer.retryAfter);
      res.writeHead(answer.status, headers).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/services/T0SECRET/B0SECRET/xoxSecretToken123`,
    posts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
