/**
 * shipkit-connect.ts, written once at the root of every proto output directory: the policy the
 * generated service clients share (timeouts, retries of idempotent unary methods, ConnectError as
 * the one typed error) and the in-memory mock transport (Connect's router transport). Needs
 * @connectrpc/connect ^2.0 and @bufbuild/protobuf 2.13.0.
 */
export const CONNECT_RUNTIME = `import { create, type DescMessage, type DescMethod, type DescService, type MessageInitShape } from '@bufbuild/protobuf';
import {
  type CallOptions,
  type Client,
  Code,
  ConnectError,
  createClient,
  createRouterTransport,
  type Transport,
} from '@connectrpc/connect';

export { Code, ConnectError };

export interface ClientOptions {
  /** Deadline of each call in milliseconds (default 30000); a call's own \`timeoutMs\` wins. */
  timeoutMs?: number;
  /** Retries of idempotent unary methods (idempotency_level NO_SIDE_EFFECTS or IDEMPOTENT; default 2). */
  retries?: number;
  /** Delay before the first retry, doubled for each next one (default 200 ms). */
  retryDelayMs?: number;
}

/** Codes worth another try of an idempotent call: the server did not do it, or asks to come back. */
const RETRYABLE = new Set<Code>([Code.Unavailable, Code.ResourceExhausted, Code.Aborted]);

/** Is the method retried: unary, declared without side effects or idempotent. */
export function isRetried(method: DescMethod): boolean {
  return method.methodKind === 'unary' && Number(method.idempotency) > 0;
}

/** Every error a generated client throws is a ConnectError: its \`code\` says what went wrong. */
export function isConnectError(err: unknown): err is ConnectError {
  return err instanceof ConnectError;
}

type Call = (request: unknown, options?: CallOptions) => unknown;

/** Connect's client for \`service\` over \`transport\` (gRPC, gRPC-web or Connect), with the policy above. */
export function createServiceClient<S extends DescService>(
  service: S,
  transport: Transport,
  options: ClientOptions = {},
): Client<S> {
  const client = createClient(service, transport) as unknown as Record<string, Call>;
  const out: Record<string, Call> = {};
  for (const method of service.methods) {
    const call = client[method.localName] as Call;
    const timed = (callOptions: CallOptions = {}): CallOptions => ({
      ...callOptions,
      timeoutMs: callOptions.timeoutMs ?? options.timeoutMs ?? 30_000,
    });
    out[method.localName] =
      method.methodKind === 'unary'
        ? (request, callOptions) => unary(call, method, request, timed(callOptions), options)
        : (request, callOptions) => call(request, timed(callOptions));
  }
  return out as unknown as Client<S>;
}

async function unary(
  call: Call,
  method: DescMethod,
  request: unknown,
  callOptions: CallOptions,
  options: ClientOptions,
): Promise<unknown> {
  const retries = isRetried(method) ? (options.retries ?? 2) : 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call(request, callOptions);
    } catch (err) {
      const error = ConnectError.from(err);
      if (attempt >= retries || !RETRYABLE.has(error.code) || callOptions.signal?.aborted) throw error;
      await sleep((options.retryDelayMs ?? 200) * 2 ** attempt, callOptions.signal);
    }
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

type OutputOf<M> = M extends { output: infer O extends DescMessage } ? O : never;

/** What a mock answers for each method: a message (its fields; the rest default) or a function of the request. */
export type Fixtures<S extends DescService> = {
  [K in keyof S['method']]?:
    | MessageInitShape<OutputOf<S['method'][K]>>
    | ((request: unknown) => MessageInitShape<OutputOf<S['method'][K]>>);
};

/**
 * An in-memory implementation of \`service\` (Connect's router transport): each method answers with
 * its fixture, or a message of field defaults. Streaming methods answer one message per request.
 */
export function createMockTransport<S extends DescService>(service: S, fixtures: Fixtures<S> = {}): Transport {
  return createRouterTransport((router) => {
    const impl: Record<string, unknown> = {};
    for (const method of service.methods) {
      const answer = (request: unknown) => {
        const fixture = (fixtures as Record<string, unknown>)[method.localName];
        const init = typeof fixture === 'function' ? (fixture as (r: unknown) => unknown)(request) : fixture;
        return create(method.output, (init ?? {}) as MessageInitShape<DescMessage>);
      };
      if (method.methodKind === 'unary') impl[method.localName] = (request: unknown) => answer(request);
      else if (method.methodKind === 'server_streaming')
        impl[method.localName] = async function* (request: unknown) {
          yield answer(request);
        };
      else if (method.methodKind === 'client_streaming')
        impl[method.localName] = async (requests: AsyncIterable<unknown>) => {
          let last: unknown;
          for await (const r of requests) last = r;
          return answer(last);
        };
      else
        impl[method.localName] = async function* (requests: AsyncIterable<unknown>) {
          for await (const r of requests) yield answer(r);
        };
    }
    router.service(service, impl as never);
  });
}
`;
