import { blockComment, stringLiteral } from '../render/emit.js';
import type { Model } from './model.js';
import { propertyKey } from './names.js';

/**
 * mocks.ts: an in-memory fake client answering each operation from its spec example (or an
 * override), recording the calls. Operations without an example throw until given an override.
 */
export function renderMocks(model: Model, header: string): Map<string, string> {
  const examples: string[] = [];
  for (const op of model.operations) {
    const ok = op.responses.find((r) => /^2/.test(r.status) && r.example !== undefined);
    if (!ok) continue;
    examples.push(`  ${propertyKey(op.name)}: ${literal(ok.example)},`);
    // generate() gathers model.notes after rendering, so these reach the printed notes.
    for (const n of unsafeIntegers(ok.example))
      model.notes.push(
        `${op.method} ${op.path}: response example integer ${n} is beyond 2^53; the spec parser may have rounded it (write it as a string to keep every digit)`,
      );
  }
  const text = `${header}import { type ApiClient, decodeResponse } from './client.js';
import type { Operations } from './types.js';

/** Response examples as written in the spec, by operation (the mock answers them decoded like a response). */
export const EXAMPLES: Partial<Record<keyof Operations, unknown>> = {${examples.length > 0 ? `\n${examples.join('\n')}\n` : ''}};

export type MockHandlers = {
  [K in keyof Operations]?: (input: Operations[K]['input']) => Operations[K]['output'] | Promise<Operations[K]['output']>;
};

export type MockClient = ApiClient & { calls: { operation: keyof Operations; input: unknown }[] };

/** A fake ApiClient: answers from \`handlers\`, else from the spec's example (a fresh copy, int64 fields as the client returns them). */
export function createMockClient(handlers: MockHandlers = {}): MockClient {
  const calls: MockClient['calls'] = [];
  const target = { calls };
  return new Proxy(target, {
    get(t, key) {
      if (key === 'calls') return t.calls;
      if (typeof key !== 'string') return undefined;
      const operation = key as keyof Operations;
      return async (input: unknown = {}) => {
        calls.push({ operation, input });
        const handler = handlers[operation] as ((i: unknown) => unknown) | undefined;
        if (handler) return handler(input);
        if (operation in EXAMPLES) return decodeResponse(operation, structuredClone(EXAMPLES[operation]));
        throw new Error('mock: no example for ' + operation + '; pass a handler to createMockClient');
      };
    },
  }) as unknown as MockClient;
}
`;
  const cases = model.operations.map((op) => {
    const k = stringLiteral(op.name);
    const hasExample = op.responses.some((r) => /^2/.test(r.status) && r.example !== undefined);
    return [
      `  /** ${blockComment(`${op.method} ${op.path}`)} */`,
      `  async ${propertyKey(op.name)}(): Promise<void> {`,
      hasExample
        ? '    const client = createMockClient();'
        : `    const client = createMockClient({ ${propertyKey(op.name)}: () => { throw new Error(${stringLiteral(`TODO: answer ${op.name}`)}); } });`,
      `    const input = {} as Operations[${k}]['input']; // TODO: the input under test`,
      `    const output = await client${/^[A-Za-z_$][\w$]*$/.test(op.name) ? `.${op.name}` : `[${k}]`}(input);`,
      `    assert(client.calls.length === 1 && client.calls[0]?.operation === ${k}, 'called once');`,
      '    void output; // TODO: assert on the output',
      '  },',
    ].join('\n');
  });
  const template = `${header}// A test template per operation, answered by the mock client: copy the cases you need into your
// test runner (vitest, jest, node:test) and fill in the TODOs.
import { createMockClient } from './mocks.js';
import type { Operations } from './types.js';

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export const operationTests = {${cases.length > 0 ? `\n${cases.join('\n')}\n` : ''}};
`;
  return new Map([
    ['mocks.ts', text],
    ['mocks.test-template.ts', template],
  ]);
}

/** A JSON value as a TypeScript expression; a `__proto__` key stays a plain property. */
function literal(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(literal).join(',')}]`;
  const props = Object.entries(v).map(
    ([k, x]) => `${k === '__proto__' ? '["__proto__"]' : JSON.stringify(k)}:${literal(x)}`,
  );
  return `{${props.join(',')}}`;
}

/** Integers in an example that a double cannot hold exactly. */
function unsafeIntegers(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v))
    out.push(BigInt(v).toString());
  else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) unsafeIntegers(x, out);
  return out;
}
