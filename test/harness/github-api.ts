// A loopback stand-in for the GitHub REST and GraphQL API, for tests. Every request is checked
// against GitHub's own REST description (vendored, see test/fixtures/github/SOURCE.md) and GraphQL
// schema; anything GitHub would reject or never answer is recorded in `api.violations`.
import { randomBytes } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Fault, Faults } from './github-faults.js';
import { checkGraphqlRequest } from './github-graphql.js';
import { type RouteKey, type RouteMatch, RouteTable, routeKey } from './openapi-routes.js';
import { loadGitHubDescription } from './openapi-spec.js';
import { OpenApiValidator } from './openapi-validate.js';

export { type Fault, lostAnswer, noAnswer, secondaryRateLimit } from './github-faults.js';

export interface ApiRequest {
  method: string;
  /** Path relative to the API root (without the GHES prefix and query string). */
  path: string;
  /** Path parameters, coerced to their described types. */
  params: Record<string, unknown>;
  /** Query parameters, coerced to their described types. */
  query: Record<string, unknown>;
  body: unknown;
  headers: IncomingHttpHeaders;
}

export interface ApiResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (req: ApiRequest) => ApiResponse | Promise<ApiResponse>;
/** Returns the `data` of the answer; a thrown error becomes a GraphQL `errors` answer. */
export type GraphqlHandler = (variables: Record<string, unknown>, query: string) => unknown;

export interface ApiCall {
  method: string;
  path: string;
  operationId?: string;
  route?: string;
  query: Record<string, string>;
  body: unknown;
  headers: IncomingHttpHeaders;
  status: number;
}

export interface GitHubApiOptions {
  /** Path prefix of the REST API, e.g. `'/api/v3'` for GitHub Enterprise Server. */
  prefix?: string;
  /** Default: `'/api/graphql'` with the `/api/v3` prefix, otherwise `{prefix}/graphql`. */
  graphqlPath?: string;
}

export interface GitHubApi {
  /** Base URL including the prefix, no trailing slash. */
  readonly url: string;
  readonly graphqlUrl: string;
  readonly calls: ApiCall[];
  readonly violations: string[];
  /** Registers a handler; `route` is the description's own key, e.g. `'GET /repos/{owner}/{repo}'`. */
  on(route: string, handler: Handler): GitHubApi;
  onGraphql(operationName: string, handler: GraphqlHandler): GitHubApi;
  fault(fault: Fault): GitHubApi;
  assertNoViolations(): void;
  close(): Promise<void>;
}

const DOCS_URL = 'https://docs.github.com/rest';
const RATE_LIMIT = 5000;

export async function startGitHubApi(options: GitHubApiOptions = {}): Promise<GitHubApi> {
  const api = new GitHubApiServer(options);
  await api.listen();
  return api;
}

interface Shared {
  routes: RouteTable;
  validator: OpenApiValidator;
}

let shared: Shared | undefined;

/** Route table and compiled validators are shared by all servers of the process. */
function sharedDescription(): Shared {
  if (!shared) {
    const doc = loadGitHubDescription();
    shared = { routes: new RouteTable(doc), validator: new OpenApiValidator(doc) };
  }
  return shared;
}

type Resource = 'core' | 'graphql';

interface Reply extends ApiResponse {
  resource?: Resource;
  /** Never answered (status 0 in `calls`). */
  hang?: boolean;
}

class GitHubApiServer implements GitHubApi {
  readonly calls: ApiCall[] = [];
  readonly violations: string[] = [];
  url = '';
  graphqlUrl = '';
  private readonly server: Server;
  private readonly prefix: string;
  private readonly graphqlPath: string;
  private readonly handlers = new Map<RouteKey, Handler>();
  private readonly graphqlHandlers = new Map<string, GraphqlHandler>();
  private readonly faults = new Faults();
  private readonly used: Record<Resource, number> = { core: 0, graphql: 0 };
  private readonly resetAt = Math.floor(Date.now() / 1000) + 3600;
  private readonly shared = sharedDescription();

