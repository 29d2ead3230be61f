import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { askForTool } from '../../src/ai/structured.js';
import { createGitHub } from '../../src/github/client.js';
import { z } from 'zod';

/**
 * Every request has a deadline and no server can make shipkit wait long: loopback servers that
 * accept and never answer, answer headers and then stall, or ask for `retry-after: 3600`. Each
 * call must fail with a message naming the service and the endpoint within a few seconds (the
 * deadline is shortened through SHIPKIT_REQUEST_TIMEOUT_MS; the wait cap is the default 60 s).
 */

let server: Server | undefined;
const sockets = new Set<import('node:net').Socket>();

async function serve(handler: RequestListener): Promise<string> {
  server = createServer(handler);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeEach(() => {
  process.env.SHIPKIT_REQUEST_TIMEOUT_MS = '400';
});

afterEach(async () => {
  delete process.env.SHIPKIT_REQUEST_TIMEOUT_MS;
  for (const s of sockets) s.destroy();
  await new Promise((r) => server?.close(r));
  server = undefined;
});

const never: RequestListener = () => {};

function github(url: string, warnings: string[] = []) {
  return createGitHub('ghs_test', {
    apiUrl: url,
    graphqlUrl: `${url}/graphql`,
    warn: (m) => warnings.push(m),
  });
}

async function timed<T>(p: Promise<T>): Promise<{ error: Error; ms: number }> {
  const start = Date.now();
  try {
    await p;
  } catch (err) {
    return { error: err as Error, ms: Date.now() - start };
  }
  throw new Error('expected the request to fail');
}

describe('GitHub API requests', () => {
  it('a server that accepts and never answers: an error naming the endpoint, not a hang', async () => {
    const url = await serve(never);
    const { error, ms } = await timed(github(url).rest.repos.get({ owner: 'o', repo: 'r' }));
    expect(error.message).toBe(`GitHub API did not answer GET ${url}/repos/o/r within 400 ms`);
    expect(ms).toBeLessThan(5000);
  }, 10_000);

  it('a server that sends headers and then stalls the body: the deadline covers the answer', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":');
    });
    const { error } = await timed(github(url).rest.repos.get({ owner: 'o', repo: 'r' }));
    expect(error.message).toBe(`GitHub API did not answer GET ${url}/repos/o/r within 400 ms`);
  }, 10_000);

  it('retry-after: 3600 on a secondary rate limit fails at once, logged and named, instead of an hour', async () => {
    let calls = 0;
    const url = await serve((_req, res) => {
      calls++;
      res.writeHead(403, { 'content-type': 'application/json', 'retry-after': '3600' });
      res.end(JSON.stringify({ message: 'You have exceeded a secondary rate limit.' }));
    });
    const warnings: string[] = [];
    const { error, ms } = await timed(
      github(url, warnings).rest.issues.create({ owner: 'o', repo: 'r', title: 't' }),
    );
    const said = `GitHub API answered 403 to POST ${url}/repos/o/r/issues and asks to wait 3600 s before retrying, over the 60 s shipkit waits`;
    expect(error.message).toBe(said);
    expect(warnings).toContain(said);
    expect(calls).toBe(1);
    expect(ms).toBeLessThan(5000);
  }, 10_000);

  it('a spent primary rate limit that resets in an hour is not waited for either', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(429, {
        'content-type': 'application/json',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      });
      res.end(JSON.stringify({ message: 'API rate limit exceeded' }));
    });
    const { error } = await timed(github(url).rest.repos.get({ owner: 'o', repo: 'r' }));
    expect(error.message).toMatch(
      /^GitHub API answered 429 to GET .*\/repos\/o\/r and asks to wait 3\d\d\d s/,
    );
  }, 10_000);

  it('a short retry-after is still honoured: the request succeeds on the second try', async () => {
    let calls = 0;
    const url = await serve((_req, res) => {
      calls++;
      if (calls === 1) {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' });
        res.end(JSON.stringify({ message: 'You have exceeded a secondary rate limit.' }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 1, full_name: 'o/r' }));
    });
    const { data } = await github(url).rest.repos.get({ owner: 'o', repo: 'r' });
    expect(data).toMatchObject({ full_name: 'o/r' });
    expect(calls).toBe(2);
  }, 10_000);
});

describe('Claude API requests', () => {
  const tool = { name: 'answer', description: 'd', schema: z.object({ x: z.string() }) };
  const ask = (url: string) =>
    askForTool({ apiKey: 'sk-ant-test', baseURL: url, maxRetries: 1 }, tool, 's', 'p');

  it('a server that never answers: a ShipkitError within seconds', async () => {
    const url = await serve(never);
    const { error, ms } = await timed(ask(url));
    expect(error.name).toBe('ShipkitError');
    expect(error.message).toMatch(/^Claude API connection error after retries/);
    expect(ms).toBeLessThan(6000);
  }, 15_000);

  it('retry-after: 3600 is refused, not waited for', async () => {
    let calls = 0;
    const url = await serve((_req, res) => {
      calls++;
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '3600' });
      res.end(JSON.stringify({ type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } }));
    });
    const { error, ms } = await timed(ask(url));
    expect(error.message).toBe(
      'Claude API answered 429 to POST /v1/messages and asks to wait 3600 s before retrying, over the 60 s shipkit waits',
    );
    expect(calls).toBe(1);
    expect(ms).toBeLessThan(5000);
  }, 10_000);
});
