// A loopback server that speaks the Anthropic Messages API (POST /v1/messages), answering from a
// queue of scripted replies and checking each request the way the API would.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
  /** Answer only after this long (a slow or hung API, for timeouts). */
  delayMs?: number;
}

export interface ClaudeServer {
  url: string;
  requests: { headers: IncomingHttpHeaders; body: Record<string, unknown> }[];
  problems: string[];
  reply(...replies: Reply[]): void;
  close(): Promise<void>;
}

export function toolUse(name: string, input: unknown): Reply {
  return message([{ type: 'tool_use', id: 'toolu_01A', name, input }], 'tool_use');
}

export function message(content: unknown[], stop_reason: string): Reply {
  return {
    body: {
      id: 'msg_01XFDUDYJgAACzvnptvVoYEL',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-6',
      content,
      stop_reason,
      stop_sequence: null,
      usage: { input_tokens: 120, output_tokens: 80 },
    },
  };
}

export function apiError(status: number, type: string, headers: Record<string, string> = {}): Reply {
  return { status, headers, body: { type: 'error', error: { type, message: `${type} (scripted)` } } };
}

export async function startClaudeServer(): Promise<ClaudeServer> {
  const queue: Reply[] = [];
  const requests: ClaudeServer['requests'] = [];
  const problems: string[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      requests.push({ headers: req.headers, body });
      if (req.method !== 'POST' || req.url !== '/v1/messages')
        problems.push(`unexpected ${req.method} ${req.url}`);
      if (!req.headers['x-api-key'] && !req.headers.authorization?.startsWith('Bearer '))
        problems.push('no API key');
      if (!req.headers['anthropic-version']) problems.push('no anthropic-version header');
      for (const field of ['model', 'max_tokens', 'messages'])
        if (!(field in body)) problems.push(`no ${field}`);
      const tools = body.tools as { name: string; input_schema: { type: string } }[] | undefined;
      const choice = body.tool_choice as { type: string; name: string } | undefined;
      if (choice && !tools?.some((t) => t.name === choice.name))
        problems.push('tool_choice names no offered tool');
      if (tools?.some((t) => t.input_schema.type !== 'object'))
        problems.push('a tool input_schema is not an object');
      const next = queue.shift() ?? apiError(500, 'api_error');
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(next.status ?? 200, {
          'content-type': 'application/json',
          'request-id': 'req_01',
          ...next.headers,
        });
        res.end(JSON.stringify(next.body));
      };
      if (next.delayMs) setTimeout(send, next.delayMs).unref();
      else send();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    problems,
    reply: (...replies) => queue.push(...replies),
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