  constructor(options: GitHubApiOptions) {
    this.prefix = (options.prefix ?? '').replace(/\/+$/, '');
    this.graphqlPath =
      options.graphqlPath ??
      (/\/api\/v3$/.test(this.prefix) ? this.prefix.replace(/\/v3$/, '/graphql') : `${this.prefix}/graphql`);
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.violations.push(`stand-in failure: ${String(error)}`);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    const origin = `http://127.0.0.1:${port}`;
    this.url = `${origin}${this.prefix}`;
    this.graphqlUrl = `${origin}${this.graphqlPath}`;
  }

  on(route: string, handler: Handler): GitHubApi {
    this.handlers.set(this.describedRoute(route), handler);
    return this;
  }

  onGraphql(operationName: string, handler: GraphqlHandler): GitHubApi {
    this.graphqlHandlers.set(operationName, handler);
    return this;
  }

  fault(fault: Fault): GitHubApi {
    const route = fault.route === undefined ? undefined : this.faultRoute(fault.route);
    this.faults.add({ ...fault, route });
    return this;
  }

  assertNoViolations(): void {
    if (this.violations.length === 0) return;
    const list = this.violations.map((v) => `  - ${v}`).join('\n');
    throw new Error(`GitHub API stand-in recorded ${this.violations.length} violation(s):\n${list}`);
  }

  async close(): Promise<void> {
    if (!this.server.listening) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
  }

  private describedRoute(route: string): RouteKey {
    const found = this.shared.routes.get(route);
    if (!found) throw new Error(`Not in the GitHub REST description: ${route}`);
    return found.key;
  }

