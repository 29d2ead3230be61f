import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createGitHub } from '../../src/github/client.js';

// The client sends requests straight with Node's fetch unless a proxy is set; behind one (a
// self-hosted runner's HTTP(S)_PROXY), they must go through it, as @actions/github sends them.
const saved = { ...process.env };
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

describe('the GitHub client behind a proxy', () => {
  it('sends its requests through HTTP_PROXY, with the token and the user agent', async () => {
    const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
    const tunnels: string[] = [];
    // The API behind the proxy: reached through the proxy's CONNECT tunnel, or asked by absolute URL.
    const apiServer = createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"full_name":"acme/store"}');
    });
    const proxy = createServer((req, res) => {
      apiServer.emit('request', req, res);
    });
    proxy.on('connect', (req, socket) => {
      tunnels.push(req.url ?? '');
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      apiServer.emit('connection', socket);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      const api = 'http://api.github.example';
      process.env.GITHUB_API_URL = api;
      process.env.HTTP_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      delete process.env.NO_PROXY;
      delete process.env.no_proxy;
      const gh = createGitHub('ghs_proxy', { apiUrl: api, graphqlUrl: `${api}/graphql`, warn: () => {} });
      const { data } = await gh.rest.repos.get({ owner: 'acme', repo: 'store' });
      expect(data.full_name).toBe('acme/store');
      expect([...tunnels, ...seen.map((s) => s.url)]).toEqual(
        tunnels.length > 0 ? ['api.github.example:80', '/repos/acme/store'] : [`${api}/repos/acme/store`],
      );
      expect(seen[0]?.headers.authorization).toBe('token ghs_proxy');
      expect(seen[0]?.headers['user-agent']).toMatch(/^shipkit /);
    } finally {
      proxy.closeAllConnections();
      proxy.close();
      apiServer.close();
    }
  });
});