  private faultRoute(route: string): RouteKey {
    const graphql = routeKey('POST', this.graphqlPath);
    return route.trim().replace(/\s+/, ' ').toUpperCase() === graphql.toUpperCase()
      ? graphql
      : this.describedRoute(route);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const call: ApiCall = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      headers: req.headers,
      status: 0,
    };
    const reply =
      method === 'POST' && url.pathname === this.graphqlPath
        ? await this.graphql(raw, call)
        : await this.rest(method, url, raw, req.headers, call);
    call.status = reply.status;
    this.calls.push(call);
    if (reply.hang) {
      // Held open, answered never: the client times out (or the server closes).
      await new Promise((done) => res.once('close', done));
      return;
    }
    this.send(res, reply);
  }

  private async rest(
    method: string,
    url: URL,
    raw: Buffer,
    headers: IncomingHttpHeaders,
    call: ApiCall,
  ): Promise<Reply> {
    const path = this.stripPrefix(url.pathname);
    call.path = path ?? url.pathname;
    const route = path === undefined ? undefined : this.shared.routes.match(method, path);
    if (!route) {
      const message = `Not Found (not in GitHub REST description): ${method} ${call.path}`;
      return this.reject(404, message, [`${method} ${url.pathname} is not in the GitHub REST description`]);
    }
    call.route = route.key;
    call.operationId = route.operation.operationId;
    const context = `${method} ${url.pathname} (${route.operation.operationId})`;
    const parsed = parseJsonBody(raw, headers['content-type']);
    call.body = parsed.body;
    if (parsed.invalid) return this.reject(400, 'Problems parsing JSON', [`${context}: body is not JSON`]);
    const check = this.shared.validator.checkRequest(route, {
      query: url.searchParams,
      body: parsed.body,
      hasBody: raw.length > 0,
    });
    if (check.errors.length > 0) return this.invalid(context, check.errors);
    const request = {
      method,
      path: call.path,
      params: check.params,
      query: check.query,
      body: parsed.body,
      headers,
    };
    const fault = this.faults.take(route.key);
    if (!fault?.apply) return (await this.faults.reply(fault)) ?? this.callHandler(route, context, request);
    const applied = await this.callHandler(route, context, request);
    return (await this.faults.reply(fault)) ?? applied;
  }

  private async callHandler(route: RouteMatch, context: string, request: ApiRequest): Promise<Reply> {
    const handler = this.handlers.get(route.key);
    if (!handler) {
      const message = `Not Implemented: no handler registered for ${route.key}`;
      return this.reject(501, message, [`${context}: no handler registered`]);
    }
    let response: ApiResponse;
    try {
      response = await handler(request);
    } catch (error) {
      return this.reject(500, 'Server Error', [`${context}: handler threw ${String(error)}`]);
    }
    const errors = this.shared.validator.checkResponse(route, response.status, response.body);
    this.record(`${context}: handler answered what GitHub never would`, errors);
    return response;
  }

  private async graphql(raw: Buffer, call: ApiCall): Promise<Reply> {
    call.route = routeKey('POST', this.graphqlPath);
    const parsed = parseJsonBody(raw, 'application/json');
    call.body = parsed.body;
    if (parsed.invalid) return this.reject(400, 'Problems parsing JSON', ['GraphQL: body is not JSON']);
    const check = checkGraphqlRequest(parsed.body);
    call.operationId = `graphql:${check.operationName}`;
    const context = `GraphQL ${check.operationName || '(anonymous)'}`;
    if (check.errors.length > 0) {
      this.record(
        context,
        check.errors.map((e) => e.message),
      );
      return { status: 200, body: { errors: check.errors.map((e) => e.toJSON()) }, resource: 'graphql' };
    }
    const fault = await this.faults.reply(this.faults.take(call.route));
    if (fault) return { ...fault, resource: 'graphql' };
    const handler = this.graphqlHandlers.get(check.operationName);
    if (!handler) {
      this.record(context, ['no handler registered with api.onGraphql()']);
      return {
        status: 501,
        body: { errors: [{ message: `No handler for ${context}` }] },
        resource: 'graphql',
      };
    }
    try {
      const data = await handler(check.variables, check.query);
      return { status: 200, body: { data }, resource: 'graphql' };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { status: 200, body: { data: null, errors: [{ message }] }, resource: 'graphql' };
    }
  }

  private stripPrefix(pathname: string): string | undefined {
    if (!this.prefix) return pathname;
    return pathname.startsWith(`${this.prefix}/`) ? pathname.slice(this.prefix.length) : undefined;
  }

  private record(context: string, errors: string[]): void {
    for (const error of errors) this.violations.push(`${context}: ${error}`);
  }

  private reject(status: number, message: string, violations: string[]): Reply {
    this.violations.push(...violations);
    return { status, body: { message, documentation_url: DOCS_URL, status: String(status) } };
  }

  private invalid(context: string, errors: string[]): Reply {
    this.record(context, errors);
    const message = `Invalid request.\n\n${errors.join('\n')}`;
    return { status: 422, body: { message, errors, documentation_url: DOCS_URL, status: '422' } };
  }

  private send(res: ServerResponse, reply: Reply): void {
    const headers: Record<string, string> = { ...this.standardHeaders(reply.resource ?? 'core') };
    for (const [name, value] of Object.entries(reply.headers ?? {})) headers[name.toLowerCase()] = value;
    const hasBody = reply.body !== undefined && reply.status !== 204 && reply.status !== 304;
    if (!hasBody) {
      delete headers['content-type'];
      res.writeHead(reply.status, headers).end();
      return;
    }
    const payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status, headers).end(payload);
  }

  private standardHeaders(resource: Resource): Record<string, string> {
    this.used[resource] += 1;
    const used = this.used[resource];
    return {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': requestId(),
      'x-ratelimit-limit': String(RATE_LIMIT),
      'x-ratelimit-remaining': String(Math.max(RATE_LIMIT - used, 0)),
      'x-ratelimit-reset': String(this.resetAt),
      'x-ratelimit-used': String(used),
      'x-ratelimit-resource': resource,
    };
  }
}

function requestId(): string {
  const hex = randomBytes(14).toString('hex').toUpperCase();
  return `${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8, 14)}:${hex.slice(14, 20)}:${hex.slice(20)}`;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** JSON unless a non-JSON content type says otherwise; an empty body is no body. */
function parseJsonBody(raw: Buffer, contentType: string | undefined): { body: unknown; invalid?: boolean } {
  if (raw.length === 0) return { body: undefined };
  const text = raw.toString('utf8');
  if (contentType && !/json/i.test(contentType)) return { body: text };
  try {
    return { body: JSON.parse(text) };
  } catch {
    return { body: text, invalid: true };
  }
}
